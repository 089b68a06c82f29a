import { defineRule } from "./rule.js";

export default defineRule({
  id: "unknown-suppression",
  severity: "warning",
  category: "Suppressions",
  summary: "A `scnc-disable-next-line` comment names a rule id that does not exist (or none at all).",
  basis: "scnc's suppression comments name rule ids that exist.",
  sources: [],
  explain: `\`// scnc-disable-next-line RULE-ID[, RULE-ID…] -- reason\` silences the named rules on the next
line that holds more than comments. A name that is not a rule id silences nothing, usually because of
a typo, and the diagnostic it was meant for still fires (or, worse, a later one is not silenced as
intended). The message suggests the closest rule id, and the quick fix puts it in.

It warns about scnc's own suppression comments (docs/rules.md).
The suppression pass reports it after every rule has run.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  // scnc-disable-next-line group-id-defualt -- the carrier requires 0 on this line
  link hq -- branch { group-id 0 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  // scnc-disable-next-line group-id-default -- the carrier requires 0 on this line
  link hq -- branch { group-id 0 }
}
`,
  },
  // Reported by the suppression pass in run.ts, which sees every other rule's diagnostics.
  check() {},
});
