import { shortfallsFor } from "../licensing/model.js";
import { addLicenseFix, editionLabelOf, editionNameOf } from "./license-fix.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "fallback-license",
  severity: "error",
  category: "Licences",
  summary: "The fallback office holds no `preferred-edition`/`voicemail-pro` licence.",
  basis: "The fallback office must be licensed for Voicemail Pro itself (Preferred Edition from R6).",
  sources: ["S1", "S27"],
  explain: `When the central office fails, the fallback office takes control of the central Voicemail
Pro server, and the server then runs on the fallback office's licences, not the central office's.
The fallback office must therefore hold its own Voicemail Pro licence (Preferred Edition from 6.0)
for voicemail to continue during fallback (S1, S27). Feature licences (UMS, ContactStore, TTS) are
held per office for that office's own users, so the fallback office needs those only for features
its own users use (\`feature-license\`); how many ports it offers while in control is
\`fallback-capacity\`.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office dr { role fallback address 10.1.0.1 }
  link hq -- dr { group-id 100 }
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
    for (const { licensing } of shortfallsFor(network, "fallback-license")) {
      const office = licensing.office;
      const name = editionNameOf(office);
      const fix = addLicenseFix(network, office, name);
      report({
        at: office.nameSpan,
        message: `fallback office '${office.name}' holds no ${editionLabelOf(office)} licence; it runs the central Voicemail Pro server on its own licences while the central office is down (add \`${name}\` to its licenses)`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
