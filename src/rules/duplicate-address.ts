import type { Device } from "../ir/types.js";
import { devicesInTextOrder } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "duplicate-address",
  severity: "error",
  category: "Language and references",
  summary: "Two devices (offices or servers) share an address.",
  basis: "Every device needs its own address in the configuration; that the backup server is a different machine from the central server is inferred.",
  sources: ["S2", "S4", "S5"],
  // No Avaya document says that two devices may not share an address; DOMAIN.md marks rule 4
  // inferred, so this rule is too (RULES.md does not mark it).
  inferred: true,
  explain: `Each IP Office and each Voicemail Pro server needs an address of its own: offices reach
their voicemail server by its address (Voicemail IP Address, Backup Voicemail IP Address), and SCN
lines are set up between office addresses. Two devices on one address mean one of them is
unreachable, or that the same server was declared twice in two roles, which Avaya does not allow
(a backup server must be a different server from the central one; a distributed server cannot also
be the backup server). Addresses compare after normalization, so "FD00::10" equals "fd00::10".`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.1 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const firstByAddress = new Map<string, Device>();
    for (const device of devicesInTextOrder(network)) {
      // A second declaration of the same name is duplicate-name's to report, not a second device.
      if (!device.address || device.isDuplicate) continue;
      const first = firstByAddress.get(device.address.value.text);
      if (!first) {
        firstByAddress.set(device.address.value.text, device);
        continue;
      }
      report({
        at: device.address.span,
        message: `${device.kind} '${device.name}' has address ${device.address.value.text}, which ${first.kind} '${first.name}' already has; give each device its own address`,
        related: [{ at: first.address?.span ?? first.nameSpan, message: `${first.kind} '${first.name}' has this address` }],
      });
    }
  },
});
