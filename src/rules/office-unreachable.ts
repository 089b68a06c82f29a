import { roles } from "../ir/queries.js";
import { appendToBlock } from "./edits.js";
import { groupIdSuggestions } from "./group-ids.js";
import { defineRule } from "./rule.js";
import { officeList, topology } from "./topology.js";

export default defineRule({
  id: "office-unreachable",
  severity: "error",
  category: "SCN size and shape",
  summary: "An office has no path of links to the central office.",
  basis: "Centralized voicemail runs over the SCN lines, so every office needs a path of lines to the central office.",
  sources: ["S1", "S5", "S28"],
  explain: `Centralized voicemail works only over a real SCN: every remote office reaches the central
Voicemail Pro server through SCN lines toward the central office, and its Voicemail Destination is
the Outgoing Group ID of the first line on that path (S1, S5). An office with no path of links to the
central office has no voicemail at all, and no Voicemail Destination to configure.

Offices cut off together (a group linked among themselves but not to the central office) are
reported once, at the first of them, since one link fixes them all. Offices that touch a link whose
other end is unknown are left out: the reference error is reported instead, and the link it meant may
be the missing path.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
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
    const central = roles(network).centralOffice;
    const graph = topology(network);
    const home = central && graph.componentOf[central.index];
    if (!central || !home || home.uncertain || graph.uncertainEverywhere) return;
    for (const component of graph.components) {
      if (component === home || component.uncertain) continue;
      const [first] = component.offices;
      if (!first) continue;
      if (component.offices.length > 1) {
        report({
          at: first.nameSpan,
          message: `offices ${officeList(component.offices)} are linked among themselves but have no path of links to central office '${central.name}', so they have no centralized voicemail; link one of them toward '${central.name}'`,
        });
        continue;
      }
      // The same next free group id as group-id-missing and fallback-needs-direct-link suggest.
      const groupId = groupIdSuggestions(network).next;
      const link = `link ${central.name} -- ${first.name} { group-id ${groupId ?? "N"} }`;
      const loss = first.voicemail
        ? "so the central server cannot do its message waiting and collection"
        : "so it has no centralized voicemail";
      const edit = groupId === undefined ? undefined : appendToBlock(network.source.text, network.span, link);
      report({
        at: first.nameSpan,
        message: `office '${first.name}' has no path of links to central office '${central.name}', ${loss}; add a link toward '${central.name}', such as \`${link}\``,
        ...(edit ? { fix: { message: `Add \`${link}\``, edits: [edit] } } : {}),
      });
    }
  },
});
