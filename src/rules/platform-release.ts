import { NON_WINDOWS_PLATFORMS_FROM, platformExistsAt } from "../ir/capabilities.js";
import { defineRule } from "./rule.js";

const PLATFORM_NAMES = { windows: "Windows", linux: "Linux", ucm: "a UCM", "application-server": "an Application Server" } as const;

export default defineRule({
  id: "platform-release",
  severity: "error",
  category: "Releases",
  summary: "A server's `platform` is `linux`, `application-server` or `ucm` at a version where Voicemail Pro ran only on Windows.",
  basis: "Up to R7 the Voicemail Pro documents describe the server as a Windows PC that exchanges mail through Microsoft IIS SMTP; Voicemail Pro on Linux, on the Application Server and on a UCM appears only in later documents.",
  sources: ["S1", "S2", "S3", "S23", "S39", "S12", "S14"],
  inferred: true,
  explain: `Through IP Office Release 7, Voicemail Pro is installed on a Windows PC: the R6 manual has backup
and distributed servers exchange messages through "IIS SMTP" on the server PC (S1, S2, S3), and the
R7-era installation guide configures the same IIS service (S23). A Voicemail Pro server on Linux,
on an IP Office Application Server or on a Unified Communications Module (UCM) does not appear in
those documents.

The earliest documents found for scnc that show each platform are: Linux, the R9 product
description ("Preferred Edition is available for Windows and Linux", S39); the Application Server,
the R11.1 licensing help (S12); the UCM, the R12.3 Manager help (S14). Linux-based servers are
generally dated to IP Office 8.0, but no document read for scnc settles the exact release, so the
threshold of ${NON_WINDOWS_PLATFORMS_FROM.major}.${NON_WINDOWS_PLATFORMS_FROM.minor} is inferred. scnc refuses only versions below it, where the documents
show Windows alone; from ${NON_WINDOWS_PLATFORMS_FROM.major}.${NON_WINDOWS_PLATFORMS_FROM.minor} it accepts every platform. A server without \`platform\` is not judged.`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 platform linux }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 platform windows }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
}
`,
  },
  check(network, report) {
    const minimum = `${NON_WINDOWS_PLATFORMS_FROM.major}.${NON_WINDOWS_PLATFORMS_FROM.minor}`;
    for (const server of network.servers) {
      const platform = server.platform;
      const version = server.version;
      if (server.isDuplicate || !platform || !version || platformExistsAt(platform.value, version.value)) continue;
      const inherited = version.inherited ? " (the network's release)" : "";
      report({
        at: platform.span,
        message: `server '${server.name}' is at ${version.value.text}${inherited}, where Voicemail Pro ran only on Windows, not on ` +
          `${PLATFORM_NAMES[platform.value]}; use \`platform windows\`, or raise its version to ${minimum} or later`,
        related: [{ at: version.span, message: `server '${server.name}' is at ${version.value.text}` }],
      });
    }
  },
});
