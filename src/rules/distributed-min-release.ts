import { roles } from "../ir/queries.js";
import type { Device, Office } from "../ir/types.js";
import { isBelowFloor, reportBelowFloor, type ReleaseRequirement } from "./release-floor.js";
import { defineRule } from "./rule.js";

/** Distributed servers arrived with IP Office 6.0 (S3). */
const MINIMUM_MAJOR = 6;

export default defineRule({
  id: "distributed-min-release",
  severity: "error",
  category: "Releases",
  summary: "An office that uses a distributed server, the central office, the central server and the distributed server must be at 6.0 or later.",
  basis: "Distributed Voicemail Pro servers need IP Office R6.0 or later and Voicemail Pro 6.0 on the servers.",
  sources: ["S3", "S4"],
  explain: `Distributed Voicemail Pro servers arrived with IP Office Release 6.0 (S3), with Voicemail Pro
6.0 implied by the same release notes (S4). The office that uses a distributed server names it in
its own configuration, and the central office's server still stores the messages and does message
waiting and collection for that office's users, so the office, the central office, the central
server and the distributed server must all be at 6.0 or later.

Devices that take their release from the network's \`release\` are reported once, at that line.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 release 5.0 voicemail vm-east licenses { voicemail-pro } }
  link hq -- east { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 release 6.0 voicemail vm-east licenses { preferred-edition } }
  link hq -- east { group-id 101 }
}
`,
  },
  check(network, report) {
    const users: Office[] = network.offices.filter((office) =>
      !office.isDuplicate && office.voicemail?.server?.role?.value === "distributed");
    const [first] = users;
    if (!first?.voicemail) return;
    const { centralOffice, centralServer } = roles(network);
    // Most networks are at 6.0 or later throughout: then no description is worth writing (this
    // rule made one message-sized string per distributed office on every check).
    // Asked device by device, with no list of them made first (two arrays per distributed office).
    const below = (device: Device | undefined): boolean => device !== undefined && isBelowFloor(device, MINIMUM_MAJOR);
    if (!below(centralOffice) && !below(centralServer) && !users.some((office) => below(office) || below(office.voicemail?.server))) return;
    const requirements: ReleaseRequirement[] = [];
    if (centralOffice) requirements.push({ device: centralOffice, description: `central office '${centralOffice.name}'` });
    // The central server stores the messages a distributed server forwards, and does message
    // waiting and collection for its offices' users.
    if (centralServer) requirements.push({ device: centralServer, description: `central server '${centralServer.name}'` });
    for (const office of users) {
      const server = office.voicemail?.server;
      if (!server || !office.voicemail) continue;
      // Each office and server points at the `voicemail` line that brings it in (for a shared
      // server, the first office that names it).
      const related = [{ at: office.voicemail.span, message: `office '${office.name}' uses distributed server '${server.name}'` }];
      requirements.push({ device: office, description: `office '${office.name}' (which uses distributed server '${server.name}')`, related });
      requirements.push({ device: server, description: `distributed server '${server.name}'`, related });
    }
    reportBelowFloor(requirements, {
      major: MINIMUM_MAJOR,
      feature: "distributed voicemail",
      alternative: "or stop using the distributed server (remove the office's `voicemail` line)",
      related: [{ at: first.voicemail.span, message: `office '${first.name}' uses distributed server '${first.voicemail.name}'` }],
    }, report);
  },
});
