import { defineRule } from "./rule.js";

export default defineRule({
  id: "invalid-value",
  severity: "error",
  category: "Language and references",
  summary: "A value is malformed or out of its field's range.",
  basis: "The .scn language's value formats; the SCN user limit, what a mail domain is, and the file names Windows reserves.",
  sources: ["S14", "S23", "S40"],
  explain: `Values are checked beyond their shape: each part of an IPv4 address is 0–255 (without
leading zeros), an IPv6 address written as a string must be one (without a zone index such as
\`%eth0\`, which names an interface of one host), an address must be a device's own (not
255.255.255.255, Manager's broadcast default Voicemail IP Address, which must not remain where a
specific server is meant (S5: a remote left on the broadcast default is unsupported), nor the unspecified 0.0.0.0 or ::), a mail domain must be a DNS name with at least one
dot (servers accept only mail addressed to their own domain), \`users\` is at most 100000,
additional voicemail ports at most 250 (the largest platform ceiling in R12.2), feature licence
counts at most 100000, names at most 63 characters and none that Windows keeps for a device (\`con\`,
\`prn\`, \`aux\`, \`nul\`, \`com1\`–\`com9\`, \`lpt1\`–\`lpt9\`, in any case; build writes a file named after
each office and server, which Windows cannot create under these names, S40), an environment variable name must be one a shell
accepts, and a voicemail password written in the file cannot be empty (to leave it blank, leave the
line out). Group ids have rules of their own (\`group-id-range\`).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.300 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.30 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    for (const invalid of network.invalidValues) report({ at: invalid.span, message: invalid.message });
  },
});
