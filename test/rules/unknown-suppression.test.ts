import rule from "../../src/rules/unknown-suppression.js";
import { centralOffice, network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

const offices = [centralOffice, "office a { }"];

ruleTable(rule, {
  valid: [
    network({ offices, links: ["// scnc-disable-next-line group-id-default -- reason", "link hq -- a { group-id 0 }"] }),
    { name: "ordinary comments", code: network({ offices, links: ["// scnc-disable-next-line-ish is not a directive", "link hq -- a { group-id 1 }"] }) },
    { name: "the reason may hold anything", code: network({ offices, links: ["// scnc-disable-next-line group-id-default -- not-a-rule, nor-this", "link hq -- a { group-id 0 }"] }) },
  ],
  invalid: [
    {
      code: network({ offices, links: ["// scnc-disable-next-line group-id-defualt, no-such-rule -- reason", "link hq -- a { group-id 0 }"] }),
      errors: [
        { line: 6, column: 29, endColumn: 45, message: "'group-id-defualt' is not a rule id, so this suppresses nothing; did you mean 'group-id-default'?", fix: "Replace with 'group-id-default'" },
        { line: 6, column: 47, message: "'no-such-rule' is not a rule id, so this suppresses nothing; `scnc rules` lists them" },
      ],
    },
    {
      name: "no id at all",
      code: network({ offices, links: ["// scnc-disable-next-line -- reason", "link hq -- a { group-id 0 }"] }),
      errors: [{ line: 6, column: 3, message: /names no rule/ }],
    },
  ],
});
