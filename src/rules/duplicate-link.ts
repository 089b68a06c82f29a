import { removeItem } from "./edits.js";
import { firstLinkOfPair } from "./group-ids.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "duplicate-link",
  severity: "error",
  category: "SCN size and shape",
  summary: "Two links join the same pair of offices (in either order).",
  basis: "One SCN line joins a pair of offices; a second line between the same pair is a configuration mistake.",
  sources: ["S21", "S33"],
  explain: `Each link becomes one SCN line on each of its two offices. Two links between the same pair
make two lines between the same systems, and the Voicemail Destination of an office (the group id of
its first line toward the central office) becomes a matter of declaration order rather than intent.
Links are undirected, so \`link a -- b\` and \`link b -- a\` are the same link. Keep one; the quick fix
removes the repeat.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 102 }
  link branch -- hq { group-id 103 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 102 }
}
`,
  },
  check(network, report) {
    for (const link of network.links) {
      if (link.from.name === link.to.name) continue;
      const first = firstLinkOfPair(network, link);
      if (first === link) continue;
      report({
        at: { start: link.from.span.start, end: link.to.span.end },
        message: `link ${link.from.name} -- ${link.to.name} repeats link ${first.from.name} -- ${first.to.name}; two offices are joined by one SCN line, so remove one of them`,
        related: [{ at: { start: first.from.span.start, end: first.to.span.end }, message: "the first link between these offices" }],
        fix: { message: "Remove the repeated link", edits: [removeItem(network.source.text, link.span)] },
      });
    }
  },
});
