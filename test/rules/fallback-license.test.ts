import rule from "../../src/rules/fallback-license.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [
    { name: "a second fallback office is fallback-office-count's to report", code: network({ offices: [centralOffice, "office dr { role fallback licenses { preferred-edition } }", "office dr2 { role fallback }"] }) },
    network({ offices: [centralOffice, "office dr { role fallback licenses { preferred-edition } }"] }),
    { name: "no fallback office", code: network() },
    { name: "a member office", code: network({ offices: [centralOffice, "office dr { }"] }) },
  ],
  invalid: [
    {
      code: network({ offices: [centralOffice, "office dr { role fallback }"] }),
      errors: [{ line: 5, column: 10, message: /^fallback office 'dr' holds no Preferred Edition licence; it runs the central Voicemail Pro server on its own licences/, fix: /preferred-edition/ }],
    },
    {
      name: "ports alone are not the licence",
      code: network({ offices: [centralOffice, "office dr { role fallback licenses { voicemail-ports 8 } }"] }),
      errors: [{ line: 5, column: 10 }],
    },
  ],
});
