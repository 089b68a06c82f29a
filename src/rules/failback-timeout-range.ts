import { defineRule } from "./rule.js";

const MAXIMUM_MINUTES = 60;

export default defineRule({
  id: "failback-timeout-range",
  severity: "error",
  category: "Servers, mail and secrets",
  summary: "`failback automatic N` with N outside 1–60 minutes, or a number after manual/graceful.",
  basis: "Voicemail Pro's Failback Option is Manual, Graceful or Automatic; Automatic waits at most 60 minutes.",
  sources: ["S9", "S10"],
  explain: `With the Automatic failback option, the central Voicemail Pro server takes service back
from the backup server after a timeout of at most 60 minutes (S9, S10); \`failback automatic N\` sets
N, from 1 to 60. Manual and Graceful failback take no timeout, so a number after them is a mistake:
perhaps \`automatic\` was meant.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" failback automatic 90 }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" failback automatic 60 }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    for (const server of network.servers) {
      const failback = server.failback;
      const minutes = failback?.minutes;
      if (!failback || !minutes) continue;
      const written = network.source.text.slice(minutes.span.start, minutes.span.end);
      if (failback.mode.value !== "automatic") {
        report({
          at: minutes.span,
          message: `server '${server.name}' sets failback ${failback.mode.value} ${written}, but only \`automatic\` takes a timeout; remove the number, or write \`failback automatic ${written}\``,
          fix: { message: "Remove the number", edits: [{ at: { start: failback.mode.span.end, end: minutes.span.end }, text: "" }] },
        });
      } else if (minutes.value < 1 || minutes.value > MAXIMUM_MINUTES) {
        report({
          at: minutes.span,
          message: `server '${server.name}' sets an automatic failback timeout of ${written} minutes; it must be 1–${MAXIMUM_MINUTES}`,
        });
      }
    }
  },
});
