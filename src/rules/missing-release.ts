import { defineRule } from "./rule.js";

export default defineRule({
  id: "missing-release",
  severity: "error",
  category: "Language and references",
  summary: "An office or server has no release/version and the network sets none.",
  basis: "The .scn language: every office and server has a release or version, its own or the network's; the release rules need it.",
  sources: [],
  explain: `Every rule about releases (fallback from 5.0, backup and distributed servers from 6.0,
SCN limits, line types and licence names in the output) needs each office's release and each
server's version. An office's release is its own \`release\`, else the network's; a server's version
is its own \`version\`, else the network's release. Set \`release\` on the network as the default, and
override it where a device differs.`,
  examples: {
    failing: `network "Example" {
  server vm-hq { role central address 10.0.0.10 version 6.0 }
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
    if (network.release || network.unknown.has("release")) return;
    for (const office of network.offices) {
      if (office.release || office.unknown.has("release")) continue;
      report({
        at: office.nameSpan,
        message: `office '${office.name}' has no release and the network sets none; add \`release 6.0\` (or the office's release) to the network or the office`,
      });
    }
    for (const server of network.servers) {
      if (server.version || server.unknown.has("version")) continue;
      report({
        at: server.nameSpan,
        message: `server '${server.name}' has no version and the network sets no release; add \`release\` to the network or \`version\` to the server`,
      });
    }
  },
});
