import { editionNameFor } from "../licensing/holdings.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "license-name-for-release",
  severity: "warning",
  category: "Licences",
  summary: "`preferred-edition` on an office below 6.0, or `voicemail-pro` on one at 6.0 or above.",
  basis: "The Voicemail Pro server licence is called Voicemail Pro before R6 and Preferred Edition from R6.",
  sources: ["S11", "S28"],
  explain: `The licence that runs Voicemail Pro on an office was called Voicemail Pro up to release 5.0,
and Preferred Edition (Voicemail Pro) from release 6.0 (S11, S28). scnc treats the two names as one
licence and the compiler emits the name of the office's own release either way, but a file that
uses the other release's name usually means the release or the licence was copied from another
office without a check. Write the name of the office's release; the quick fix does that.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
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
    for (const office of network.offices) {
      const edition = office.licenses.edition;
      if (!edition || !office.release || office.isDuplicate) continue;
      const expected = editionNameFor(office.release.value);
      if (edition.value === expected) continue;
      const release = office.release.value.text;
      report({
        at: edition.span,
        message: `office '${office.name}' is at release ${release}, where the licence is called \`${expected}\`, not \`${edition.value}\`; ` +
          `write \`${expected}\` (the compiler emits the release's own name either way)`,
        fix: { message: `Replace with \`${expected}\``, edits: [{ at: edition.span, text: expected }] },
      });
    }
  },
});
