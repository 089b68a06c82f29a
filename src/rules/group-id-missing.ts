import { appendToBlock } from "./edits.js";
import { groupIdSuggestions, linksToKeep } from "./group-ids.js";
import { defineRule, type RuleReport } from "./rule.js";

export default defineRule({
  id: "group-id-missing",
  severity: "error",
  category: "SCN size and shape",
  summary: "A link has no `group-id`.",
  basis: "Offices route voicemail to the central office by an SCN line's Outgoing Group ID, so every line needs one.",
  sources: ["S14", "S21", "S22"],
  explain: `Each SCN line has an Outgoing Group ID, used at both ends, and an office's Voicemail
Destination is the group id of its first line toward the central office. Without a group id the
compiler has nothing to write into either field, and Manager's default (0) is the value Avaya says
not to use. The quick fix adds the next free group id: one above the highest in use below the
reserved band, so that applying every fix at once still gives each link its own id.

Links that should go anyway (a link to itself, or a repeat of an earlier link) are left to
\`self-link\` and \`duplicate-link\`.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 1 }
}
`,
  },
  check(network, report) {
    const suggestions = groupIdSuggestions(network);
    const text = network.source.text;
    for (const link of linksToKeep(network)) {
      if (link.groupId || link.unknown.has("group-id")) continue;
      const groupId = suggestions.forMissing.get(link.index);
      const hasBlock = link.span.end > link.to.span.end;
      const edit = groupId === undefined
        ? undefined
        : hasBlock
          ? appendToBlock(text, link.span, `group-id ${groupId}`)
          : { at: { start: link.to.span.end, end: link.to.span.end }, text: ` { group-id ${groupId} }` };
      const fix: RuleReport["fix"] = edit ? { message: `Add \`group-id ${groupId}\``, edits: [edit] } : undefined;
      report({
        at: { start: link.from.span.start, end: link.to.span.end },
        message: `link ${link.from.name} -- ${link.to.name} has no group-id; each SCN line needs an Outgoing Group ID (1–89999)` +
          (groupId === undefined ? "" : `, such as the next free one: \`{ group-id ${groupId} }\``),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
