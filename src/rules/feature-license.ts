import { FEATURE_LICENSE_LABELS } from "../licensing/holdings.js";
import { shortfallsFor } from "../licensing/model.js";
import type { Feature } from "../ir/types.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "feature-license",
  severity: "error",
  category: "Licences",
  summary: "An office `uses` ums / contact-store / tts but holds no licence of that name.",
  basis: "Remote offices on centralized voicemail need only UMS and ContactStore licences; the server's own features are licensed on the office whose licence set it uses.",
  sources: ["S1", "S11", "S19"],
  explain: `Feature licences are held by the office whose users use the feature, whichever server
answers their voicemail: a remote office on centralized voicemail still needs UMS licences for its
UMS users and ContactStore licences for calls it records to ContactStore (S1, S19); the central
office, the fallback office and offices on distributed servers need licences for the features their
users use (S1, S11). \`uses\` lists the features an office's users need, and \`licenses\` what it
holds, so each feature in \`uses\` needs a licence count of the same name above zero.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 uses ums licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 uses ums licenses { preferred-edition ums 40 } }
}
`,
  },
  check(network, report) {
    for (const { licensing, shortfall } of shortfallsFor(network, "feature-license")) {
      const feature = shortfall.need.license as Feature;
      const label = FEATURE_LICENSE_LABELS[feature];
      report({
        at: shortfall.need.span,
        message: `office '${licensing.office.name}' uses ${feature} but holds no ${label} licence; feature licences are held by the office whose users use them (add \`${feature} N\` to its licenses, N the number of licensed users)`,
      });
    }
  },
});
