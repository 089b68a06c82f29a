import { roles } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "backup-server-count",
  severity: "error",
  category: "Roles",
  summary: "More than one server has `role backup`.",
  basis: "The central office's configuration names one Backup Voicemail IP Address; Avaya always speaks of \"the backup server\", so more than one is inferred to be unsupported.",
  sources: ["S2", "S4"],
  inferred: true,
  explain: `The backup Voicemail Pro server's address is entered in the central office's
configuration (Backup Voicemail IP Address), which holds one address, and it runs on the central
office's licences. The documents always speak of "a/the backup server"; that there is only one is
an inference from that single field.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  server vm-dr2 { role backup address 10.2.0.10 mail-domain "vm-dr2.example.com" }
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
    const [first, ...others] = roles(network).backupServers;
    if (!first) return;
    for (const server of others) {
      report({
        at: server.role?.span ?? server.nameSpan,
        message: `server '${server.name}' is a second backup server ('${first.name}' already is); the central office holds one Backup Voicemail IP Address, so remove this one or make it \`distributed\``,
        related: [{ at: first.role?.span ?? first.nameSpan, message: `server '${first.name}' is the backup server` }],
      });
    }
  },
});
