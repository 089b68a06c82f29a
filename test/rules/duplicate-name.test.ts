import rule from "../../src/rules/duplicate-name.js";
import { centralOffice, centralServer, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    network({ offices: [centralOffice, "office hq-2 { }", "office hq_2 { }"] }),
  ],
  invalid: [
    {
      name: "an office and a server share a name",
      code: network({ servers: [centralServer, "server hq { role backup }"] }),
      errors: [{
        line: 5, column: 10, endColumn: 12,
        message: "office 'hq' has the same name as the server declared earlier; offices and servers share one namespace, so rename one of them",
        related: [{ line: 4, column: 10, message: "server 'hq' is declared here" }],
      }],
    },
    {
      name: "two offices with one name",
      code: network({ offices: [centralOffice, "office branch { }", "office branch { }"] }),
      errors: [{ line: 6, column: 10, endColumn: 16, message: /^office 'branch' has the same name as the office declared earlier/, related: [{ line: 5, column: 10 }] }],
    },
    {
      name: "names that differ only in case",
      code: network({ offices: [centralOffice, "office Branch { }", "office BRANCH { }"] }),
      errors: [
        { line: 6, column: 10, message: "office 'BRANCH' differs from office 'Branch' only in case; names become file names, which case-insensitive file systems would merge, so rename one of them" },
      ],
    },
  ],
});
