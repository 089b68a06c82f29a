import { defineRule } from "./rule.js";

export default defineRule({
  id: "self-link",
  severity: "error",
  category: "SCN size and shape",
  summary: "`link A -- A`: a link from an office to itself.",
  basis: "An SCN line joins two IP Office systems.",
  sources: ["S1", "S21"],
  explain: `An SCN line joins two IP Office systems: it is configured on each end with the other
office's address. A link from an office to itself has no far end, so it is almost always a typo for
another office's name. Name the other office, or remove the link.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 102 }
  link hq -- hq { group-id 103 }
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
      if (link.from.name !== link.to.name) continue;
      report({
        at: { start: link.from.span.start, end: link.to.span.end },
        message: `link ${link.from.name} -- ${link.to.name} joins office '${link.from.name}' to itself; an SCN line joins two offices, so name the other office or remove the link`,
      });
    }
  },
});
