import { networkLicensing } from "../licensing/model.js";
import { removeItem } from "./edits.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "unneeded-license",
  severity: "info",
  category: "Licences",
  summary: "A member office on plain centralized voicemail holds `preferred-edition`/`voicemail-pro` or ports it cannot use.",
  basis: "Remote offices on plain centralized voicemail need no Voicemail Pro licences, only UMS or ContactStore licences for those features.",
  sources: ["S1", "S11"],
  explain: `A remote office on centralized voicemail uses the central Voicemail Pro server, which runs on
the central office's licences, so it needs no Voicemail Pro licence and no voicemail ports of its own;
only UMS and ContactStore licences for features its users use (S1). Its Preferred Edition licence
or additional ports therefore add nothing to voicemail. This is advice, not an error: the licence
may be meant for later (the office may become the fallback office or move to a distributed server),
and from R8 Preferred Edition is also a prerequisite for user profiles above Basic User, although
the central office's licence already covers that across the SCN (S11).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 licenses { preferred-edition } }
  link hq -- branch { group-id 102 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.3.0.1 }
  link hq -- branch { group-id 102 }
}
`,
  },
  check(network, report) {
    const text = network.source.text;
    for (const { office, unneeded } of networkLicensing(network)) {
      for (const license of unneeded) {
        const ports = office.licenses.voicemailPorts?.value ?? 0;
        const what = license.license === "edition"
          ? `its ${office.licenses.edition?.value === "voicemail-pro" ? "Voicemail Pro" : "Preferred Edition"} licence adds`
          : `its ${ports} additional voicemail ${ports === 1 ? "port adds" : "ports add"}`;
        report({
          at: license.span,
          message: `office '${office.name}' is on centralized voicemail, so ${what} nothing: the central server runs on the central office's licences; ` +
            "remove it, or keep it for a planned fallback or distributed role",
          fix: { message: "Remove the unneeded licence", edits: [removeItem(text, license.span)] },
        });
      }
    }
  },
});
