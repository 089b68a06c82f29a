import type { Device, Network } from "../ir/types.js";
import type { Span } from "../language/span.js";
import { defineRule, type RuleReport } from "./rule.js";
import { Suggestions } from "./suggestion.js";

/** The names a reference would resolve to one of these devices: not a name whose first
 * declaration is another device (duplicate-name reports that), or the suggestion would not fix it. */
function names(devices: readonly Device[], network: Network): string[] {
  return devices.filter((device) => network.devicesByName.get(device.name) === device).map((device) => device.name);
}

/** Made on first use: most checks have no unknown name, and the three lists of candidates (with a
 * sort) cost more than the rest of the rule. */
function lazily(make: () => Suggestions): () => Suggestions {
  let made: Suggestions | undefined;
  return () => (made ??= make());
}

function suggestionReport(at: Span, message: string, suggestion: string | undefined, network: Network): RuleReport {
  if (!suggestion) return { at, message };
  const target = network.devicesByName.get(suggestion);
  return {
    at,
    message: `${message}; did you mean '${suggestion}'?`,
    ...(target ? { related: [{ at: target.nameSpan, message: `${target.kind} '${suggestion}' is declared here` }] } : {}),
    fix: { message: `Replace with '${suggestion}'`, edits: [{ at, text: suggestion }] },
  };
}

export default defineRule({
  id: "unknown-reference",
  severity: "error",
  category: "Language and references",
  summary: "`voicemail X`, `link A -- B` or `accept-failure` names nothing declared (or a device of the wrong kind).",
  basis: "The .scn language: `voicemail X` names a declared server, `link A -- B` two declared offices, and `accept-failure` declared devices or links.",
  sources: [],
  explain: `\`voicemail X\` must name a declared server, and each end of \`link A -- B\` a declared
office. A name that matches nothing is usually a typo, so the message suggests the closest declared
name (at most two edits away) and offers it as a quick fix. A name that belongs to a device of the
other kind (a link to a server, \`voicemail\` naming an office) is reported here too. Each device of
an \`accept-failure\` must be a declared office or server, or \`A--B\` for a declared link.

Rules that depend on the reference (reachability, licences of offices on distributed servers, …)
stay silent about it, so the typo is reported once. In a very large network with thousands of unknown
names, suggestions stop after a bounded number of comparisons, so that checking stays linear; the
later messages then go without "did you mean".`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.0.1.1 }
  link hq -- brnch { group-id 101 }
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
  office branch { address 10.0.1.1 }
  link hq -- branch { group-id 101 }
}
`,
  },
  check(network, report) {
    const officeNames = lazily(() => new Suggestions(names(network.offices, network)));
    // Distributed servers first: they are what `voicemail` is meant to name.
    const serverNames = lazily(() => new Suggestions(names([...network.servers].sort((first, second) =>
      Number(second.role?.value === "distributed") - Number(first.role?.value === "distributed")), network)));

    const unreadable = (name: string): boolean => network.unreadableNames?.has(name) === true;
    for (const office of network.offices) {
      const reference = office.voicemail;
      if (!reference || reference.server || unreadable(reference.name)) continue;
      const declared = network.devicesByName.get(reference.name);
      if (declared) {
        report({
          at: reference.span,
          message: `office '${office.name}' names '${reference.name}' as its voicemail server, but '${reference.name}' is an office; \`voicemail\` names a distributed server`,
          related: [{ at: declared.nameSpan, message: `office '${reference.name}' is declared here` }],
        });
        continue;
      }
      const message = `office '${office.name}' uses server '${reference.name}', which is not declared`;
      report(suggestionReport(reference.span, message, serverNames().closest(reference.name), network));
    }

    for (const link of network.links) {
      for (const end of [link.from, link.to]) {
        if (end.office || unreadable(end.name)) continue;
        const declared = network.devicesByName.get(end.name);
        if (declared) {
          report({
            at: end.span,
            message: `link ${link.from.name} -- ${link.to.name} joins '${end.name}', which is a server; links join offices`,
            related: [{ at: declared.nameSpan, message: `server '${end.name}' is declared here` }],
          });
          continue;
        }
        const message = `link ${link.from.name} -- ${link.to.name} names office '${end.name}', which is not declared`;
        // Never the office at the other end: the fix would make a self-link.
        const otherEnd = end === link.from ? link.to.name : link.from.name;
        report(suggestionReport(end.span, message, officeNames().closest(end.name, 2, otherEnd), network));
      }
    }

    const deviceNames = lazily(() => new Suggestions(names([...network.offices, ...network.servers], network)));
    for (const accepted of network.acceptedFailures) {
      for (const device of accepted.devices) {
        if (device.target) continue;
        if (!device.ends) {
          if (unreadable(device.name)) continue;
          const message = `accept-failure names '${device.name}', which is not a declared office or server`;
          report(suggestionReport(device.span, message, deviceNames().closest(device.name), network));
          continue;
        }
        const [from, to] = device.ends;
        const badEnd = [from, to].find((end) => !end.office);
        if (!badEnd) {
          report({ at: device.span, message: `accept-failure names link '${device.name}', but no link joins '${from.name}' and '${to.name}'` });
          continue;
        }
        if (unreadable(badEnd.name)) continue;
        const declared = network.devicesByName.get(badEnd.name);
        if (declared) {
          report({
            at: badEnd.span,
            message: `accept-failure names link '${device.name}', but '${badEnd.name}' is a server; links join offices (name a server on its own)`,
            related: [{ at: declared.nameSpan, message: `server '${badEnd.name}' is declared here` }],
          });
          continue;
        }
        const otherEnd = badEnd === from ? to.name : from.name;
        const message = `accept-failure names link '${device.name}', whose office '${badEnd.name}' is not declared`;
        report(suggestionReport(badEnd.span, message, officeNames().closest(badEnd.name, 2, otherEnd), network));
      }
    }
  },
});
