import { paragraph, table, TERMINAL_WIDTH, wrap } from "../cli/text-table.js";
import type { Network } from "../ir/types.js";
import { sourceLegend } from "../sources/catalogue.js";
import type { FailedDevice } from "./failures.js";
import type { Column } from "./failure-table.js";
import { acceptedSingleFailures, isCostly, singleFailureGaps, type FailureCase, type FailureMatrix } from "./matrix.js";
import type { OfficeOutcome, OfficeStatus, Simulation } from "./simulate.js";
import { printableLines } from "../text/printable.js";

const STATUS_TEXT: Record<OfficeStatus, string> = {
  down: "down",
  "without-answering": "no answering",
  "without-message-waiting": "no MWI",
  split: "split",
  served: "served",
};

const INFERRED_LEGEND =
  "* inferred: no source in scnc's catalogue (docs/sources.md) documents this behaviour; scnc infers it (docs/simulate.md).";

function failedText(failed: readonly FailedDevice[]): string {
  return failed.length === 0 ? "no failures (normal operation)" : `failed: ${failed.map((device) => device.name).join(", ")}`;
}

function cell(outcome: OfficeOutcome, column: Column, name: string | undefined): string {
  if (outcome.status === "down") return "-";
  return `${name ?? "none"}${outcome.inferred.includes(column) ? "*" : ""}`;
}

const COLUMN_TEXT: Record<Column, string> = {
  answers: "answering",
  stores: "storage",
  collects: "MWI/collection",
  controlledBy: "control",
};

function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function explanation(outcomes: readonly OfficeOutcome[]): string {
  const first = outcomes[0] as OfficeOutcome;
  const row = first.row;
  const inferred = first.inferred.length > 0 ? ` (inferred: ${listed(first.inferred.map((column) => COLUMN_TEXT[column]))})` : "";
  const sources = row.sources.length > 0 ? `; ${row.sources.join(", ")}` : "";
  const heading = `${outcomes.map((outcome) => outcome.office.name).join(", ")}: ${row.label}${inferred}`;
  const basis = row.domainRow === undefined ? `Sources: ${row.sources.join(", ")}` : `Failure behaviour: ${row.domainRow}${sources}`;
  const lines = [paragraph(heading, "", "  "), paragraph(basis, "  ", "    ")];
  for (const note of first.notes) lines.push(paragraph(note, "  - ", "    "));
  return lines.join("\n");
}

/** Offices that share a case and the same notes are explained once, in declaration order of the first. */
function explanations(outcomes: readonly OfficeOutcome[]): string[] {
  const groups = new Map<string, OfficeOutcome[]>();
  for (const outcome of outcomes) {
    const key = `${outcome.row.id}\n${outcome.notes.join("\n")}`;
    const group = groups.get(key);
    if (group) group.push(outcome);
    else groups.set(key, [outcome]);
  }
  return [...groups.values()].map(explanation);
}

/** `scnc simulate FILE --fail …`: one line per office, then why, grouped by case. */
export function renderSimulationText(network: Network, simulation: Simulation): string {
  const rows = simulation.offices.map((outcome) => [
    outcome.office.name,
    STATUS_TEXT[outcome.status],
    cell(outcome, "answers", outcome.answeredBy?.name),
    cell(outcome, "stores", outcome.storedOn?.name),
    cell(outcome, "collects", outcome.collectedBy?.name),
    cell(outcome, "controlledBy", outcome.controlledBy?.name),
  ]);
  const sections = [
    paragraph(`Network "${network.name}", ${failedText(simulation.failed)}`, "", "  "),
    ...(simulation.accepted?.reason ? [paragraph(`Accepted (accept-failure): "${simulation.accepted.reason.value}"`, "", "  ")] : []),
    table(["office", "status", "answers", "stores", "MWI, collection", "control"], rows),
  ];
  if (simulation.offices.some((outcome) => outcome.inferred.length > 0)) sections.push(paragraph(INFERRED_LEGEND, "", "  "));
  sections.push(explanations(simulation.offices).join("\n\n"));
  return printableLines(withSourceLegend(sections.join("\n\n")) + "\n");
}

/** The explanations cite sources by id; the legend under them gives each its title. */
function withSourceLegend(text: string): string {
  const legend = sourceLegend(text);
  if (legend.length === 0) return text;
  return `${text}\n\nSources (docs/sources.md):\n${legend.map((line) => paragraph(line, "  ", "      ")).join("\n")}`;
}

function officeList(outcomes: readonly OfficeOutcome[]): string {
  return outcomes.map((outcome) => `${outcome.office.name}${outcome.inferred.length > 0 ? "*" : ""}`).join(", ");
}

function effect(entry: FailureCase): string {
  const parts: string[] = [];
  if (entry.withoutAnswering.length > 0) parts.push(`no answering: ${officeList(entry.withoutAnswering)}`);
  if (entry.split.length > 0) parts.push(`split: ${officeList(entry.split)}`);
  if (entry.withoutMessageWaiting.length > 0) parts.push(`no MWI: ${officeList(entry.withoutMessageWaiting)}`);
  if (entry.accepted) parts.push("accepted");
  return parts.join("; ");
}

function deviceSummary(devices: readonly FailedDevice[]): string {
  return devices
    .map((device) => {
      if (device.kind === "link") return `link ${device.name}`;
      const role = device.kind === "office" ? device.office.role : device.server.role?.value;
      return `${role} ${device.kind} ${device.name}`;
    })
    .join(", ");
}

/** Widest failure name that still leaves the effects column 40 characters in 80. */
const SIDE_BY_SIDE_LIMIT = TERMINAL_WIDTH - 40 - "lost  ".length - 2;

/** One row per costly case: side by side while the names are short, else each case's effects
 * on the lines under it, so the table stays within 80 columns. */
function costTable(costly: readonly FailureCase[]): string {
  if (Math.max(...costly.map((entry) => entry.name.length)) <= SIDE_BY_SIDE_LIMIT) {
    const rows = costly.map((entry) => [String(entry.withoutAnswering.length), entry.name, effect(entry)]);
    return table(["lost", "failure", "offices affected"], rows, { alignRight: [0] });
  }
  const rows = costly.flatMap((entry) => [
    [String(entry.withoutAnswering.length), entry.name],
    ...wrap(effect(entry), TERMINAL_WIDTH - 8).map((line) => ["", `  ${line}`]),
  ]);
  return table(["lost", "failure, then the offices affected"], rows, { alignRight: [0] });
}

/** `scnc simulate FILE --all`: the cases that cost something, worst first, then the rest in one line. */
export function renderMatrixText(network: Network, matrix: FailureMatrix): string {
  const costly = matrix.cases.filter(isCostly);
  const harmless = matrix.cases.filter((entry) => !isCostly(entry));
  const sections = [
    paragraph(`Network "${network.name}": ${matrix.cases.length} single and double failures of ${matrix.devices.length} ` +
      `devices (${deviceSummary(matrix.devices)})`, "", "  "),
  ];
  if (costly.length > 0) sections.push(costTable(costly));
  if (costly.length > 0) {
    if (costly.some((entry) => [...entry.withoutAnswering, ...entry.split, ...entry.withoutMessageWaiting].some((outcome) => outcome.inferred.length > 0))) {
      sections.push(paragraph(INFERRED_LEGEND, "", "  "));
    }
  }
  if (harmless.length > 0) {
    const cases = harmless.length === 1 ? "the other case" : `the other ${harmless.length} cases`;
    sections.push(paragraph(`Every office keeps voicemail answering and MWI in ${cases}: ` +
      harmless.map((entry) => entry.name).join(", "), "", "  "));
  }
  const gaps = singleFailureGaps(matrix);
  const accepted = acceptedSingleFailures(matrix);
  const unlessAccepted = accepted.length > 0 ? " (apart from the accepted ones below)" : "";
  sections.push(paragraph(gaps.length === 0
    ? `No single failure leaves an office without voicemail answering or splits control${unlessAccepted}.`
    : `Single failures that leave an office without voicemail answering or split control${unlessAccepted}: ${gaps.map((entry) => entry.name).join(", ")}`, "", "  "));
  if (accepted.length > 0) {
    sections.push(["Accepted single failures (accept-failure):",
      ...accepted.map((entry) => paragraph(`${entry.name}: "${entry.accepted?.reason?.value ?? ""}"`, "  - ", "    "))].join("\n"));
  }
  return printableLines(sections.join("\n\n") + "\n");
}
