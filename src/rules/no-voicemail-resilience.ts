import { describeNetwork, roles } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "no-voicemail-resilience",
  severity: "info",
  category: "Servers, mail and secrets",
  summary: "Neither a backup server nor a fallback office: the central office or server is a single point of failure.",
  basis: "Without a backup server or a fallback office, voicemail stops when the central office or server fails (inferred from the failure behaviour the sources describe).",
  sources: ["S2", "S8", "S27"],
  inferred: true,
  explain: `Without a fallback office, a failure of the central office leaves every office without
centralized voicemail; without a backup server, so does a failure of the central server. A
fallback office (R5+, linked directly to the central office and licensed for Voicemail Pro) keeps the
central server running when the central office fails; a backup server (R6+) takes over when the
central server fails. This is advice: small networks often accept the risk.

The sources describe what a fallback office and a backup server take over; that without them a
failure leaves the offices without voicemail is inferred (no document says it in so many words).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  link hq -- dr { group-id 100 }
}
`,
  },
  check(network, report) {
    const { centralOffice, centralServer, backupServer, fallbackOffice, officeRolesUncertain, serverRolesUncertain } = roles(network);
    // In a partial network the missing backup or fallback may be in the text that could not be read.
    if (!centralOffice || !centralServer || backupServer || fallbackOffice || officeRolesUncertain || serverRolesUncertain || network.partial) return;
    // Offices on a distributed server keep call answering from it when the central office or
    // server fails (DOMAIN.md §4, S6); only message collection and MWI wait for the central server.
    const onDistributedServers = network.offices.some((office) => !office.isDuplicate && office.voicemail?.server?.role?.value === "distributed");
    const who = onDistributedServers ? "every office not on a distributed server loses voicemail" : "every office loses voicemail";
    report({
      at: network.nameSpan ?? network.span,
      message: `${describeNetwork(network)} has neither a backup server nor a fallback office: if central office '${centralOffice.name}' or central server '${centralServer.name}' fails, ${who}; ` +
        "consider a fallback office linked directly to it (R5+) or a backup server (R6+)",
    });
  },
});
