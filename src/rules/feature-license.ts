import { FEATURE_LICENSE_LABELS } from "../licensing/holdings.js";
import { shortfallsFor } from "../licensing/model.js";
import type { Feature } from "../ir/types.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "feature-license",
  severity: "error",
  category: "Licences",
  summary: "A feature an office `uses` is not licensed where Avaya requires it: ums and contact-store on the office, tts on the office whose licence set its server uses.",
  basis: "Remote offices on centralized voicemail need only UMS and ContactStore licences of their own; Voicemail Pro's other features are licensed by the office whose licence set the serving server uses (the central office, or an office's own set on a distributed server).",
  sources: ["S1", "S3", "S4", "S11", "S19"],
  explain: `Where a feature licence must be held depends on the feature:

- **UMS and ContactStore** are held by the office whose users use them, whichever server answers
  their voicemail: a remote office on centralized voicemail "only requires licenses for UMS and or
  for ContactStore" (S1 p52, S19).
- **TTS** (text to speech) is a feature of the Voicemail Pro server, so it is licensed by the
  office whose licence set that server runs on: the central office for itself, its fallback office
  and every office on centralized voicemail (S1: "only the central IP Office hosting the voicemail
  server requires licensing for Voicemail Pro operation and features"), and an office's own set
  when it uses a distributed server (S3, S4: each such office brings "its own license set").

\`uses\` lists the features an office's users need and \`licenses\` what each office holds. The
diagnostic points at the office that must hold the licence: for TTS used on a centralized member,
that is the central office, with the member's \`uses tts\` as a related location.

The sources do not say how many TTS licences a network needs; scnc asks for at least one.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.1.0.1 uses tts }
  link hq -- branch { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition tts 2 } }
  office branch { address 10.1.0.1 uses tts }
  link hq -- branch { group-id 101 }
}
`,
  },
  check(network, report) {
    for (const { licensing, shortfall } of shortfallsFor(network, "feature-license")) {
      const feature = shortfall.need.license as Feature;
      const label = FEATURE_LICENSE_LABELS[feature];
      const office = licensing.office.name;
      const related = (shortfall.need.related ?? []).map((location) => ({ at: location.span, message: location.message }));
      const servedOthers = related.length > 0;
      report({
        at: shortfall.need.span,
        message: servedOthers
          ? `office '${office}' holds no ${label} licence, yet it ${shortfall.need.reason}; add \`${feature} N\` to the licenses of '${office}'`
          : feature === "tts"
            ? `office '${office}' uses tts but holds no TTS licence; TTS runs on the Voicemail Pro server and is licensed by the office whose licence set it uses, here '${office}' (add \`tts N\` to its licenses)`
            : `office '${office}' uses ${feature} but holds no ${label} licence; ${label} licences are held by the office whose users use them (add \`${feature} N\` to its licenses, N the number of licensed users)`,
        ...(servedOthers ? { related } : {}),
      });
    }
  },
});
