import { removeItem } from "./edits.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "duplicate-property",
  severity: "error",
  category: "Language and references",
  summary: "A property appears twice in one block.",
  basis: "The .scn language: each property is given at most once per block.",
  sources: [],
  explain: `Each property may be given once per block. A repeated property is an error rather than
"the last one wins", because a repeat is almost always a merge or copy-paste mistake, and silently
picking one value would configure a device differently from what one of the two lines says.
\`preferred-edition\` and \`voicemail-pro\` are two names of the same licence, so giving both counts as
a repeat. The quick fix removes the repeat.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 address 10.0.0.2 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    for (const duplicate of network.duplicateProperties) {
      report({
        at: duplicate.repeatedKeySpan,
        message: `'${duplicate.key}' is given twice in ${duplicate.owner}; keep one (a repeated property is an error, not an override)`,
        related: [{ at: duplicate.first, message: "first given here" }],
        fix: { message: `Remove the repeated '${duplicate.key}'`, edits: [removeItem(network.source.text, duplicate.repeated)] },
      });
    }
  },
});
