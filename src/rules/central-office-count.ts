import { describeNetwork, roles } from "../ir/queries.js";
import { defineRule } from "./rule.js";

export default defineRule({
  id: "central-office-count",
  severity: "error",
  category: "Roles",
  summary: "The network does not have exactly one office with `role central`.",
  basis: "Centralized and distributed voicemail need a single central IP Office that hosts the central Voicemail Pro server.",
  sources: ["S1", "S6"],
  explain: `Centralized voicemail is hosted and licensed by a single central IP Office: the central
Voicemail Pro server is the message store, message waiting indication and message collection point
for the whole SCN, and every other office reaches it over SCN lines toward that office. With no
central office nothing hosts the server; with two, offices would disagree on where voicemail is.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { address 10.0.0.1 licenses { preferred-edition } }
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
    const { centralOffices, officeRolesUncertain } = roles(network);
    const [first, ...others] = centralOffices;
    if (!first) {
      if (officeRolesUncertain || network.partial) return;
      report({
        at: network.nameSpan ?? network.span,
        message: `${describeNetwork(network)} has no central office; give the office that hosts the central Voicemail Pro server \`role central\``,
      });
      return;
    }
    for (const office of others) {
      report({
        at: office.roleSpan ?? office.nameSpan,
        message: `office '${office.name}' is a second central office ('${first.name}' is already central); an SCN has exactly one, so make this one \`member\` or \`fallback\``,
        related: [{ at: first.roleSpan ?? first.nameSpan, message: `office '${first.name}' is the central office` }],
      });
    }
  },
});
