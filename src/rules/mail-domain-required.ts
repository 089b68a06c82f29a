import type { Network, Server } from "../ir/types.js";
import { defineRule } from "./rule.js";
import { hasSmtpPeers } from "./servers.js";

/** A plausible domain for the message: the server's name in place of another server's first label. */
function exampleDomain(server: Server, network: Network): string {
  const label = server.name.toLowerCase().replace(/_/g, "-");
  const other = network.servers.find((candidate) => candidate.mailDomain)?.mailDomain?.value;
  const parent = other?.split(".").slice(1).join(".");
  return `${label}.${parent && parent.includes(".") ? parent : "example.com"}`;
}

export default defineRule({
  id: "mail-domain-required",
  severity: "error",
  category: "Servers, mail and secrets",
  summary: "The network has a backup or distributed server and some server lacks `mail-domain`.",
  basis: "Backup and distributed servers exchange messages by SMTP, addressed to each server's own mail domain.",
  sources: ["S1", "S2", "S3", "S23"],
  explain: `Voicemail Pro servers talk to each other by email: the backup server synchronizes messages,
call flows and settings with the central server over SMTP, and a distributed server forwards every
message it records to the central server the same way (S1, S2, S3). Each server's first SMTP Sender
entry carries its own mail domain, and its SMTP Receiver accepts only mail for exactly that domain
(S23). So as soon as the network has a backup or distributed server, every server needs a
\`mail-domain\`, normally the server's own fully qualified name.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
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
    if (!hasSmtpPeers(network)) return;
    for (const server of network.servers) {
      if (server.isDuplicate || server.mailDomain || server.unknown.has("mail-domain")) continue;
      report({
        at: server.nameSpan,
        message: `server '${server.name}' has no mail-domain; with a backup or distributed server in the network, the servers exchange messages over SMTP, each addressed to its own domain ` +
          `(add \`mail-domain "${exampleDomain(server, network)}"\` with the server's real name)`,
      });
    }
  },
});
