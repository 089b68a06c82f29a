import pc from "picocolors";
import { checkText } from "../check.js";
import { compileNetwork } from "../compile/compile.js";
import { renderOutput, type OutputFile } from "../compile/output.js";
import { unmetAnalysisPreconditions, unmetPreconditions } from "../compile/preconditions.js";
import { resolvePassword } from "../compile/secrets.js";
import { checkedFile } from "../diagnostics/checked-file.js";
import { compareDiagnostics, countSeverities, type Diagnostic, type SeverityCounts } from "../diagnostics/diagnostic.js";
import { renderDiagnostic } from "../diagnostics/text.js";
import { roles } from "../ir/queries.js";
import type { Network } from "../ir/types.js";
import { licenseReport, type LicenseReport } from "../licenses-report/report.js";
import type { SeveritySetting } from "../rules/run.js";
import { buildRunbook } from "../runbook/build.js";
import { renderRunbookMarkdown } from "../runbook/render-markdown.js";
import { failureMatrix, singleFailureGaps, acceptedSingleFailures, survivability, type FailureCase, type Survivability } from "../simulate/matrix.js";

/**
 * Everything `scnc report` shows, as data: the HTML renderer (html.ts) only lays it out. A pure
 * function of the file's text, so the same input gives the same report byte for byte.
 */

export interface ReportDiagnostic {
  readonly severity: Diagnostic["severity"];
  readonly ruleId: string;
  /** As `scnc check` prints it, without colour: location, message, code frame, related, help. */
  readonly text: string;
}

export interface ReportSummary {
  readonly network: string;
  /** Each distinct release, with the devices at it ("6.0: hq, dr, vm-hq"). */
  readonly releases: readonly { readonly release: string; readonly devices: readonly string[] }[];
  readonly roles: readonly { readonly role: string; readonly devices: readonly string[] }[];
  readonly counts: { readonly offices: number; readonly servers: number; readonly links: number };
  readonly check: SeverityCounts;
  /** Undefined when the network cannot be simulated (it has errors). */
  readonly gate?: { readonly gaps: readonly FailureCase[]; readonly accepted: readonly FailureCase[] };
}

/** The parts that need a network without errors; absent otherwise. */
export interface ReportAnalysis {
  readonly network: Network;
  readonly survivability: Survivability;
  readonly licenses: LicenseReport;
  /** Absent when the compiler's preconditions are not met (then there are no device files). */
  readonly devices?: readonly OutputFile[];
  /** The runbook in Markdown, as `scnc runbook` writes it. */
  readonly runbook?: string;
}

export interface ReportModel {
  readonly path: string;
  readonly summary: ReportSummary;
  readonly diagnostics: readonly ReportDiagnostic[];
  readonly analysis?: ReportAnalysis;
  /** Why the analysis, or the devices and runbook, are missing: the errors that stop them. */
  readonly blocked?: string;
}

export interface ReportInput {
  /** The path as the user gave it (diagnostics name it). */
  readonly path: string;
  readonly text: string;
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  readonly scncVersion: string;
}

function grouped(pairs: readonly (readonly [string, string])[]): { key: string; names: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const [key, name] of pairs) groups.set(key, [...(groups.get(key) ?? []), name]);
  return [...groups].map(([key, names]) => ({ key, names }));
}

function releases(network: Network): ReportSummary["releases"] {
  const pairs: [string, string][] = [];
  for (const office of network.offices) if (office.release) pairs.push([office.release.value.text, office.name]);
  for (const server of network.servers) if (server.version) pairs.push([server.version.value.text, server.name]);
  return grouped(pairs)
    .sort((first, second) => (first.key < second.key ? -1 : first.key > second.key ? 1 : 0))
    .map(({ key, names }) => ({ release: key, devices: names }));
}

function roleList(network: Network): ReportSummary["roles"] {
  const { centralOffices, fallbackOffices, centralServers, backupServers } = roles(network);
  const distributed = network.servers.filter((server) => server.role?.value === "distributed");
  const members = network.offices.filter((office) => office.role === "member");
  return [
    { role: "central office", devices: centralOffices.map((office) => office.name) },
    { role: "fallback office", devices: fallbackOffices.map((office) => office.name) },
    { role: "member offices", devices: members.map((office) => office.name) },
    { role: "central server", devices: centralServers.map((server) => server.name) },
    { role: "backup server", devices: backupServers.map((server) => server.name) },
    { role: "distributed servers", devices: distributed.map((server) => server.name) },
  ];
}

function deviceFilesAndRunbook(network: Network, text: string, scncVersion: string): Pick<ReportAnalysis, "devices" | "runbook"> {
  // The report never holds a password: it names the variable, as an unresolved build does.
  const password = resolvePassword(network.voicemailPassword, false, {});
  const compiled = compileNetwork(network, { password: password.ok ? password.output : null });
  const output = renderOutput(compiled, { format: "json", scncVersion, secretsResolved: false });
  return { devices: output.devices, runbook: renderRunbookMarkdown(buildRunbook({ network, compiled, text })) };
}

export function buildReport(input: ReportInput): ReportModel {
  const severities = input.severities ?? {};
  const { network, diagnostics } = checkText(input.text, { severities });
  const file = checkedFile(input.path, input.text, [...diagnostics].sort(compareDiagnostics));
  const colors = pc.createColors(false);
  const shown = file.diagnostics.map((diagnostic) => ({
    severity: diagnostic.severity,
    ruleId: diagnostic.ruleId,
    text: renderDiagnostic(file, diagnostic, colors),
  }));
  const summaryBase = {
    network: network.name,
    releases: releases(network),
    roles: roleList(network),
    counts: { offices: network.offices.length, servers: network.servers.length, links: network.links.length },
    check: countSeverities(diagnostics),
  };
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  const blocking = errors.length > 0 ? errors : unmetAnalysisPreconditions(network, severities);
  if (blocking.length > 0) {
    return {
      path: input.path,
      summary: summaryBase,
      diagnostics: shown,
      blocked: `${input.path} has errors (${blocking.map((diagnostic) => diagnostic.ruleId).filter((id, index, all) => all.indexOf(id) === index).join(", ")}); fix them to see the topology, the failures, the licences and the devices`,
    };
  }
  const matrix = failureMatrix(network);
  const unmet = unmetPreconditions(network, severities);
  const analysis: ReportAnalysis = {
    network,
    survivability: survivability(network),
    licenses: licenseReport(network),
    ...(unmet.length === 0 ? deviceFilesAndRunbook(network, input.text, input.scncVersion) : {}),
  };
  return {
    path: input.path,
    summary: { ...summaryBase, gate: { gaps: singleFailureGaps(matrix), accepted: acceptedSingleFailures(matrix) } },
    diagnostics: shown,
    analysis,
    ...(unmet.length > 0 ? { blocked: `${input.path} does not meet what the compiler needs (${unmet.map((diagnostic) => diagnostic.ruleId).join(", ")}); the device settings and the runbook are left out` } : {}),
  };
}
