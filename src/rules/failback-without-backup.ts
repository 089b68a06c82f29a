import { roles } from "../ir/queries.js";
import { removeItem } from "./edits.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "failback-without-backup",
  severity: "warning",
  category: "Servers, mail and secrets",
  summary: "The central server sets `failback` but there is no backup server.",
  basis: "The Failback Option applies to a central server with a backup server; without one it has no effect.",
  sources: ["S9", "S10"],
  explain: `The Failback Option (Manual, Graceful or Automatic) decides how the central Voicemail Pro
server takes service back from the backup server after it recovers (S9, S10). Without a backup
server there is nothing to fail back from, so the setting does nothing; usually the backup server is
missing from the file, or its role is mistyped. Remove \`failback\`, or declare the backup server.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 failback graceful }
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
    const { centralServer, backupServer, serverRolesUncertain } = roles(network);
    const failback = centralServer?.failback;
    if (!centralServer || !failback || backupServer || serverRolesUncertain || network.partial) return;
    report({
      at: failback.mode.span,
      message: `central server '${centralServer.name}' sets failback ${failback.mode.value}, but the network has no backup server to fail back from; remove \`failback\` or declare a server with \`role backup\``,
      fix: { message: "Remove the failback setting", edits: [removeItem(network.source.text, failback.propertySpan)] },
    });
  },
});
