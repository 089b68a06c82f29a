import rule from "../../src/rules/central-office-count.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    { name: "a role that cannot be read", code: network({ offices: ["office hq { role centrl }"] }) },
    { name: "a declaration that cannot be read", code: network({ offices: ["offce hq { role central }"] }) },
    { name: "a second declaration of the same office is duplicate-name's", code: network({ offices: [centralOffice, centralOffice] }) },
  ],
  invalid: [
    {
      name: "none",
      code: network({ offices: ["office hq { role member }"] }),
      errors: [{ line: 1, column: 9, endColumn: 15, message: "network 'Test' has no central office; give the office that hosts the central Voicemail Pro server `role central`" }],
    },
    {
      name: "none, in a network whose name is missing",
      code: network({ offices: ["office hq { }"] }).replace('"Test" ', ""),
      errors: [{ line: 1, column: 1, message: /^the network has no central office;/ }],
    },
    {
      name: "two",
      code: network({ offices: [centralOffice, "office annex { role central }"] }),
      errors: [{
        line: 5, column: 23, endColumn: 30,
        message: "office 'annex' is a second central office ('hq' is already central); an SCN has exactly one, so make this one `member` or `fallback`",
        related: [{ line: 4, column: 20, message: "office 'hq' is the central office" }],
      }],
    },
    {
      name: "three",
      code: network({ offices: [centralOffice, "office a { role central }", "office b { role central }"] }),
      errors: [{ line: 5, column: 19 }, { line: 6, column: 19 }],
    },
  ],
});
