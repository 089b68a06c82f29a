import { describeNetwork, distinctOffices, roles } from "../ir/queries.js";
import { defineRule } from "./rule.js";

const UCM_MAX_SYSTEMS = 6;

export default defineRule({
  id: "ucm-max-systems",
  severity: "error",
  category: "SCN size and shape",
  summary: "The central server has `platform ucm` and the network has more than 6 offices.",
  basis: "When a Unified Communications Module provides Voicemail Pro, the SCN is limited to 6 systems.",
  sources: ["S14"],
  explain: `When a Unified Communications Module (UCM) card provides the Voicemail Pro server, the SCN
is limited to 6 systems (S14). Move the central server to a Windows or Linux server (or an
Application Server), or keep the network at 6 offices or fewer.`,
  examples: {
    failing: `network "Example" {
  release 8.1
  server vm-hq { role central address 10.0.0.10 platform ucm }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
${Array.from({ length: 6 }, (_, index) => `  office branch-${index + 1} { address 10.0.${index + 1}.1 }`).join("\n")}
${Array.from({ length: 6 }, (_, index) => `  link hq -- branch-${index + 1} { group-id ${index + 101} }`).join("\n")}
}
`,
    fixed: `network "Example" {
  release 8.1
  server vm-hq { role central address 10.0.0.10 platform linux }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
${Array.from({ length: 6 }, (_, index) => `  office branch-${index + 1} { address 10.0.${index + 1}.1 }`).join("\n")}
${Array.from({ length: 6 }, (_, index) => `  link hq -- branch-${index + 1} { group-id ${index + 101} }`).join("\n")}
}
`,
  },
  check(network, report) {
    const server = roles(network).centralServer;
    if (server?.platform?.value !== "ucm") return;
    const offices = distinctOffices(network);
    const seventh = offices[UCM_MAX_SYSTEMS];
    if (!seventh) return;
    report({
      at: server.platform.span,
      message: `central server '${server.name}' runs on a UCM, which supports an SCN of at most ${UCM_MAX_SYSTEMS} systems, but ${describeNetwork(network)} has ${offices.length} offices; ` +
        "move the central server to another platform, or reduce the network to 6 offices",
      related: [{ at: seventh.nameSpan, message: `office '${seventh.name}' is number ${UCM_MAX_SYSTEMS + 1}` }],
    });
  },
});
