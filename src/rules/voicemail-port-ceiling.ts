import { VOICEMAIL_CHANNELS_PER_SYSTEM } from "../ir/capabilities.js";
import { networkLicensing } from "../licensing/model.js";
import { PORTS_PER_EDITION } from "../licensing/holdings.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "voicemail-port-ceiling",
  severity: "warning",
  category: "Licences",
  summary: `The voicemail ports an office licenses for its server (4 + additional) exceed the ${VOICEMAIL_CHANNELS_PER_SYSTEM} channels an IP500 V2 system supports.`,
  basis: `An IP500 V2 system supports at most ${VOICEMAIL_CHANNELS_PER_SYSTEM} voicemail channels, whatever server it uses; licensed ports beyond that are never used.`,
  sources: ["S13", "S27", "S12"],
  explain: `Each voicemail call (leaving or collecting a message, an auto attendant, a recording) takes one
licensed voicemail channel, and the number of channels a system can use is capped by the
platform: an IP500 V2 supports at most ${VOICEMAIL_CHANNELS_PER_SYSTEM} (S13, R12.2 capacity table). Older documents give
the same figure: "capacity of up to 40 ports" in the R7.0 product description (S27), and 40 ports
on an R11.1 Application Server running Voicemail Pro alone, 20 when it also runs one-X Portal
(S12). Larger figures in S13 (75 on a Dell R260, 250 on a Dell R660 or virtual server) belong to
Server Edition servers, which are not SCN offices.

So an office that licenses more than ${VOICEMAIL_CHANNELS_PER_SYSTEM} ports (${PORTS_PER_EDITION} with Preferred Edition plus \`voicemail-ports\`) for the
server it runs (the central or fallback office for the central server, an office on a distributed
server for that server) pays for ports it cannot use. On an Application Server that also runs
one-X Portal the ceiling is 20, which scnc cannot see: check it there.`,
  examples: {
    failing: `network "Example" {
  release 9.1
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition voicemail-ports 60 } }
}
`,
    fixed: `network "Example" {
  release 9.1
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition voicemail-ports 36 } }
}
`,
  },
  check(network, report) {
    for (const licensing of networkLicensing(network)) {
      const additional = licensing.office.licenses.voicemailPorts;
      const { role, holds } = licensing;
      if (!additional || holds.uncertain || !holds.edition || holds.ports <= VOICEMAIL_CHANNELS_PER_SYSTEM) continue;
      if (role !== "central" && role !== "fallback" && role !== "distributed-member") continue;
      report({
        at: additional.span,
        message: `office '${licensing.office.name}' licenses ${holds.ports} voicemail ports (${PORTS_PER_EDITION} with its edition licence and ` +
          `${holds.additionalPorts} additional), more than the ${VOICEMAIL_CHANNELS_PER_SYSTEM} voicemail channels an IP500 V2 system supports; ` +
          `${holds.ports - VOICEMAIL_CHANNELS_PER_SYSTEM} of them can never be used (set \`voicemail-ports ${VOICEMAIL_CHANNELS_PER_SYSTEM - PORTS_PER_EDITION}\` or fewer)`,
      });
    }
  },
});
