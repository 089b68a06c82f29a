import rule from "../../src/rules/voicemail-port-ceiling.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    { name: "exactly 40 ports", code: network({ offices: ["office hq { role central licenses { preferred-edition voicemail-ports 36 } }"] }) },
    { name: "a member's ports are unneeded-license's", code: network({ offices: ["office hq { role central licenses { preferred-edition } }", "office b { licenses { preferred-edition voicemail-ports 60 } }"] }) },
    { name: "ports without the edition licence are not a server's", code: network({ offices: ["office hq { role central licenses { voicemail-ports 60 } }"] }) },
  ],
  invalid: [
    {
      name: "the central office, at the additional ports",
      code: network({ offices: ["office hq { role central licenses { preferred-edition voicemail-ports 60 } }"] }),
      errors: [{
        line: 4, column: 73, endColumn: 75,
        message: "office 'hq' licenses 64 voicemail ports (4 with its edition licence and 60 additional), more than the 40 voicemail channels " +
          "an IP500 V2 system supports; 24 of them can never be used (set `voicemail-ports 36` or fewer)",
      }],
    },
    {
      name: "the fallback office and an office on a distributed server",
      code: network({
        servers: ["server vm-hq { role central }", "server vm-e { role distributed }"],
        offices: ["office hq { role central licenses { preferred-edition } }", "office dr { role fallback licenses { preferred-edition voicemail-ports 37 } }", "office e { voicemail vm-e licenses { preferred-edition voicemail-ports 40 } }"],
      }),
      errors: [
        { line: 6, column: 74, message: /^office 'dr' licenses 41 voicemail ports/ },
        { line: 7, column: 74, message: /^office 'e' licenses 44 voicemail ports/ },
      ],
    },
  ],
});
