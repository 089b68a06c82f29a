import rule from "../../src/rules/scn-max-systems.js";
import { network } from "../support/networks.js";
import { ruleTable } from "../support/rule-table.js";

function offices(count: number, release?: string): string[] {
  const own = release ? ` release ${release}` : "";
  return ["office hq { role central licenses { preferred-edition } }", ...Array.from({ length: count - 1 }, (_, index) => `office o${index + 1} {${own} }`)];
}

ruleTable(rule, {
  valid: [
    { name: "32 offices from 5.0", code: network({ release: "5.0", offices: offices(32) }) },
    { name: "16 offices below 5.0", code: network({ release: "4.2", offices: offices(16) }) },
    { name: "with unknown releases, 32 offices are not judged (the limit could be 16 or 32)", code: network({ release: null, offices: offices(32) }) },
    { name: "re-declared names are not counted", code: network({ offices: [...offices(32), "office o1 { }"] }) },
    { name: "17 offices, one known at 5.0 and the others unknown: the limit could be 32", code: network({ release: null, offices: [...offices(16), "office new { release 5.0 }"] }) },
    { name: "a re-declared name below 5.0 does not set the limit", code: network({ release: "5.0", offices: [...offices(17), "office o1 { release 4.2 }"] }) },
  ],
  invalid: [
    {
      name: "33 offices",
      code: network({ offices: offices(33) }),
      errors: [{ line: 36, column: 10, endColumn: 13, message: "network 'Test' has 33 offices and office 'o32' is number 33; an SCN supports at most 32 systems; split it into several networks" }],
    },
    {
      name: "with unknown releases, 33 offices are over the limit of every release",
      code: network({ release: null, offices: offices(33) }),
      errors: [{ line: 35, column: 10, message: "network 'Test' has 33 offices and office 'o32' is number 33; an SCN supports at most 32 systems; split it into several networks" }],
    },
    {
      name: "17 offices while one is below 5.0",
      code: network({ offices: [...offices(16), "office old { release 4.2 }"] }),
      errors: [{ line: 20, column: 10, message: /^network 'Test' has 17 offices and office 'old' is number 17; an SCN supports 16 systems while any office is below release 5.0 \(office 'old' is at 4.2\)/ }],
    },
    {
      name: "17 offices, one known below 5.0 and the others' releases unknown: the limit is 16 whatever they are",
      code: network({ release: null, offices: [...offices(16), "office old { release 4.2 }"] }),
      errors: [{ line: 19, column: 10, message: /^network 'Test' has 17 offices and office 'old' is number 17; an SCN supports 16 systems while any office is below release 5.0 \(office 'old' is at 4.2\)/, related: [{ line: 19, column: 24 }] }],
    },
  ],
});
