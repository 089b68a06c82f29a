import { defineRule } from "./rule.js";

export default defineRule({
  id: "unused-suppression",
  severity: "warning",
  category: "Suppressions",
  summary: "A `scnc-disable-next-line` comment suppresses nothing.",
  basis: "scnc's suppression comments should each suppress something.",
  sources: [],
  explain: `A suppression comment that silences no diagnostic is stale: the problem was fixed, the line
it referred to moved, or it names the wrong rule. Left in place, it would silently hide the next
real problem on that line. Remove it (the quick fix does), or remove just the rule ids that no
longer apply.

Suppressions of rules turned off in scnc.json are not reported: scnc cannot tell whether they would
suppress something. It warns about scnc's own suppression comments (docs/rules.md). The suppression pass reports it after every rule has run.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  // scnc-disable-next-line group-id-default -- the carrier requires 0 on this line
  link hq -- branch { group-id 100 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 100 }
}
`,
  },
  // Reported by the suppression pass in run.ts, which sees every other rule's diagnostics.
  check() {},
});
