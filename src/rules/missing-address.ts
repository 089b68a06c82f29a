import type { Device } from "../ir/types.js";
import { defineRule } from "./rule.js";

/** Where Manager or the Voicemail Pro client needs this device's address (OUTPUT.md). */
function whereNeeded(device: Device): string {
  if (device.kind === "office") return "the peer address of every SCN line to it";
  switch (device.role?.value) {
    case "central": return "the Voicemail IP Address of the central and fallback offices";
    case "backup": return "the Backup Voicemail IP Address of the central and fallback offices";
    case "distributed": return "the Voicemail IP Address of the offices that use it";
    default: return "the configuration of the offices that use it";
  }
}

export default defineRule({
  id: "missing-address",
  severity: "warning",
  category: "Addresses",
  summary: "An office or server has no `address`, so build writes null where Manager needs one.",
  basis: "The central office names its server's Voicemail IP Address (and Backup Voicemail IP Address); build needs every device's address to write them.",
  sources: ["S2", "S4", "S5"],
  explain: `Every setting that connects the network uses addresses: the central and fallback offices' Voicemail
IP Address is the central server's address, their Backup Voicemail IP Address the backup server's,
an office on a distributed server points at that server's address, and each SCN line names the
address of the office at its far end (S2, S4, S5). A device declared without \`address\`
leaves those fields empty (\`null\`) in what \`scnc build\` writes, and a remote left on the broadcast
default "appears to work" while being unsupported (S5).

It is a warning rather than an error so that a network can be checked while addresses are still
being planned. It is scnc's own rule, not one of the catalogue's (docs/rules.md).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central }
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
    for (const device of [...network.offices, ...network.servers]) {
      if (device.isDuplicate || device.address || device.unknown.has("address")) continue;
      report({
        at: device.nameSpan,
        message: `${device.kind} '${device.name}' has no address; build leaves ${whereNeeded(device)} empty (add \`address A.B.C.D\`)`,
      });
    }
  },
});
