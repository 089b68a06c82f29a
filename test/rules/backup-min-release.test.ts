import rule from "../../src/rules/backup-min-release.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const backup = "server vm-dr { role backup }";

ruleTable(rule, {
  valid: [
    { name: "everything at 6.0", code: network({ servers: ["server vm-hq { role central }", backup] }) },
    { name: "no backup server at 5.0", code: network({ release: "5.0" }) },
    { name: "later releases", code: network({ release: "11.1", servers: ["server vm-hq { role central }", backup] }) },
  ],
  invalid: [
    {
      name: "the network release inherited by all three",
      code: network({ release: "5.0", servers: ["server vm-hq { role central }", backup] }),
      errors: [{ line: 2, column: 11, message: "central office 'hq', central server 'vm-hq' and backup server 'vm-dr' are at 5.0 (the network's release), below the 6.0 that a backup server ('vm-dr') needs; raise them to 6.0 or later, or remove backup server 'vm-dr'" }],
    },
    {
      name: "the backup server's own version",
      code: network({ servers: ["server vm-hq { role central }", "server vm-dr { role backup version 5.1 }"] }),
      errors: [{ line: 4, column: 38, endColumn: 41, message: /^backup server 'vm-dr' is at 5.1, below the 6.0/ }],
    },
    {
      name: "the central office's own release",
      code: network({ servers: ["server vm-hq { role central }", backup], offices: ["office hq { role central release 5.2 licenses { voicemail-pro } }"] }),
      errors: [{ line: 5, column: 36, message: /^central office 'hq' is at 5.2/ }],
    },
  ],
});
