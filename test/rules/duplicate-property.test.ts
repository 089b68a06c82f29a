import rule from "../../src/rules/duplicate-property.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    network({ offices: ["office hq { role central uses ums tts licenses { preferred-edition voicemail-ports 2 ums 1 tts 1 } }"] }),
  ],
  invalid: [
    {
      name: "an office property given twice; the fix removes the repeat",
      code: network({ offices: ["office hq { role central address 10.0.0.1 address 10.0.0.2 licenses { preferred-edition } }"] }),
      errors: [{
        line: 4, column: 45, endColumn: 52,
        message: "'address' is given twice in office 'hq'; keep one (a repeated property is an error, not an override)",
        related: [{ line: 4, column: 28, message: "first given here" }],
        fix: "Remove the repeated 'address'",
      }],
      output: network({ offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }"] }),
    },
    {
      name: "a repeat on a line of its own goes with its line",
      code: network({ offices: ["office hq {\n    role central\n    users 5\n    users 6\n  }"] }),
      errors: [{ line: 7, column: 5, message: /^'users' is given twice in office 'hq'/, fix: "Remove the repeated 'users'" }],
      output: network({ offices: ["office hq {\n    role central\n    users 5\n  }"] }),
    },
    {
      name: "a network property",
      code: network({ properties: ["release 6.1"] }),
      errors: [{ line: 3, column: 3, endColumn: 10, message: /^'release' is given twice in the network;/ }],
    },
    {
      name: "a server property",
      code: network({ servers: ["server vm-hq { role central role backup }"] }),
      errors: [{ line: 3, column: 31, message: /^'role' is given twice in server 'vm-hq';/ }],
    },
    {
      name: "both names of the edition licence",
      code: network({ offices: ["office hq { role central licenses { voicemail-pro preferred-edition } }"] }),
      errors: [{ line: 4, column: 53, endColumn: 70, message: /^'preferred-edition' is given twice in the licenses of office 'hq';/ }],
    },
    {
      name: "a link's group id",
      code: network({ offices: ["office hq { role central licenses { preferred-edition } }", "office b { }"], links: ["link hq -- b { group-id 1 group-id 2 }"] }),
      errors: [{ line: 6, column: 29, message: /^'group-id' is given twice in link 'hq -- b';/ }],
    },
    {
      name: "licences given twice as blocks",
      code: network({ offices: ["office hq { role central licenses { preferred-edition } licenses { ums 1 } }"] }),
      errors: [{ line: 4, column: 59, message: /^'licenses' is given twice in office 'hq';/ }],
    },
  ],
});
