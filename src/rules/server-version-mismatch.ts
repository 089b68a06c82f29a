import { roles } from "../ir/queries.js";
import type { Server } from "../ir/types.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "server-version-mismatch",
  severity: "warning",
  category: "Releases",
  summary: "The backup server's version differs from the central server's, or a distributed server's major version differs from it.",
  basis: "The backup server synchronizes messages, call flows and settings with the central server, and distributed servers forward every message to it; no document says which versions may be mixed, so scnc asks for the same version (inferred).",
  sources: ["S2", "S3", "S4"],
  inferred: true,
  explain: `A backup server is kept in step with the central server: messages, call flows and other settings
are synchronized between the two, and the backup takes over with them when the central server fails
(S2, S4). A distributed server records messages and forwards all of them to the central server,
which stores them and does message waiting and collection (S3). Avaya's documents name the minimum
versions for each arrangement, but none says whether servers of different versions may be paired.

So scnc asks for what a careful engineer would install: a backup server at exactly the central
server's version (call flows written for one version are copied to the other), and distributed
servers at the central server's major version. Each server's version is its own \`version\`, else
the network's release.`,
  examples: {
    failing: `network "Example" {
  release 11.1
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 version 11.0 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 11.1
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const { centralServer } = roles(network);
    const central = centralServer?.version;
    if (!centralServer || !central) return;
    const reportServer = (server: Server, what: string) => {
      const version = server.version;
      if (!version) return;
      report({
        at: version.span,
        message: `${what} '${server.name}' is at ${version.value.text} and central server '${centralServer.name}' at ${central.value.text}; ` +
          (what === "backup server"
            ? "the backup server synchronizes messages, call flows and settings with the central server, so install the same version on both"
            : "a distributed server forwards its messages to the central server, so keep it at the central server's major release"),
        related: [{ at: central.span, message: `central server '${centralServer.name}' is at ${central.value.text}` }],
      });
    };
    for (const server of network.servers) {
      if (server.isDuplicate || !server.version || server === centralServer) continue;
      if (server.role?.value === "backup" && server.version.value.text !== central.value.text) reportServer(server, "backup server");
      if (server.role?.value === "distributed" && server.version.value.major !== central.value.major) reportServer(server, "distributed server");
    }
  },
});
