import { shortfallsFor } from "../licensing/model.js";
import { addLicenseFix, editionLabelOf, editionNameOf } from "./license-fix.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "distributed-office-license",
  severity: "error",
  category: "Licences",
  summary: "An office that uses a distributed server holds no `preferred-edition`/`voicemail-pro` of its own.",
  basis: "Each office that uses a distributed server brings its own voicemail licences; sharing a server does not share licences.",
  sources: ["S3", "S4", "S11"],
  explain: `An office that uses a distributed Voicemail Pro server needs its own voicemail licences:
Preferred Edition (Voicemail Pro), its ports and the features it uses. Several offices may share one
distributed server, but each brings its own licence set, and the server offers each office only what
that office is licensed for (S3, S4). From R8 the wording is that every system that supports a
Voicemail Pro server needs its own Preferred Edition licence (S11). Sharing a server does not share
licences, and the central office's licence does not cover it either.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 voicemail vm-east }
  link hq -- east { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-east { role distributed address 10.2.0.10 mail-domain "vm-east.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office east { address 10.2.0.1 voicemail vm-east licenses { preferred-edition } }
  link hq -- east { group-id 101 }
}
`,
  },
  check(network, report) {
    for (const { licensing } of shortfallsFor(network, "distributed-office-license")) {
      const office = licensing.office;
      const name = editionNameOf(office);
      const fix = addLicenseFix(network, office, name);
      report({
        at: office.nameSpan,
        message: `office '${office.name}' uses distributed server '${licensing.server?.name ?? office.voicemail?.name}' but holds no ${editionLabelOf(office)} licence of its own; ` +
          `each office that uses a distributed server needs its own (add \`${name}\` to its licenses)`,
        ...(office.voicemail ? { related: [{ at: office.voicemail.span, message: `office '${office.name}' uses the distributed server here` }] } : {}),
        ...(fix ? { fix } : {}),
      });
    }
  },
});
