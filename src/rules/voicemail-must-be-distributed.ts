import { defineRule } from "./rule.js";

export default defineRule({
  id: "voicemail-must-be-distributed",
  severity: "error",
  category: "Roles",
  summary: "`voicemail X` names a server whose role is not `distributed`.",
  basis: "Offices reach the central server through the SCN and the backup server through the central office; only a distributed server is selected by name.",
  sources: ["S2", "S4"],
  explain: `\`voicemail X\` says that an office uses distributed server X instead of the central server.
Offices reach the central server without naming it (the central office by its Voicemail IP Address,
the others over the SCN toward the central office), and the backup server is used only through the
central office's Backup Voicemail IP Address. Naming either of them in \`voicemail\` is a mistake:
remove the line, or name a distributed server.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 voicemail vm-hq }
  link hq -- branch { group-id 102 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 102 }
}
`,
  },
  check(network, report) {
    for (const office of network.offices) {
      const reference = office.voicemail;
      const role = reference?.server?.role?.value;
      if (!reference?.server || !role || role === "distributed") continue;
      const server = reference.server;
      report({
        at: reference.span,
        message: `office '${office.name}' names ${role} server '${server.name}' in \`voicemail\`, which takes only a distributed server; ` +
          (role === "central" ? "offices reach the central server without naming it, so remove the line" : "the backup server is used only through the central office"),
        related: [{ at: server.role?.span ?? server.nameSpan, message: `server '${server.name}' is the ${role} server` }],
        fix: { message: "Remove the voicemail line", edits: [{ at: reference.propertySpan, text: "" }] },
      });
    }
  },
});
