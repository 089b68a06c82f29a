import rule from "../../src/rules/group-id-default.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }"];

ruleTable(rule, {
  valid: [
    network({ offices, links: ["link hq -- a { group-id 1 }"] }),
    network({ offices, links: ["link hq -- a"] }),
    {
      name: "a self-link and a repeated link are to be removed (self-link, duplicate-link), group id and all",
      code: network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- hq { group-id 0 }", "link a -- a { group-id 0 }"] }),
    },
  ],
  invalid: [
    {
      code: network({ offices, links: ["link hq -- a { group-id 0 }"] }),
      errors: [{ line: 6, column: 27, endColumn: 28, message: "link hq -- a uses group id 0, Manager's default, which Avaya says not to use on SCN lines; use a value from 1 to 89999" }],
    },
  ],
});
