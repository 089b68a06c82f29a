import { FEATURE_LICENSE_LABELS, heldLicenses } from "../licensing/holdings.js";
import { roles } from "../ir/queries.js";
import { shortfallsFor } from "../licensing/model.js";
import type { Feature } from "../ir/types.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "fallback-feature-license",
  severity: "warning",
  category: "Licences",
  summary: "The central office holds a feature licence (tts, ums, contact-store) its users need, and the fallback office holds none.",
  basis: "The fallback office that takes control of the voicemail server needs licences for Voicemail Pro and for the features required during fallback.",
  sources: ["S1", "S27"],
  explain: `When the central office fails, the fallback office takes control of the central Voicemail Pro
server, and the server then runs on the fallback office's licences: S1 says the fallback office
"requires licenses for Voicemail Pro operation and the features required during fallback", and S27
that a Preferred Edition licence is needed on it. \`fallback-license\` checks the Preferred Edition
licence; this rule checks the features.

For each feature licence (TTS, UMS, ContactStore) that the central office holds and that its users
need (it \`uses\` the feature, or, for TTS, an office whose TTS it licenses does), the fallback office
should hold some too; otherwise that feature stops while the fallback office is in control, while
the rest of voicemail keeps working. It is a warning: Avaya does not say how many are needed, and a
network may accept the loss during a failure.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 uses tts licenses { preferred-edition tts 2 } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition } }
  link hq -- dr { group-id 100 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 uses tts licenses { preferred-edition tts 2 } }
  office dr { role fallback address 10.1.0.1 licenses { preferred-edition tts 2 } }
  link hq -- dr { group-id 100 }
}
`,
  },
  check(network, report) {
    const central = roles(network).centralOffice;
    if (!central) return;
    const centralHolds = heldLicenses(central);
    for (const { licensing, shortfall } of shortfallsFor(network, "fallback-feature-license")) {
      const feature = shortfall.need.license as Feature;
      const label = FEATURE_LICENSE_LABELS[feature];
      const fallback = licensing.office.name;
      report({
        at: shortfall.need.span,
        message: `fallback office '${fallback}' holds no ${label} licence, while central office '${central.name}' holds ` +
          `${centralHolds.features[feature]} for its users: ${label} stops while '${fallback}' controls the central server ` +
          `(add \`${feature} N\` to the licenses of '${fallback}')`,
      });
    }
  },
});
