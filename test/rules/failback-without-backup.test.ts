import rule from "../../src/rules/failback-without-backup.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network({ servers: ["server vm-hq { role central failback manual }", "server vm-dr { role backup }"] }),
    { name: "no failback", code: network() },
    { name: "a server whose role is unknown may be the backup", code: network({ servers: ["server vm-hq { role central failback manual }", "server vm-dr { }"] }) },
    { name: "a declaration that could not be read may be the backup", code: network({ servers: ["server vm-hq { role central failback manual }", "sever vm-dr { role backup }"] }) },
  ],
  invalid: [
    {
      code: network({ servers: ["server vm-hq { role central failback automatic 5 }"] }),
      errors: [{ line: 3, column: 40, endColumn: 49, message: "central server 'vm-hq' sets failback automatic, but the network has no backup server to fail back from; remove `failback` or declare a server with `role backup`", fix: "Remove the failback setting" }],
    },
  ],
});
