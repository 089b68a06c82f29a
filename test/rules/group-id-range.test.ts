import rule from "../../src/rules/group-id-range.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }"];

ruleTable(rule, {
  valid: [
    {
      name: "a self-link and a repeated link are to be removed (self-link, duplicate-link), group id and all",
      code: network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- hq { group-id 100000 }", "link a -- a { group-id 100000 }"] }),
    },
    network({ offices, links: ["link hq -- a { group-id 99999 }"] }),
    network({ offices, links: ["link hq -- a { group-id 0 }"] }),
  ],
  invalid: [
    {
      code: network({ offices, links: ["link hq -- a { group-id 100000 }"] }),
      errors: [{ line: 6, column: 27, endColumn: 33, message: "group id 100000 on link hq -- a is outside 0–99999, the range Manager accepts; use a value from 1 to 89999" }],
    },
    {
      name: "a number too large for exact arithmetic is shown as written",
      code: network({ offices, links: ["link hq -- a { group-id 99999999999999999999 }"] }),
      errors: [{ line: 6, column: 27, message: /^group id 99999999999999999999 on link/ }],
    },
  ],
});
