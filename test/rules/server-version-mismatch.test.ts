import rule from "../../src/rules/server-version-mismatch.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central licenses { preferred-edition } }";
const east = "office east { voicemail vm-east licenses { preferred-edition } }";

ruleTable(rule, {
  valid: [
    { name: "every server on the network's release", code: network({ release: "11.1", servers: ["server vm-hq { role central }", "server vm-dr { role backup }"] }) },
    { name: "the backup at the central server's own version", code: network({ servers: ["server vm-hq { role central version 11.1 }", "server vm-dr { role backup version 11.1 }"] }) },
    {
      name: "a distributed server at another minor version of the same major release",
      code: network({ release: "11.1", servers: ["server vm-hq { role central }", "server vm-east { role distributed version 11.0 }"], offices: [central, east] }),
    },
    { name: "no central server to compare with", code: network({ servers: ["server vm-dr { role backup version 9.0 }"] }) },
  ],
  invalid: [
    {
      name: "a backup server at another minor version",
      code: network({ release: "11.1", servers: ["server vm-hq { role central }", "server vm-dr { role backup version 11.0 }"] }),
      errors: [{
        line: 4, column: 38, endColumn: 42,
        message: "backup server 'vm-dr' is at 11.0 and central server 'vm-hq' at 11.1; the backup server synchronizes messages, call flows " +
          "and settings with the central server, so install the same version on both",
        related: [{ line: 2, column: 11, message: "central server 'vm-hq' is at 11.1" }],
      }],
    },
    {
      name: "a distributed server a major release behind",
      code: network({ release: "11.1", servers: ["server vm-hq { role central }", "server vm-east { role distributed version 10.0 }"], offices: [central, east] }),
      errors: [{ line: 4, column: 45, message: /^distributed server 'vm-east' is at 10\.0 and central server 'vm-hq' at 11\.1; a distributed server forwards/ }],
    },
    {
      name: "a central server on its own version, the backup on the network's",
      code: network({ release: "9.1", servers: ["server vm-hq { role central version 10.0 }", "server vm-dr { role backup }"] }),
      errors: [{ line: 2, column: 11, message: /^backup server 'vm-dr' is at 9\.1 and central server 'vm-hq' at 10\.0/ }],
    },
  ],
});
