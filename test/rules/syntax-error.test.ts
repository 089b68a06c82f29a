import rule from "../../src/rules/syntax-error.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

// Detailed messages and ranges of every kind of syntax error: test/language/syntax-errors.test.ts.
ruleTable(rule, {
  valid: [network(), network({ properties: ['voicemail-password env "VM"'], links: ["link hq -- hq"] })],
  invalid: [
    {
      name: "a value of the wrong type",
      code: network({ release: "6" }),
      errors: [{ line: 2, column: 11, endColumn: 12, message: "expected a release such as 6.0, found '6'" }],
    },
    {
      name: "an unclosed block, with where it opened as a related location",
      code: network({ offices: ["office hq { role central", "office branch { }"] }),
      errors: [{
        line: 5, column: 3, endColumn: 9, message: "unclosed block 'office hq' opened at 4:3: expected '}' before 'office'",
        related: [{ line: 4, column: 3, message: "the block 'office hq' opens here" }],
      }],
    },
    {
      name: "one diagnostic per recovered error, in reading order",
      code: network({ servers: ["server vm-hq { role centrl }"], offices: ["office link { users many }"] }),
      errors: [
        { line: 3, column: 23, message: /expected a server role/ },
        { line: 4, column: 10, message: /'link' is a reserved word/ },
        { line: 4, column: 23, message: "expected a whole number, found 'many'" },
      ],
    },
  ],
});
