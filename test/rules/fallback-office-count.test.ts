import rule from "../../src/rules/fallback-office-count.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    network(),
    network({ offices: [centralOffice, "office dr { role fallback }"] }),
    { name: "the same office declared twice is duplicate-name's", code: network({ offices: [centralOffice, "office dr { role fallback }", "office dr { role fallback }"] }) },
  ],
  invalid: [
    {
      code: network({ offices: [centralOffice, "office dr { role fallback }", "office dr2 { role fallback }"] }),
      errors: [{
        line: 6, column: 21, endColumn: 29,
        message: "office 'dr2' is a second fallback office ('dr' already is); only one office can take control of the central server, so make this one `member`",
        related: [{ line: 5, column: 20, message: "office 'dr' is the fallback office" }],
      }],
    },
  ],
});
