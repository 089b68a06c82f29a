import rule from "../../src/rules/fallback-needs-direct-link.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const fallback = "office dr { role fallback licenses { preferred-edition } }";

ruleTable(rule, {
  valid: [
    network({ offices: [centralOffice, fallback], links: ["link dr -- hq { group-id 1 }"] }),
    { name: "no fallback office", code: network({ offices: [centralOffice, "office a { }"], links: [] }) },
    { name: "the fallback office links to an unknown name", code: network({ offices: [centralOffice, fallback], links: ["link dr -- hqq { group-id 1 }"] }) },
  ],
  invalid: [
    {
      code: network({ offices: [centralOffice, "office a { }", fallback], links: ["link hq -- a { group-id 7 }", "link a -- dr { group-id 8 }"] }),
      errors: [{
        line: 6, column: 20, endColumn: 28,
        message: "fallback office 'dr' has no direct link to central office 'hq'; the fallback settings live on the line between them, so add `link hq -- dr { group-id 9 }`",
        fix: "Add `link hq -- dr { group-id 9 }`",
      }],
    },
  ],
});
