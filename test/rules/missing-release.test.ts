import rule from "../../src/rules/missing-release.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "every device sets its own", code: network({ release: null, servers: ["server vm-hq { role central version 6.0 }"], offices: ["office hq { role central release 6.0 }"] }) },
    { name: "the network's release cannot be read (syntax-error says so)", code: network({ release: "6" }) },
    { name: "the office's release cannot be read", code: network({ release: null, servers: ["server vm-hq { role central version 6.0 }"], offices: ["office hq { role central release 6 }"] }) },
  ],
  invalid: [
    {
      name: "an office and a server without one",
      code: network({ release: null, servers: ["server vm-hq { role central }"], offices: ["office hq { role central release 6.0 }", "office branch { }"] }),
      errors: [
        { line: 2, column: 10, endColumn: 15, message: "server 'vm-hq' has no version and the network sets no release; add `release` to the network or `version` to the server" },
        { line: 4, column: 10, endColumn: 16, message: "office 'branch' has no release and the network sets none; add `release 6.0` (or the office's release) to the network or the office" },
      ],
    },
  ],
});
