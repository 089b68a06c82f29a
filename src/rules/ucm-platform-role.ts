import { defineRule } from "./rule.js";

export default defineRule({
  id: "ucm-platform-role",
  severity: "warning",
  category: "Servers, mail and secrets",
  summary: "A server with `platform ucm` is the backup server, or a distributed server used by more than the one office that hosts it.",
  basis: "A Unified Communications Module is a card inside one IP Office that hosts Voicemail Pro for it; the sources give its limits for the SCN it serves (6 systems), not a role as a shared distributed server or a backup server (inferred).",
  sources: ["S14"],
  inferred: true,
  explain: `A Unified Communications Module (UCM) is a card inside one IP Office system that runs
Voicemail Pro for it. Avaya documents a UCM as the central server of a small SCN (at most 6
systems when a UCM provides Voicemail Pro, S14; \`ucm-max-systems\` checks that), and a branch's UCM
acting as that branch's own distributed server is a common design. What the sources do not show is
a UCM serving other sites: a distributed server on one office's UCM used by several offices, or a
backup server on a UCM, which must take over the whole network's voicemail on a card sized for one
system.

So scnc warns, and does not refuse, in those two cases: a distributed server with \`platform ucm\`
that more than one office uses (scnc cannot tell which office holds the card, so it names them),
and a backup server with \`platform ucm\`. No Avaya document retrieved for scnc states either
restriction outright: check your release's UCM documentation, or run such servers on \`windows\`,
\`linux\` or \`application-server\`.`,
  examples: {
    failing: `network "Example" {
  release 9.1
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" platform ucm }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 9.1
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" platform linux }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    for (const server of network.servers) {
      const role = server.role?.value;
      if (server.isDuplicate || server.platform?.value !== "ucm") continue;
      if (role === "backup") {
        report({
          at: server.platform.span,
          message: `backup server '${server.name}' runs on a UCM, a card that serves its own IP Office; a backup server takes over the whole network's voicemail, which no Avaya document shows a UCM doing (inferred): run it on \`windows\`, \`linux\` or \`application-server\``,
        });
      } else if (role === "distributed" && server.usedBy.length > 1) {
        const names = server.usedBy.slice(0, 3).map((office) => `'${office.name}'`).join(", ") + (server.usedBy.length > 3 ? ` and ${server.usedBy.length - 3} more` : "");
        report({
          at: server.platform.span,
          message: `distributed server '${server.name}' runs on a UCM, a card that serves the one IP Office that holds it, yet ${server.usedBy.length} offices use it (${names}); no Avaya document shows a UCM serving other offices (inferred): give each office its own server, or run this one on \`windows\`, \`linux\` or \`application-server\``,
          related: server.usedBy.flatMap((office) => office.voicemail ? [{ at: office.voicemail.span, message: `office '${office.name}' uses it` }] : []),
        });
      }
    }
  },
});
