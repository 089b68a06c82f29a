import { defineRule } from "./rule.js";

export default defineRule({
  id: "syntax-error",
  severity: "error",
  category: "Language and references",
  summary: "The text does not match the .scn grammar.",
  basis: "The .scn language's grammar.",
  sources: [],
  explain: `The file could not be read as a network: a brace is missing, a value has the wrong form
(\`release 6\` instead of \`release 6.0\`), a property is in the wrong block, or a reserved word is used
as a name. Each recovered error is reported once, at the token where reading failed; the parser then
skips to the next property or declaration, so later mistakes are still reported.

Rules that need a value the parser could not read stay silent, so one mistake gives one diagnostic.`,
  examples: {
    failing: `network "Example" {
  release 6
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    for (const error of network.syntaxErrors) {
      report({
        at: error.span,
        message: error.message,
        ...(error.related ? { related: error.related.map((related) => ({ at: related.span, message: related.message })) } : {}),
      });
    }
  },
});
