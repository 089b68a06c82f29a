import type { Hover } from "vscode-languageserver";
import type { Device, Licenses, Network, Office, Server } from "../ir/types.js";
import { roles } from "../ir/queries.js";
import type { IToken } from "chevrotain";
import { keywordsByText } from "../language/tokens.js";
import { rulesById } from "../rules/index.js";
import type { Rule } from "../rules/rule.js";
import { findSuppressions } from "../rules/suppressions.js";
import type { Analysis } from "./analysis.js";
import { keywordDocs } from "./keyword-docs.js";
import { nameOccurrences, occurrenceAt, type NameOccurrence } from "./names.js";
import { toLspRange } from "./positions.js";
import { ruleDocumentationUri } from "./rule-docs.js";

/**
 * Hover: what a device is (role, release, voicemail server, licences, links), what a keyword means,
 * and the summary of each rule whose diagnostic covers the cursor or whose id the cursor is on in a
 * `scnc-disable-next-line` comment. Secrets are never shown.
 */

function releaseText(device: Device): string | undefined {
  const release = device.kind === "office" ? device.release : device.version;
  if (!release) return undefined;
  return `${device.kind === "office" ? "release" : "version"} ${release.value.text}${release.inherited ? " (the network's release)" : ""}`;
}

function licenceText(licenses: Licenses): string {
  const parts: string[] = [];
  if (licenses.edition) parts.push(licenses.edition.value === "preferred-edition" ? "Preferred Edition" : "Voicemail Pro");
  if (licenses.voicemailPorts) parts.push(`${licenses.voicemailPorts.value} additional voicemail ports`);
  if (licenses.ums) parts.push(`UMS ${licenses.ums.value}`);
  if (licenses.contactStore) parts.push(`ContactStore ${licenses.contactStore.value}`);
  if (licenses.tts) parts.push(`TTS ${licenses.tts.value}`);
  return parts.length > 0 ? parts.join(", ") : "none";
}

function officeRole(office: Office, network: Network): string {
  const { centralServer, centralOffice } = roles(network);
  const central = centralServer ? ` \`${centralServer.name}\`` : "";
  if (office.role === "central") return `central office: hosts the central Voicemail Pro server${central}`;
  if (office.role === "fallback") {
    return `fallback office: takes control of the central server${central} when${centralOffice ? ` \`${centralOffice.name}\`` : " the central office"} fails`;
  }
  const server = office.voicemail?.server;
  if (server) return `member office on ${server.role?.value ?? "the"} server \`${server.name}\``;
  return `member office on centralized voicemail${centralServer ? ` (central server \`${centralServer.name}\`)` : ""}`;
}

function serverText(server: Server): string {
  return `\`${server.name}\`${server.address ? ` at ${server.address.value.text}` : ""}`;
}

/** Which servers the office talks to, as its compiled configuration will say. */
function voicemailLines(office: Office, network: Network): string[] {
  const { centralServer, backupServer } = roles(network);
  const server = office.voicemail?.server;
  if (server) {
    const store = centralServer ? [`- messages stored and collected on the central server ${serverText(centralServer)}`] : [];
    return [`- voicemail: ${server.role?.value ?? ""} server ${serverText(server)}`, ...store];
  }
  if ((office.role === "central" || office.role === "fallback") && centralServer) {
    return [`- voicemail: central server ${serverText(centralServer)}${backupServer ? `, backup server ${serverText(backupServer)}` : ""}`];
  }
  return [];
}

function officeLines(office: Office, network: Network): string[] {
  const lines = [`**office** \`${office.name}\` — ${officeRole(office, network)}`, ""];
  const release = releaseText(office);
  if (release) lines.push(`- ${release}`);
  if (office.address) lines.push(`- address ${office.address.value.text}`);
  lines.push(...voicemailLines(office, network));
  if (office.users) lines.push(`- ${office.users.value} users`);
  if (office.features.length > 0) lines.push(`- uses ${office.features.map((feature) => feature.value).join(", ")}`);
  lines.push(`- licences: ${licenceText(office.licenses)}`);
  if (office.links.length > 0) {
    const peers = office.links.map((link) => {
      const peer = link.from.office === office ? link.to.name : link.from.name;
      return `\`${peer}\`${link.groupId ? ` (group-id ${link.groupId.value})` : ""}`;
    });
    lines.push(`- links: ${peers.join(", ")}`);
  }
  return lines;
}

function serverLines(server: Server, network: Network): string[] {
  const role = server.role ? `${server.role.value} Voicemail Pro server` : "Voicemail Pro server without a role";
  const lines = [`**server** \`${server.name}\` — ${role}`, ""];
  const version = releaseText(server);
  if (version) lines.push(`- ${version}`);
  if (server.address) lines.push(`- address ${server.address.value.text}`);
  if (server.mailDomain) lines.push(`- mail domain ${server.mailDomain.value}`);
  if (server.platform) lines.push(`- platform ${server.platform.value}`);
  if (server.failback) lines.push(`- failback ${server.failback.mode.value}${server.failback.minutes ? ` after ${server.failback.minutes.value} minutes` : ""}`);
  if (server.role?.value === "distributed") {
    lines.push(`- used by: ${server.usedBy.length > 0 ? server.usedBy.map((office) => `\`${office.name}\``).join(", ") : "no office"}`);
  } else if (server.role?.value === "central" && roles(network).centralServer === server) {
    const served = network.offices.filter((office) => !office.isDuplicate && !office.voicemail?.server);
    lines.push(`- answers for ${served.length} office${served.length === 1 ? "" : "s"} on centralized voicemail`);
  }
  return lines;
}

function deviceHover(analysis: Analysis, occurrence: NameOccurrence): string {
  const { network } = analysis.result;
  const name = occurrence.name.text;
  const device = occurrence.role === "declaration"
    ? [...network.offices, ...network.servers].find((candidate) => candidate.nameSpan.start === occurrence.name.span.start)
    : network.devicesByName.get(name);
  if (!device) return `\`${name}\` is not declared in this network`;
  return (device.kind === "office" ? officeLines(device, network) : serverLines(device, network)).join("\n");
}

/** The token under `offset`, by binary search of the analysis's tokens (they are in text order). */
function tokenAt(tokens: readonly IToken[], offset: number): IToken | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const token = tokens[middle] as IToken;
    if (offset < token.startOffset) high = middle - 1;
    else if (offset >= token.startOffset + token.image.length) low = middle + 1;
    else return token;
  }
  return undefined;
}

function keywordHover(analysis: Analysis, offset: number): string | undefined {
  const token = tokenAt(analysis.result.source.tokens, offset);
  if (!token || !keywordsByText.has(token.image)) return undefined;
  const doc = keywordDocs[token.image];
  return doc ? `**${token.image}** · \`${doc.usage}\`\n\n${doc.meaning}` : undefined;
}

function ruleHovers(analysis: Analysis, offset: number): string[] {
  const seen = new Set<string>();
  const sections: string[] = [];
  for (const diagnostic of analysis.result.diagnostics) {
    if (diagnostic.span.start > offset || offset > diagnostic.span.end || seen.has(diagnostic.ruleId)) continue;
    seen.add(diagnostic.ruleId);
    const rule = rulesById.get(diagnostic.ruleId);
    if (rule) sections.push(ruleSummary(rule, diagnostic.severity));
  }
  return sections;
}

function ruleSummary(rule: Rule, severity: string): string {
  const href = ruleDocumentationUri(rule.id);
  const link = href ? ` ([${rule.id}](${href}))` : "";
  return `**${rule.id}** (${severity}): ${rule.summary}${link}`;
}

/** The rule named under the cursor in a suppression comment (its default severity). */
function suppressedRuleHover(analysis: Analysis, offset: number): string | undefined {
  for (const suppression of findSuppressions(analysis.result.source, analysis.lineIndex)) {
    if (offset < suppression.comment.span.start || offset > suppression.comment.span.end) continue;
    const named = suppression.ids.find((id) => id.span.start <= offset && offset <= id.span.end);
    const rule = named && rulesById.get(named.id);
    return rule ? ruleSummary(rule, `${rule.severity} by default`) : undefined;
  }
  return undefined;
}

export function hover(analysis: Analysis, offset: number): Hover | null {
  const sections: string[] = [];
  const occurrence = occurrenceAt(nameOccurrences(analysis.result.source.network), offset);
  const word = occurrence ? deviceHover(analysis, occurrence) : (keywordHover(analysis, offset) ?? suppressedRuleHover(analysis, offset));
  if (word) sections.push(word);
  sections.push(...ruleHovers(analysis, offset));
  if (sections.length === 0) return null;
  return {
    contents: { kind: "markdown", value: sections.join("\n\n---\n\n") },
    ...(occurrence ? { range: toLspRange(analysis.lineIndex, occurrence.name.span) } : {}),
  };
}
