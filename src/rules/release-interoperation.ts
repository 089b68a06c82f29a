import { distinctOffices } from "../ir/queries.js";
import type { EffectiveRelease, Office } from "../ir/types.js";
import { compareReleases } from "../ir/values.js";
import { defineRule } from "./rule.js";

interface Placed {
  readonly office: Office;
  readonly release: EffectiveRelease;
}

/** The lowest- and highest-release offices (the first declared of each on a tie). */
function extremes(offices: readonly Office[]): { lowest: Placed; highest: Placed } | undefined {
  let lowest: Placed | undefined;
  let highest: Placed | undefined;
  for (const office of offices) {
    const release = office.release;
    if (!release) continue;
    if (!lowest || compareReleases(release.value, lowest.release.value) < 0) lowest = { office, release };
    if (!highest || compareReleases(release.value, highest.release.value) > 0) highest = { office, release };
  }
  return lowest && highest ? { lowest, highest } : undefined;
}

export default defineRule({
  id: "release-interoperation",
  severity: "error",
  category: "Releases",
  summary: "Two offices are more than one major release apart (e.g. 6.1 and 8.0).",
  basis: "An SCN is supported between systems of the same major release or one major release apart (meant for phased upgrades), and the network gets the features and capacity of its lowest release.",
  sources: ["S14"],
  explain: `Avaya supports a Small Community Network between IP Office systems of the same major release,
or of one major release of difference (9.1 with 9.0, 8.0 with 9.0): the second case is meant for
phased upgrades, one site at a time. Systems further apart (5.0 with 7.0, 6.1 with 8.0) are not
supported. Even within the supported range, the whole network gets the features and capacity of
its lowest release (S14, "Software Level Interoperation").

scnc compares the major release (the number before the dot) of every office's release, its own or
the network's, and reports the lowest-release office, naming the highest-release one: upgrading
the lowest office is usually the fix, because features are lost to the lowest release anyway.
Voicemail Pro servers' versions are not part of this rule (\`server-version-mismatch\` compares
them with the central server).`,
  examples: {
    failing: `network "Example" {
  release 8.1
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.1.0.1 release 6.0 }
  link hq -- branch { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 8.1
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.1.0.1 release 7.0 }
  link hq -- branch { group-id 101 }
}
`,
  },
  check(network, report) {
    const found = extremes(distinctOffices(network));
    if (!found) return;
    const { lowest, highest } = found;
    if (highest.release.value.major - lowest.release.value.major <= 1) return;
    const inherited = lowest.release.inherited ? " (the network's release)" : "";
    const target = `${highest.release.value.major - 1}.0`;
    report({
      at: lowest.release.span,
      message: `office '${lowest.office.name}' is at ${lowest.release.value.text}${inherited} and office '${highest.office.name}' at ` +
        `${highest.release.value.text}, more than one major release apart: an SCN is supported only between the same major release ` +
        `or one major release of difference, and the whole network gets the features and capacity of its lowest release ` +
        `(${lowest.release.value.text}); upgrade '${lowest.office.name}' to ${target} or later`,
      related: [{ at: highest.release.span, message: `office '${highest.office.name}' is at ${highest.release.value.text}, the highest release in the network` }],
    });
  },
});
