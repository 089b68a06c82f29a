import rule from "../../src/rules/fallback-min-release.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central licenses { voicemail-pro } }";
const fallback = "office dr { role fallback licenses { voicemail-pro } }";

ruleTable(rule, {
  valid: [
    { name: "everything at 5.0", code: network({ release: "5.0", offices: [central, fallback] }) },
    { name: "no fallback office at 4.2", code: network({ release: "4.2", offices: [central] }) },
    { name: "an unknown release is not judged", code: network({ release: null, offices: [central, fallback] }) },
  ],
  invalid: [
    {
      name: "one diagnostic at the network release that every device inherits",
      code: network({ release: "4.2", offices: [central, fallback] }),
      errors: [{
        line: 2, column: 11, endColumn: 14,
        message: "central office 'hq', fallback office 'dr' and central server 'vm-hq' are at 4.2 (the network's release), below the 5.0 that fallback office control (fallback office 'dr') needs; raise them to 5.0 or later, or remove `role fallback` from office 'dr'",
      }],
    },
    {
      name: "only the device below the floor, at its own release",
      code: network({ release: "6.0", offices: [central, "office dr { role fallback release 4.2 }"] }),
      errors: [{ line: 5, column: 37, message: /^fallback office 'dr' is at 4.2, below the 5.0/ }],
    },
    {
      name: "the central server version",
      code: network({ release: "6.0", servers: ["server vm-hq { role central version 4.1 }"], offices: [central, fallback] }),
      errors: [{ line: 3, column: 39, message: /^central server 'vm-hq' is at 4.1/ }],
    },
  ],
});
