import { defineRule } from "./rule.js";

export default defineRule({
  id: "ucm-platform-role",
  severity: "error",
  category: "Servers, mail and secrets",
  summary: "A backup or distributed server has `platform ucm`.",
  basis: "A Unified Communications Module is a card inside one IP Office; the sources give its Voicemail Pro limits for the SCN it serves, not a role as a shared or backup server (inferred).",
  sources: ["S14"],
  inferred: true,
  explain: `A Unified Communications Module is a card inside one IP Office that hosts that office's
own Voicemail Pro server. scnc infers that a UCM can therefore be the central server (hosted by the
central office) but not a backup server (which takes over from the central server on a separate
machine) nor a distributed server (which is used by other offices). No Avaya document retrieved
states this outright: it is an inference, so check it against your release's documentation if you
mean to deploy that way. Run backup and distributed servers on Windows, Linux or an Application
Server.`,
  examples: {
    failing: `network "Example" {
  release 8.1
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" platform ucm }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 8.1
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
      if (server.platform?.value !== "ucm" || (role !== "backup" && role !== "distributed")) continue;
      report({
        at: server.platform.span,
        message: `${role} server '${server.name}' runs on a UCM, which hosts only its own office's central server (inferred); run it on \`windows\`, \`linux\` or \`application-server\``,
      });
    }
  },
});
