import { describeNetwork } from "../ir/queries.js";
import { defineRule } from "./rule.js";
import { passwordVariable } from "./servers.js";


export default defineRule({
  id: "plaintext-secret",
  severity: "warning",
  category: "Servers, mail and secrets",
  summary: "`voicemail-password` is a literal string instead of `env \"NAME\"`.",
  basis: "The Voicemail Password is a security setting; a password written in the file ends up in version control.",
  sources: ["S9", "S34"],
  explain: `The voicemail password is shared by every Voicemail Pro server and the security settings of
the offices that connect to them (S9). Written in the file, it ends up in version control, in
review tools and in CI logs. Write \`voicemail-password env "NAME"\` instead: scnc then writes only the
reference, and puts the value into the device files only with \`scnc build --resolve-secrets\`. scnc
never prints a password, in diagnostics or anywhere else: code frames show it as a fixed-length
mask (\`"********"\`), which does not tell its length either. The quick fix replaces the literal with an
environment variable named after the network (set it before building).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  voicemail-password "not-a-real-password"
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  voicemail-password env "EXAMPLE_VM_PASSWORD"
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const secret = network.voicemailPassword;
    if (secret?.kind !== "literal") return;
    const variable = passwordVariable(network.name);
    // Nothing a report carries may tell the password's length (docs/security.md): the diagnostic
    // points at the keyword, and the fix rewrites the property to the end of its line (the line
    // break included), so neither range ends where the value ends.
    const text = network.source.text;
    const keyword = { start: secret.propertySpan.start, end: secret.propertySpan.start + "voicemail-password".length };
    const lineBreak = text.indexOf("\n", secret.span.end);
    const lineEnd = lineBreak === -1 ? text.length : lineBreak + 1;
    // The fix repeats what follows the value on its line: only blanks or a comment, never more
    // text (after a malformed password it may be part of it).
    const rest = text.slice(secret.span.end, lineEnd);
    const fixable = /^[ \t]*(?:\/\/[^\n]*)?\r?\n?$/.test(rest);
    report({
      at: keyword,
      message: `the voicemail password of ${describeNetwork(network)} is written in the file; read it from the environment instead: \`voicemail-password env "${variable}"\``,
      ...(fixable
        ? { fix: { message: `Read it from environment variable ${variable}`, edits: [{ at: { start: keyword.start, end: lineEnd }, text: `voicemail-password env "${variable}"${rest}` }] } }
        : {}),
    });
  },
});
