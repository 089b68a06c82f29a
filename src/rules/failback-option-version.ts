import { FAILBACK_OPTION_FIRST_DOCUMENTED_TEXT as FIRST, FAILBACK_OPTION_KNOWN_ABSENT_BELOW_TEXT as ABSENT_BELOW, failbackOptionKnownAbsent } from "../ir/capabilities.js";
import { roles } from "../ir/queries.js";
import { removeItem } from "./edits.js";
import { defineRule } from "./rule.js";


export default defineRule({
  id: "failback-option-version",
  severity: "warning",
  category: "Releases",
  summary: "The central server sets `failback` at a version whose Voicemail Pro has no Failback Option.",
  basis: "The Failback Option (Manual, Graceful, Automatic) is documented for Voicemail Pro R12.2; the R6 manual describes a backup server without it, where a restored central server does not resume control by itself.",
  sources: ["S9", "S10", "S2", "S4"],
  inferred: true,
  explain: `\`failback\` sets Voicemail Pro's Failback Option (Preferences > General): once the central
server is back, the backup server hands voicemail back to it manually, gracefully (when its calls
end) or automatically after a timeout. The earliest document found for scnc that shows the setting
is the R12.2 administration manual (S9, S10).

The R6 manual shows the older behaviour, with no such setting (S2, p55): "When the central
voicemail server is restored, it does not automatically resume control", though messages and
changes made meanwhile are synchronized back from the backup server, and if the backup server then
fails the central server resumes control. (The same manual's overview, S4, says the central office
"will switch back"; the detailed page is the one followed here.) So at a version below ${ABSENT_BELOW}, a
\`failback\` line describes a setting that does not exist: returning to the central server is the
administrator's job.

Between ${ABSENT_BELOW} and ${FIRST} no document read for scnc settles whether the option exists. scnc stays silent
there rather than warn wrongly; check your version's Preferences > General tab.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" failback graceful }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const { centralServer, backupServer } = roles(network);
    // Without a backup server, failback-without-backup already says to remove the setting.
    if (!backupServer) return;
    const failback = centralServer?.failback;
    const version = centralServer?.version;
    if (!centralServer || !failback || !version || !failbackOptionKnownAbsent(version.value)) return;
    const inherited = version.inherited ? " (the network's release)" : "";
    report({
      at: failback.mode.span,
      message: `central server '${centralServer.name}' sets failback ${failback.mode.value} at ${version.value.text}${inherited}, but Voicemail Pro ` +
        `below ${ABSENT_BELOW} has no Failback Option: a restored central server does not resume control by itself, so switching back is ` +
        `done by hand (remove the failback setting, or raise the version; the option is documented from ${FIRST})`,
      related: [{ at: version.span, message: `server '${centralServer.name}' is at ${version.value.text}` }],
      fix: { message: "Remove the failback setting", edits: [removeItem(network.source.text, failback.propertySpan)] },
    });
  },
});
