import rule from "../../src/rules/scn-max-users.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const central = "office hq { role central users 600 licenses { preferred-edition } }";

ruleTable(rule, {
  valid: [
    { name: "1000 users from 6.0", code: network({ offices: [central, "office b { users 400 }"] }) },
    { name: "offices without users count none", code: network({ offices: [central, "office b { }"] }) },
    { name: "with unknown releases, 1000 users are not judged (the limit could be 500 or 1000)", code: network({ release: null, offices: [central, "office b { users 400 }"] }) },
    { name: "an unreadable count is not judged", code: network({ offices: [central, "office b { users 400 }", "office c { users 999999 }"] }) },
    { name: "500 users below 6.0", code: network({ release: "5.0", offices: ["office hq { role central users 499 }", "office b { users 1 }"] }) },
  ],
  invalid: [
    {
      name: "over 1000 without an unreadable count is over 1000 with it",
      code: network({ offices: [central, "office b { users 999999 }", "office c { users 401 }"] }),
      errors: [{ line: 6, column: 20, endColumn: 23, message: /^the offices of network 'Test' have at least 1001 users in total, passing 1000 at office 'c'/ }],
    },
    {
      name: "over 500 with one office known below 6.0 and the others' releases unknown",
      code: network({ release: null, offices: [central, "office b { release 5.0 }"] }),
      errors: [{ line: 3, column: 34, message: /passing 500 at office 'hq'; an SCN supports 500 users while any office is below release 6.0 \(office 'b' is at 5.0\)/ }],
    },
    {
      name: "with unknown releases, over 1000 is over the limit of every release",
      code: network({ release: null, offices: [central, "office b { users 401 }"] }),
      errors: [{ line: 4, column: 20, message: /passing 1000 at office 'b'; an SCN supports at most 1000 users; move users to another network$/ }],
    },
    {
      name: "over 1000",
      code: network({ offices: [central, "office b { users 400 }", "office c { users 1 }"] }),
      errors: [{ line: 6, column: 20, endColumn: 21, message: "the offices of network 'Test' have 1001 users in total, passing 1000 at office 'c'; an SCN supports at most 1000 users; move users to another network" }],
    },
    {
      name: "over 500 below 6.0",
      code: network({ offices: [central, "office b { release 5.0 }"] }),
      errors: [{ line: 4, column: 34, message: /passing 500 at office 'hq'; an SCN supports 500 users while any office is below release 6.0 \(office 'b' is at 5.0\)/ }],
    },
  ],
});
