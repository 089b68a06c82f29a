import { otherEnd } from "../ir/graph.js";
import { roles } from "../ir/queries.js";
import { appendToBlock } from "./edits.js";
import { groupIdSuggestions } from "./group-ids.js";
import { defineRule } from "./rule.js";
import { topology } from "./topology.js";

export default defineRule({
  id: "fallback-needs-direct-link",
  severity: "error",
  category: "SCN size and shape",
  summary: "The fallback office has no direct link to the central office.",
  basis: "Fallback is set on the SCN line between the central and the fallback office, so the two need a direct line.",
  sources: ["S17", "S18"],
  explain: `The fallback office watches the central office over the SCN line between them and takes
control of the central Voicemail Pro server when that line's far end disappears. The fallback
settings live on that line: up to R7 it is the H.323 line set to "IP Office SCN - Fallback", from R8
the SCN Resiliency Options on the IP Office Line, set on both ends (S17, S18). Without a direct link
there is no line to carry them. The quick fix adds the link with a free group id.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  link hq -- east { group-id 101 }
  link east -- dr { group-id 102 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  link hq -- east { group-id 101 }
  link east -- dr { group-id 102 }
  link hq -- dr { group-id 103 }
}
`,
  },
  check(network, report) {
    const { centralOffice: central, fallbackOffice: fallback } = roles(network);
    if (!central || !fallback || central === fallback) return;
    const graph = topology(network);
    if (graph.uncertainEverywhere || graph.nearUnresolvedLinks.has(central) || graph.nearUnresolvedLinks.has(fallback)) return;
    if (fallback.links.some((link) => otherEnd(link, fallback) === central)) return;
    const groupId = groupIdSuggestions(network).next;
    const link = `link ${central.name} -- ${fallback.name}${groupId === undefined ? "" : ` { group-id ${groupId} }`}`;
    const edit = appendToBlock(network.source.text, network.span, link);
    report({
      at: fallback.roleSpan ?? fallback.nameSpan,
      message: `fallback office '${fallback.name}' has no direct link to central office '${central.name}'; the fallback settings live on the line between them, so add \`${link}\``,
      related: [{ at: central.nameSpan, message: `office '${central.name}' is the central office` }],
      ...(edit ? { fix: { message: `Add \`${link}\``, edits: [edit] } } : {}),
    });
  },
});
