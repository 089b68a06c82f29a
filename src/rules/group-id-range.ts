import { GROUP_ID_MAXIMUM, linksToKeep } from "./group-ids.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "group-id-range",
  severity: "error",
  category: "SCN size and shape",
  summary: "A group id outside 0–99999.",
  basis: "An Outgoing Group ID lies in 0–99999.",
  sources: ["S21", "S22"],
  explain: `Manager accepts Outgoing Group IDs from 0 to 99999 (S21, S22); a larger value cannot be
configured on the line. Use a value from 1 to 89999: 0 is Manager's default (\`group-id-default\`)
and 90000–99999 is reserved for system use (\`group-id-reserved\`).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 100000 }
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
  check(network, report) {
    for (const link of linksToKeep(network)) {
      if (!link.groupId || link.groupId.value <= GROUP_ID_MAXIMUM) continue;
      const written = network.source.text.slice(link.groupId.span.start, link.groupId.span.end);
      report({
        at: link.groupId.span,
        message: `group id ${written} on link ${link.from.name} -- ${link.to.name} is outside 0–99999, the range Manager accepts; use a value from 1 to 89999`,
      });
    }
  },
});
