import { roles } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "fallback-office-count",
  severity: "error",
  category: "Roles",
  summary: "More than one office has `role fallback`.",
  basis: "Avaya always speaks of \"the fallback IP Office\", and a system requests backup from only one other system.",
  sources: ["S8", "S18"],
  inferred: true,
  explain: `The fallback office takes control of the central Voicemail Pro server when the central
office fails. Every Avaya document speaks of "the fallback IP Office", and under the R8+ resilience
model a system requests backup from only one other system, so scnc allows one. This is an inference:
no document states the limit in so many words.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  office dr2 { role fallback address 10.2.0.1 licenses { preferred-edition } }
  link hq -- dr { group-id 100 }
  link hq -- dr2 { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  office dr2 { address 10.2.0.1 }
  link hq -- dr { group-id 100 }
  link hq -- dr2 { group-id 101 }
}
`,
  },
  check(network, report) {
    const [first, ...others] = roles(network).fallbackOffices;
    if (!first) return;
    for (const office of others) {
      report({
        at: office.roleSpan ?? office.nameSpan,
        message: `office '${office.name}' is a second fallback office ('${first.name}' already is); only one office can take control of the central server, so make this one \`member\``,
        related: [{ at: first.roleSpan ?? first.nameSpan, message: `office '${first.name}' is the fallback office` }],
      });
    }
  },
});
