import { defineRule } from "./rule.js";

export default defineRule({
  id: "unused-distributed-server",
  severity: "warning",
  category: "Roles",
  summary: "A distributed server that no office uses.",
  basis: "Offices select a distributed server (their Voicemail IP Address); the server itself is not configured as distributed.",
  sources: ["S3", "S4", "S7"],
  explain: `A Voicemail Pro server becomes a distributed server only because some office's
configuration points at it (its Voicemail IP Address). A distributed server that no office names in
\`voicemail\` does nothing, which usually means an office's \`voicemail\` line was forgotten or names
the wrong server. It is a warning because a server may be declared ahead of the offices that will use it.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 }
  link hq -- east { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 voicemail vm-east licenses { preferred-edition } }
  link hq -- east { group-id 101 }
}
`,
  },
  check(network, report) {
    // A `voicemail` line that names no server may have meant this one (unknown-reference reports
    // it), and so may one that could not be read at all, or one in a declaration that was lost.
    const uncertain = network.partial || network.offices.some((office) =>
      office.unknown.has("voicemail") || (office.voicemail !== undefined && office.voicemail.server === undefined));
    if (uncertain) return;
    for (const server of network.servers) {
      if (server.isDuplicate || server.role?.value !== "distributed" || server.usedBy.length > 0) continue;
      report({
        at: server.nameSpan,
        message: `distributed server '${server.name}' is used by no office; add \`voicemail ${server.name}\` to the offices that should use it, or remove the server`,
      });
    }
  },
});
