import rule from "../../src/rules/voicemail-must-be-distributed.js";
import { centralOffice, centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network({ servers: [centralServer, "server vm-east { role distributed }"], offices: [centralOffice, "office east { voicemail vm-east }"] }),
    { name: "a server without a role is missing-role's", code: network({ servers: [centralServer, "server vm-x { }"], offices: [centralOffice, "office east { voicemail vm-x }"] }) },
  ],
  invalid: [
    {
      name: "the central server; the fix removes the line",
      code: network({ offices: [centralOffice, "office branch { voicemail vm-hq }"] }),
      errors: [{
        line: 5, column: 29, endColumn: 34,
        message: "office 'branch' names central server 'vm-hq' in `voicemail`, which takes only a distributed server; offices reach the central server without naming it, so remove the line",
        related: [{ line: 3, column: 23, message: "server 'vm-hq' is the central server" }],
        fix: "Remove the voicemail line",
      }],
      output: network({ offices: [centralOffice, "office branch {  }"] }),
    },
    {
      name: "the backup server",
      code: network({ servers: [centralServer, "server vm-dr { role backup }"], offices: [centralOffice, "office branch { voicemail vm-dr }"] }),
      errors: [{ line: 6, column: 29, message: "office 'branch' names backup server 'vm-dr' in `voicemail`, which takes only a distributed server; the backup server is used only through the central office" }],
    },
  ],
});
