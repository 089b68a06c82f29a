import rule from "../../src/rules/group-id-missing.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }", "office b { }"];

ruleTable(rule, {
  valid: [
    network({ offices, links: ["link hq -- a { group-id 1 }"] }),
    { name: "a group id the parser could not read", code: network({ offices, links: ["link hq -- a { group-id }"] }) },
    { name: "a repeated link", code: network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- hq"] }) },
    { name: "a self-link", code: network({ offices, links: ["link a -- a"] }) },
  ],
  invalid: [
    {
      name: "without a block, and with an empty one",
      code: network({ offices, links: ["link hq -- a { group-id 40 }", "link hq -- b", "link a -- b { }"] }),
      errors: [
        { line: 8, column: 8, endColumn: 15, message: "link hq -- b has no group-id; each SCN line needs an Outgoing Group ID (1–89999), such as the next free one: `{ group-id 41 }`", fix: "Add `group-id 41`" },
        { line: 9, column: 8, message: /such as the next free one: `\{ group-id 42 \}`/, fix: "Add `group-id 42`" },
      ],
    },
    {
      name: "ids in the reserved band are skipped when suggesting",
      code: network({ offices, links: ["link hq -- a { group-id 95000 }", "link hq -- b"] }),
      errors: [{ line: 8, column: 8, fix: "Add `group-id 1`" }],
    },
  ],
});
