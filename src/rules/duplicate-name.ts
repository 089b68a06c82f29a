import type { Device } from "../ir/types.js";
import { devicesInTextOrder } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "duplicate-name",
  severity: "error",
  category: "Language and references",
  summary: "Two offices or servers share a name, or their names differ only in case.",
  basis: "The .scn language: offices and servers share one namespace, and names are compared without regard to case.",
  sources: [],
  explain: `Offices and servers share one namespace: \`voicemail X\` and \`link A -- B\` find devices by
name, so a name must say which device it means. Names are case-sensitive, but names that differ only
in case are also rejected, because each name becomes an output file (\`offices/hq.json\`) and on a
case-insensitive file system (Windows, macOS) \`HQ.json\` and \`hq.json\` are the same file.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server hq { role central address 10.0.0.10 }
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
    const firstByFoldedName = new Map<string, Device>();
    for (const device of devicesInTextOrder(network)) {
      const folded = device.name.toLowerCase();
      const first = firstByFoldedName.get(folded);
      if (!first) {
        firstByFoldedName.set(folded, device);
        continue;
      }
      const message = first.name === device.name
        ? `${device.kind} '${device.name}' has the same name as the ${first.kind} declared earlier; offices and servers share one namespace, so rename one of them`
        : `${device.kind} '${device.name}' differs from ${first.kind} '${first.name}' only in case; names become file names, which case-insensitive file systems would merge, so rename one of them`;
      report({
        at: device.nameSpan,
        message,
        related: [{ at: first.nameSpan, message: `${first.kind} '${first.name}' is declared here` }],
      });
    }
  },
});
