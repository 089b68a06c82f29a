import { describeNetwork, roles } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "central-server-count",
  severity: "error",
  category: "Roles",
  summary: "The network does not have exactly one server with `role central`.",
  basis: "An SCN has one central (centralized) Voicemail Pro server, so two servers never answer for the same user.",
  sources: ["S5", "S6"],
  explain: `An SCN has one central Voicemail Pro server, so that two servers never answer for the same
user. It stores every message and does message waiting and collection for all offices, including
those that use a distributed server. Backup and distributed servers are additions to it, never
replacements.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  server vm-two { role central address 10.0.0.11 }
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
    const { centralServers, serverRolesUncertain } = roles(network);
    const [first, ...others] = centralServers;
    if (!first) {
      if (serverRolesUncertain || network.partial) return;
      report({
        at: network.nameSpan ?? network.span,
        message: `${describeNetwork(network)} has no central Voicemail Pro server; declare one with \`server NAME { role central … }\``,
      });
      return;
    }
    for (const server of others) {
      report({
        at: server.role?.span ?? server.nameSpan,
        message: `server '${server.name}' is a second central server ('${first.name}' is already central); make it \`backup\` or \`distributed\`, or remove it`,
        related: [{ at: first.role?.span ?? first.nameSpan, message: `server '${first.name}' is the central server` }],
      });
    }
  },
});
