import { defineRule } from "./rule.js";

export default defineRule({
  id: "missing-role",
  severity: "error",
  category: "Language and references",
  summary: "A server has no `role`.",
  basis: "The .scn language: every server is central, backup or distributed.",
  sources: [],
  explain: `A Voicemail Pro server is the central server, the backup server or a distributed server,
and every setting scnc emits for it depends on which. Unlike offices (which default to \`member\`),
servers have no default role: guessing would silently turn a planned backup into a second central
server or an unused distributed one.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { address 10.0.0.10 }
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
    for (const server of network.servers) {
      if (server.role || server.unknown.has("role")) continue;
      report({
        at: server.nameSpan,
        message: `server '${server.name}' has no role; add \`role central\`, \`role backup\` or \`role distributed\``,
      });
    }
  },
});
