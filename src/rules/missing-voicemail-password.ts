import { describeNetwork } from "../ir/queries.js";
import { defineRule } from "./rule.js";
import { hasSmtpPeers, passwordVariable } from "./servers.js";

export default defineRule({
  id: "missing-voicemail-password",
  severity: "warning",
  category: "Servers, mail and secrets",
  summary: "The network has a backup or distributed server and no `voicemail-password`.",
  basis: "Voicemail Pro's Voicemail Password must match the one in the security settings of each office it connects to; servers that connect to several offices need it set.",
  sources: ["S9", "S34"],
  explain: `The Voicemail Password in each Voicemail Pro server's General preferences must match the
Voicemail Password in the security settings of the offices that connect to it (S9). With one server,
both may stay blank; with a backup or distributed server, several servers and offices must agree, and
a blank password on one of them breaks the connection in a way that is hard to trace. Declare the
password once for the network, read from the environment.

That the password must match is documented (S9); which offices it must match on (the central and
fallback offices and those on distributed servers) is inferred.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "EXAMPLE_VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 mail-domain "vm-hq.example.com" }
  server vm-dr { role backup address 10.1.0.10 mail-domain "vm-dr.example.com" }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    if (network.voicemailPassword || network.unknown.has("voicemail-password") || network.partial || !hasSmtpPeers(network)) return;
    report({
      at: network.nameSpan ?? network.span,
      message: `${describeNetwork(network)} has a backup or distributed server but no voicemail-password, which every server and the offices that connect to them must share; ` +
        `add \`voicemail-password env "${passwordVariable(network.name)}"\``,
    });
  },
});
