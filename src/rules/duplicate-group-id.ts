import type { Link, Office } from "../ir/types.js";
import { GROUP_ID_MAXIMUM, linksToKeep } from "./group-ids.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "duplicate-group-id",
  severity: "error",
  category: "SCN size and shape",
  summary: "Two links of the same office use the same group id.",
  basis: "Each SCN line of an office is reached by its Outgoing Group ID, so one office's lines need distinct ids.",
  sources: ["S14", "S21", "S22"],
  explain: `An office routes calls, and its voicemail (Voicemail Destination), by Outgoing Group ID. If two
of its lines share a group id, routing by that id may take either line, so voicemail can leave
through the wrong one. Group ids need to be unique among the links of each office; links of different
offices may reuse an id.

A repeated link is left to \`duplicate-link\`.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 }
  office west { address 10.3.0.1 }
  link hq -- east { group-id 100 }
  link hq -- west { group-id 100 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 }
  office west { address 10.3.0.1 }
  link hq -- east { group-id 100 }
  link hq -- west { group-id 101 }
}
`,
  },
  check(network, report) {
    // Keyed by office index and group id (a number while the id is in range, the common case):
    // linear in links.
    const firstByOfficeAndId = new Map<number | string, Link>();
    for (const link of linksToKeep(network)) {
      if (!link.groupId) continue;
      const clashes: { office: Office; first: Link }[] = [];
      for (const office of [link.from.office, link.to.office]) {
        if (!office) continue;
        const id = link.groupId.value;
        const key = id <= GROUP_ID_MAXIMUM ? office.index * (GROUP_ID_MAXIMUM + 1) + id : `${office.index}:${id}`;
        const first = firstByOfficeAndId.get(key);
        if (first) clashes.push({ office, first });
        else firstByOfficeAndId.set(key, link);
      }
      if (clashes.length === 0) continue;
      const uses = clashes.map(({ office, first }) => `office '${office.name}' already uses on link ${first.from.name} -- ${first.to.name}`).join(", and ");
      report({
        at: link.groupId.span,
        message: `link ${link.from.name} -- ${link.to.name} uses group id ${link.groupId.value}, which ${uses}; give each link of an office its own group id`,
        related: clashes.map(({ first }) => ({
          at: first.groupId?.span ?? first.keywordSpan,
          message: `link ${first.from.name} -- ${first.to.name} uses group id ${link.groupId?.value}`,
        })),
      });
    }
  },
});
