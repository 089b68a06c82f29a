import { roles } from "../ir/queries.js";
import { reportBelowFloor } from "./release-floor.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "fallback-min-release",
  severity: "error",
  category: "Releases",
  summary: "A fallback office needs the central office, the fallback office and the central server at 5.0 or later.",
  basis: "Fallback control of the central server needs IP Office R5.0 and Voicemail Pro 5.0; the R5 SCN fallback line options need both offices at R5.0.",
  sources: ["S1", "S17"],
  explain: `Fallback IP Office control, where the fallback office takes control of the central
Voicemail Pro server when the central office fails, arrived in IP Office Release 5.0 and needs
Voicemail Pro 5.0 or later (S1). The SCN fallback line options it relies on also need both offices
at 5.0 or later (S17). So when a network has a fallback office, the central office and the fallback
office must run release 5.0 or later, and the central server version 5.0 or later.

Devices that take their release from the network's \`release\` are reported once, at that line.`,
  examples: {
    failing: `network "Example" {
  release 4.2
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
  office dr { role fallback address 10.1.0.1 licenses { voicemail-pro } }
  link hq -- dr { group-id 100 }
}
`,
    fixed: `network "Example" {
  release 5.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
  office dr { role fallback address 10.1.0.1 licenses { voicemail-pro } }
  link hq -- dr { group-id 100 }
}
`,
  },
  check(network, report) {
    const { centralOffice, fallbackOffice, centralServer } = roles(network);
    if (!fallbackOffice) return;
    const requirements = [
      ...(centralOffice ? [{ device: centralOffice, description: `central office '${centralOffice.name}'` }] : []),
      { device: fallbackOffice, description: `fallback office '${fallbackOffice.name}'` },
      ...(centralServer ? [{ device: centralServer, description: `central server '${centralServer.name}'` }] : []),
    ];
    reportBelowFloor(requirements, {
      major: 5,
      feature: `fallback office control (fallback office '${fallbackOffice.name}')`,
      alternative: `or remove \`role fallback\` from office '${fallbackOffice.name}'`,
      related: [{ at: fallbackOffice.roleSpan ?? fallbackOffice.nameSpan, message: `office '${fallbackOffice.name}' is the fallback office` }],
    }, report);
  },
});
