import { GROUP_ID_MAXIMUM, GROUP_ID_RESERVED_FROM, linksToKeep } from "./group-ids.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "group-id-reserved",
  severity: "warning",
  category: "SCN size and shape",
  summary: "A group id in 90000–99999 (reserved for system use).",
  basis: "Outgoing Group IDs 90000–99999 are reserved for system use.",
  sources: ["S21", "S22"],
  explain: `Outgoing Group IDs 90000–99999 are reserved for system use (S22). Manager does not stop you
from using them, but the system may use them for its own lines, and in Server Edition and Select
networks several of them (99999, 99998, 99001–99148) are taken. Use a value from 1 to 89999.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 99999 }
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
      const id = link.groupId?.value;
      if (!link.groupId || id === undefined || id < GROUP_ID_RESERVED_FROM || id > GROUP_ID_MAXIMUM) continue;
      report({
        at: link.groupId.span,
        message: `group id ${id} on link ${link.from.name} -- ${link.to.name} is in 90000–99999, which is reserved for system use; use a value from 1 to 89999`,
      });
    }
  },
});
