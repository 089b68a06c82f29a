import { describeNetwork, distinctOffices } from "../ir/queries.js";
import { releaseBelow } from "../ir/values.js";
import { MAX_USERS_AT_ANY_RELEASE, scnLimits } from "./scn-limits.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "scn-max-users",
  severity: "error",
  category: "SCN size and shape",
  summary: "The offices' `users` add up to more than 500 below release 6.0, or 1000 from 6.0 (lowest office release).",
  basis: "An SCN holds at most 500 users before R6.0 and 1000 from R6.0.",
  sources: ["S14", "S15", "S16"],
  explain: `A Small Community Network supports at most 1000 users in total from release 6.0, and 500
before (S15); the limit follows the lowest release of any office. Offices without \`users\` count as
none, and an office whose \`users\` cannot be read counts as none too (the total is then at least the
sum of the others). Move users to another SCN, or upgrade the offices below 6.0. Offices whose release
is unknown (\`missing-release\`) are left out when finding the lowest release: theirs can only make
the limit smaller. While no office's release is known, only the limit of every release, 1000, is
checked.`,
  examples: {
    failing: `network "Example" {
  release 5.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 users 400 licenses { voicemail-pro } }
  office branch { address 10.3.0.1 users 200 }
  link hq -- branch { group-id 102 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 users 400 licenses { preferred-edition } }
  office branch { address 10.3.0.1 users 200 }
  link hq -- branch { group-id 102 }
}
`,
  },
  check(network, report) {
    // With no office's release known, only the limit of every release can be judged.
    const limits = scnLimits(network);
    const maximum = limits?.users ?? MAX_USERS_AT_ANY_RELEASE;
    const offices = distinctOffices(network);
    // An unreadable count (invalid-value, syntax-error) is at least 0, so the others' sum is a
    // lower bound of the total: over the limit without it is over the limit with it.
    const uncertain = offices.some((office) => office.unknown.has("users"));
    let total = 0;
    let crossing: (typeof offices)[number] | undefined;
    for (const office of offices) {
      total += office.users?.value ?? 0;
      if (!crossing && total > maximum) crossing = office;
    }
    if (!crossing?.users) return;
    const advice = limits !== undefined && releaseBelow(limits.release, 6)
      ? `an SCN supports ${maximum} users while any office is below release 6.0 (office '${limits.lowestOffice.name}' is at ${limits.release.text}); upgrade every office to 6.0 or later (limit 1000), or move users to another network`
      : `an SCN supports at most ${maximum} users; move users to another network`;
    report({
      at: crossing.users.span,
      message: `the offices of ${describeNetwork(network)} have ${uncertain ? "at least " : ""}${total} users in total, passing ${maximum} at office '${crossing.name}'; ${advice}`,
    });
  },
});
