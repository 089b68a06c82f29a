import { linksToKeep } from "./group-ids.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "group-id-default",
  severity: "warning",
  category: "SCN size and shape",
  summary: "A group id of 0 (Manager's default; Avaya says to use another).",
  basis: "SCN lines should use an Outgoing Group ID other than Manager's default.",
  sources: ["S14", "S21"],
  explain: `Avaya's SCN setup asks for an Outgoing Group ID "other than the default 0" on SCN lines (S14):
a line left on the default is indistinguishable from any other line left on it, so routing by group
id (including each office's Voicemail Destination) can pick the wrong line. Use a value from 1 to
89999.

The sources disagree on the default: the R12.3 Manager SCN page and old Manager help say 0, while the
R12.3 Web Manager IP Office Line page shows 1 (S21). scnc follows the rule catalogue and flags 0.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 0 }
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
      if (link.groupId?.value !== 0) continue;
      report({
        at: link.groupId.span,
        message: `link ${link.from.name} -- ${link.to.name} uses group id 0, Manager's default, which Avaya says not to use on SCN lines; use a value from 1 to 89999`,
      });
    }
  },
});
