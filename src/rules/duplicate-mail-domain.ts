import type { Server } from "../ir/types.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "duplicate-mail-domain",
  severity: "error",
  category: "Servers, mail and secrets",
  summary: "Two servers share a mail domain.",
  basis: "A Voicemail Pro server accepts only mail for its own domain, so two servers cannot share one (inferred from the Email preferences).",
  sources: ["S23"],
  inferred: true,
  explain: `Each Voicemail Pro server accepts only mail addressed to exactly its own domain (its first
SMTP Sender entry), and ignores the rest (S23). Two servers with one domain cannot tell their mail
apart: synchronization for the backup server, or messages forwarded by a distributed server, may
land on the wrong server or be dropped. Mail domains compare without regard to case.

That domains must be unique is an inference from that exact-domain filtering; no Avaya document
states it as a rule.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const firstByDomain = new Map<string, Server>();
    for (const server of network.servers) {
      const domain = server.mailDomain;
      if (!domain || server.isDuplicate) continue;
      const first = firstByDomain.get(domain.value);
      if (!first) {
        firstByDomain.set(domain.value, server);
        continue;
      }
      report({
        at: domain.span,
        message: `server '${server.name}' has mail domain ${domain.value}, which server '${first.name}' already has; each server accepts only mail for its own domain, so give each its own (normally its fully qualified name)`,
        related: [{ at: first.mailDomain?.span ?? first.nameSpan, message: `server '${first.name}' has this mail domain` }],
      });
    }
  },
});
