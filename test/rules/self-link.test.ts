import rule from "../../src/rules/self-link.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

ruleTable(rule, {
  valid: [network({ offices: [centralOffice, "office a { }"], links: ["link hq -- a { group-id 1 }"] })],
  invalid: [
    {
      code: network({ offices: [centralOffice], links: ["link hq -- hq { group-id 1 }"] }),
      errors: [{ line: 5, column: 8, endColumn: 16, message: "link hq -- hq joins office 'hq' to itself; an SCN line joins two offices, so name the other office or remove the link" }],
    },
    { name: "even when the name is unknown", code: network({ offices: [centralOffice], links: ["link x -- x"] }), errors: [{ line: 5, column: 8 }] },
  ],
});
