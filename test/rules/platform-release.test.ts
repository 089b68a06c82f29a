import rule from "../../src/rules/platform-release.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    { name: "Windows at 5.0", code: network({ release: "5.0", servers: ["server vm-hq { role central platform windows }"] }) },
    { name: "Linux from 8.0", code: network({ release: "8.0", servers: ["server vm-hq { role central platform linux }"] }) },
    { name: "an Application Server at 11.1", code: network({ release: "11.1", servers: ["server vm-hq { role central platform application-server }"] }) },
    { name: "no platform is not judged", code: network({ release: "5.0", servers: ["server vm-hq { role central }"] }) },
  ],
  invalid: [
    {
      name: "Linux at 6.0, at the platform, naming the version",
      code: network({ servers: ["server vm-hq { role central platform linux }"] }),
      errors: [{
        line: 3, column: 40, endColumn: 45,
        message: "server 'vm-hq' is at 6.0 (the network's release), where Voicemail Pro ran only on Windows, not on Linux; use `platform windows`, or raise its version to 8.0 or later",
        related: [{ line: 2, column: 11, message: "server 'vm-hq' is at 6.0" }],
      }],
    },
    {
      name: "a UCM and an Application Server on their own versions below 8.0",
      code: network({ release: "9.1", servers: ["server vm-hq { role central version 7.0 platform ucm }", "server vm-dr { role backup version 6.1 platform application-server }"] }),
      errors: [
        { line: 3, column: 52, message: /^server 'vm-hq' is at 7\.0, where Voicemail Pro ran only on Windows, not on a UCM/ },
        { line: 4, column: 51, message: /^server 'vm-dr' is at 6\.1, where Voicemail Pro ran only on Windows, not on an Application Server/ },
      ],
    },
  ],
});
