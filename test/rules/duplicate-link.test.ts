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
    {
      // Pairs of offices are told apart by the offices, other pairs by the names (group-ids.ts pairKey).
      name: "a pair with an end that is not an office, in either order, and pairs of offices that share one office",
      code: network({ offices, links: ["link a -- ghost", "link b -- a { group-id 2 }", "link ghost -- a", "link hq -- b { group-id 3 }", "link b -- hq { group-id 4 }"] }),
      errors: [
        { line: 9, column: 8, message: /^link ghost -- a repeats link a -- ghost/ },
        { line: 11, column: 8, message: /^link b -- hq repeats link hq -- b/ },
      ],
    },
  ],
});
