import rule from "../../src/rules/duplicate-group-id.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }", "office b { }", "office c { }"];

ruleTable(rule, {
  valid: [
    { name: "different offices may reuse an id", code: network({ offices, links: ["link hq -- a { group-id 1 }", "link b -- c { group-id 1 }"] }) },
    { name: "a repeated link is another rule's business", code: network({ offices, links: ["link hq -- a { group-id 1 }", "link a -- hq { group-id 1 }"] }) },
  ],
  invalid: [
    {
      code: network({ offices, links: ["link hq -- a { group-id 1 }", "link hq -- b { group-id 1 }", "link b -- c { group-id 2 }", "link c -- a { group-id 1 }"] }),
      errors: [
        { line: 9, column: 27, endColumn: 28, message: "link hq -- b uses group id 1, which office 'hq' already uses on link hq -- a; give each link of an office its own group id" },
        { line: 11, column: 26, message: "link c -- a uses group id 1, which office 'a' already uses on link hq -- a; give each link of an office its own group id" },
      ],
    },
  ],
});
