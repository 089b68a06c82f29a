import { roles } from "../ir/queries.js";
import { shortfallsFor } from "../licensing/model.js";
import { addLicenseFix } from "./license-fix.js";
import { defineRule, type RuleReport } from "./rule.js";

export default defineRule({
  id: "fallback-capacity",
  severity: "warning",
  category: "Licences",
  summary: "The fallback office has fewer voicemail ports (4 + additional) than the central office.",
  basis: "The fallback office serves voicemail with its own licences; fewer ports than the central office shrink service during fallback (inferred).",
  sources: ["S1", "S11", "S27"],
  inferred: true,
  explain: `While the central office is down, the fallback office controls the central Voicemail Pro
server on its own licences, so the server offers as many simultaneous voicemail calls as the
fallback office is licensed for. Ports count 4 per Preferred Edition (Voicemail Pro) licence plus
the additional \`voicemail-ports\`. With fewer ports than the central office, callers get busy
voicemail during fallback, exactly when the network is already degraded. This is a warning: Avaya
supports it, with less service.

The sources say the fallback office must be licensed for what it needs while in control (S1, S27);
that it needs as many ports as the central office is scnc's reading of that, not a stated rule.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition voicemail-ports 8 } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition voicemail-ports 2 } }
  link hq -- dr { group-id 100 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition voicemail-ports 8 } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition voicemail-ports 8 } }
  link hq -- dr { group-id 100 }
}
`,
  },
  check(network, report) {
    const central = roles(network).centralOffice;
    for (const { licensing, shortfall } of shortfallsFor(network, "fallback-capacity")) {
      // Without its edition licence the fallback office has no Voicemail Pro ports at all:
      // fallback-license reports that root cause.
      if (!licensing.holds.edition || !central) continue;
      const office = licensing.office;
      const { ports, additionalPorts } = licensing.holds;
      const wanted = additionalPorts + shortfall.missing;
      const current = office.licenses.voicemailPorts;
      const fix: RuleReport["fix"] = current
        ? { message: `Set \`voicemail-ports ${wanted}\``, edits: [{ at: current.span, text: String(wanted) }] }
        : addLicenseFix(network, office, `voicemail-ports ${wanted}`);
      report({
        at: office.nameSpan,
        message: `fallback office '${office.name}' has ${ports} voicemail ports (4 + ${additionalPorts} additional), fewer than the ${shortfall.need.quantity} of central office '${central.name}'; ` +
          `while it controls the central server, voicemail shrinks to ${ports} simultaneous calls (set \`voicemail-ports ${wanted}\` in its licenses)`,
        related: [{ at: central.licenses.span ?? central.nameSpan, message: `central office '${central.name}' has ${shortfall.need.quantity} voicemail ports` }],
        ...(fix ? { fix } : {}),
      });
    }
  },
});
