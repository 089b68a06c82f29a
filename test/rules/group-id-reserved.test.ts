import rule from "../../src/rules/group-id-reserved.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }"];

ruleTable(rule, {
  valid: [
    {
      name: "a self-link and a repeated link are to be removed (self-link, duplicate-link), group id and all",
      code: network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- hq { group-id 95000 }", "link a -- a { group-id 95000 }"] }),
    },
    network({ offices, links: ["link hq -- a { group-id 89999 }"] }),
    { name: "out of range is another rule's business", code: network({ offices, links: ["link hq -- a { group-id 100000 }"] }) },
  ],
  invalid: [
    { code: network({ offices, links: ["link hq -- a { group-id 90000 }"] }), errors: [{ line: 6, column: 27, endColumn: 32, message: "group id 90000 on link hq -- a is in 90000–99999, which is reserved for system use; use a value from 1 to 89999" }] },
    { code: network({ offices, links: ["link hq -- a { group-id 99999 }"] }), errors: [{ line: 6, column: 27 }] },
  ],
});
