import { roles } from "../ir/queries.js";
import { reportBelowFloor } from "./release-floor.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "backup-min-release",
  severity: "error",
  category: "Releases",
  summary: "A backup server needs the central office at 6.0 or later and the central and backup servers at 6.0 or later.",
  basis: "A backup Voicemail Pro server needs IP Office R6.0 or later and Voicemail Pro 6.0 or later on the voicemail servers.",
  sources: ["S1", "S2", "S4"],
  explain: `The backup Voicemail Pro server arrived with IP Office Release 6.0 and Voicemail Pro 6.0.
The central office holds the backup server's address (Backup Voicemail IP Address), so it must run
6.0 or later, and the manual says the feature "requires the voicemail servers" to run 6.0 or later:
both the central server and the backup server (S1, S2).

Devices that take their release from the network's \`release\` are reported once, at that line.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 version 5.1 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 version 6.0 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const { centralOffice, centralServer, backupServer } = roles(network);
    if (!backupServer) return;
    const requirements = [
      ...(centralOffice ? [{ device: centralOffice, description: `central office '${centralOffice.name}'` }] : []),
      ...(centralServer ? [{ device: centralServer, description: `central server '${centralServer.name}'` }] : []),
      { device: backupServer, description: `backup server '${backupServer.name}'` },
    ];
    reportBelowFloor(requirements, {
      major: 6,
      feature: `a backup server ('${backupServer.name}')`,
      alternative: `or remove backup server '${backupServer.name}'`,
      related: [{ at: backupServer.role?.span ?? backupServer.nameSpan, message: `server '${backupServer.name}' is the backup server` }],
    }, report);
  },
});
