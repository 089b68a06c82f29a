import { shortfallsFor } from "../licensing/model.js";
import { addLicenseFix, editionLabelOf, editionNameOf } from "./license-fix.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "central-license",
  severity: "error",
  category: "Licences",
  summary: "The central office holds no `preferred-edition`/`voicemail-pro` licence.",
  basis: "The central office hosts the Voicemail Pro server and must hold its licences (Voicemail Pro before R6, Preferred Edition from R6).",
  sources: ["S1", "S11", "S28"],
  explain: `The central office hosts the central Voicemail Pro server and licenses it: Voicemail Pro
runs on the licences of the office that controls it. From release 6.0 the licence is Preferred
Edition (which includes 4 voicemail ports); before 6.0 it is the Voicemail Pro licence. Without it
the server gives no voicemail service to any office in the SCN.

Add \`preferred-edition\` (6.0 and later) or \`voicemail-pro\` (before 6.0) to the central office's
\`licenses\`; both names mean the same licence.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 }
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
    for (const { licensing } of shortfallsFor(network, "central-license")) {
      const office = licensing.office;
      const name = editionNameOf(office);
      const fix = addLicenseFix(network, office, name);
      report({
        at: office.nameSpan,
        message: `central office '${office.name}' holds no ${editionLabelOf(office)} licence; the office that hosts the central Voicemail Pro server licenses it (add \`${name}\` to its licenses)`,
        ...(fix ? { fix } : {}),
      });
    }
  },
});
