import { describeNetwork, distinctOffices } from "../ir/queries.js";
import { releaseBelow } from "../ir/values.js";
import { MAX_SYSTEMS_AT_ANY_RELEASE, scnLimits } from "./scn-limits.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "scn-max-systems",
  severity: "error",
  category: "SCN size and shape",
  summary: "More offices than an SCN supports: 16 below release 5.0, 32 from 5.0 (lowest office release).",
  basis: "An SCN holds at most 16 systems before R5.0 and 32 from R5.0; above 16 every system must be R5.0 or later.",
  sources: ["S14", "S15", "S16"],
  explain: `A Small Community Network supports at most 32 IP Office systems from release 5.0, and 16
before. The limit follows the lowest release of any office: an SCN of more than 16 systems is
supported only when every system is at 5.0 or later, and a pre-5.0 system in a larger network gets
no SCN support (S15, S16). Split the network into several SCNs, or upgrade the offices below 5.0.
Offices whose release is unknown (\`missing-release\`) are left out when finding the lowest release:
theirs can only make the limit smaller, so one office known to be below 5.0 already sets it at 16.
While no office's release is known, only the limit of every release, 32, is checked.`,
  examples: {
    failing: `network "Example" {
  release 4.2
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
${Array.from({ length: 16 }, (_, index) => `  office branch-${index + 1} { address 10.0.${index + 1}.1 }`).join("\n")}
${Array.from({ length: 16 }, (_, index) => `  link hq -- branch-${index + 1} { group-id ${index + 101} }`).join("\n")}
}
`,
    fixed: `network "Example" {
  release 5.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
${Array.from({ length: 16 }, (_, index) => `  office branch-${index + 1} { address 10.0.${index + 1}.1 }`).join("\n")}
${Array.from({ length: 16 }, (_, index) => `  link hq -- branch-${index + 1} { group-id ${index + 101} }`).join("\n")}
}
`,
  },
  check(network, report) {
    // With no office's release known, only the limit of every release can be judged.
    const limits = scnLimits(network);
    const systems = limits?.systems ?? MAX_SYSTEMS_AT_ANY_RELEASE;
    const offices = distinctOffices(network);
    const first = offices[systems];
    if (!first) return;
    const below5 = limits !== undefined && releaseBelow(limits.release, 5);
    const why = below5
      ? `an SCN supports ${systems} systems while any office is below release 5.0 (office '${limits.lowestOffice.name}' is at ${limits.release.text}); ` +
        `upgrade every office to 5.0 or later (limit 32), or split the network`
      : `an SCN supports at most ${systems} systems; split it into several networks`;
    report({
      at: first.nameSpan,
      message: `${describeNetwork(network)} has ${offices.length} offices and office '${first.name}' is number ${systems + 1}; ${why}`,
      ...(below5 && limits.lowestOffice.release
        ? { related: [{ at: limits.lowestOffice.release.span, message: `office '${limits.lowestOffice.name}' is at ${limits.release.text}` }] }
        : {}),
    });
  },
});
