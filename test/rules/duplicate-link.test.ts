import rule from "../../src/rules/duplicate-link.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }", "office b { }"];

ruleTable(rule, {
  valid: [
    network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- b { group-id 2 }"] }),
    { name: "self-links are another rule's business", code: network({ offices, links: ["link a -- a", "link a -- a"] }) },
  ],
  invalid: [
    {
      name: "the same pair in either order",
      code: network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- hq { group-id 2 }", "link hq -- a"] }),
      errors: [
        { line: 8, column: 8, endColumn: 15, message: "link a -- hq repeats link hq -- a; two offices are joined by one SCN line, so remove one of them", fix: "Remove the repeated link" },
        { line: 9, column: 8, message: /^link hq -- a repeats link hq -- a/ },
      ],
    },
  ],
});
