import { defineRule } from "./rule.js";

export default defineRule({
  id: "distributed-not-for-central-or-fallback",
  severity: "error",
  category: "Roles",
  summary: "The central and fallback offices cannot use a distributed voicemail server.",
  basis: "Only offices other than the central office and its fallback office may select a distributed server.",
  sources: ["S3", "S4", "S7", "S8"],
  explain: `Distributed servers are selectable only by offices "other than the central IP Office and its
fallback" (Voicemail Pro manual, R6). The central office hosts the central server, and the fallback
office takes control of that same server when the central office fails, so neither can hand its
voicemail to a distributed server. Remove the \`voicemail\` line from the office, or make another
office the fallback.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 voicemail vm-east licenses { preferred-edition } }
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
    for (const office of network.offices) {
      const server = office.voicemail?.server;
      if (!office.voicemail || server?.role?.value !== "distributed") continue;
      if (office.role !== "central" && office.role !== "fallback") continue;
      report({
        at: office.voicemail.span,
        message: `${office.role} office '${office.name}' uses distributed server '${server.name}'; only member offices may use a distributed server`,
        related: [{ at: server.nameSpan, message: `server '${server.name}' is distributed` }],
        fix: { message: "Remove the voicemail line", edits: [{ at: office.voicemail.propertySpan, text: "" }] },
      });
    }
  },
});
