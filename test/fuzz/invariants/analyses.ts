import path from "node:path";
import { Graphviz } from "@hpcc-js/wasm-graphviz";
import type { Network } from "../../../src/ir/types.js";
import { renderDot } from "../../../src/graph-render/dot.js";
import { renderMermaid } from "../../../src/graph-render/mermaid.js";
import { topology } from "../../../src/graph-render/topology.js";
import { renderLicensesJson } from "../../../src/licenses-report/render-json.js";
import { renderLicensesText } from "../../../src/licenses-report/render-text.js";
import { licenseReport } from "../../../src/licenses-report/report.js";
import { failedLink, failedOffice, failedServer, failureSet, linkName, resolveFailures, type FailedDevice } from "../../../src/simulate/failures.js";
import type { AcceptedFailure } from "../../../src/ir/types.js";
import { acceptedSingleFailures, failureMatrix, singleFailureGaps, survivability, type FailureMatrix } from "../../../src/simulate/matrix.js";
import { renderMatrixJson, renderSimulationJson } from "../../../src/simulate/render-json.js";
import { renderMatrixText, renderSimulationText } from "../../../src/simulate/render-text.js";
import { simulate } from "../../../src/simulate/simulate.js";
import { schemaValidator } from "../../support/json-schema.js";
import { ensureNone, timed } from "./violation.js";

/**
 * The commands that analyse a checked network (simulate, licenses, graph), on networks they
 * accept under any scnc.json: they never throw, their JSON validates against its schema, and the simulation says what
 * DOMAIN.md §4 implies for any valid network: with nothing failed every office is served, and a
 * failed office is down.
 */

const schemaDirectory = path.resolve(import.meta.dirname, "../../../schemas");
const validateSimulation = schemaValidator(path.join(schemaDirectory, "simulate.schema.json"));
const validateLicenses = schemaValidator(path.join(schemaDirectory, "licenses.schema.json"));

/** The failure matrix runs n + n(n-1)/2 simulations; above this many devices, single failures only. */
const MATRIX_DEVICES = 14;

function everyDevice(network: Network): FailedDevice[] {
  return [
    ...network.offices.filter((office) => !office.isDuplicate).map(failedOffice),
    ...network.servers.filter((server) => !server.isDuplicate).map(failedServer),
    ...network.links.map(failedLink),
  ];
}

/** `simulate` for no failure and for the failure of each office, server and link alone; `--all` on small networks. */
export function checkSimulate(network: Network, withoutErrors = true): void {
  const problems: string[] = [];
  const calm = simulate(network, failureSet([]));
  // Only a network free of errors promises a served office (scnc.json may turn off office-unreachable).
  for (const outcome of withoutErrors ? calm.offices : []) {
    if (outcome.status !== "served") problems.push(`with nothing failed, office '${outcome.office.name}' is ${outcome.status}`);
  }
  for (const device of [undefined, ...everyDevice(network)]) {
    const failed = device ? [device] : [];
    const what = device ? `when ${device.kind} ${device.name} fails` : "with nothing failed";
    const simulation = timed(`simulating ${what}`, problems, () => simulate(network, failureSet(failed)));
    if (simulation.offices.length !== network.offices.length) problems.push(`${what}: ${simulation.offices.length} outcomes for ${network.offices.length} offices`);
    if (device?.kind === "office" && simulation.offices[device.office.index]?.status !== "down") problems.push(`${what}, it is not down`);
    renderSimulationText(network, simulation);
    problems.push(...validateSimulation(JSON.parse(renderSimulationJson("fuzz.scn", network, simulation))).map((problem) => `${what}: JSON: ${problem}`));
    // A link to nothing (scnc.json may turn unknown-reference off) has no name --fail can take, and
    // of two links joining one pair (duplicate-link turned down) `--fail A--B` names the first.
    const named = device && (device.kind !== "link" || (device.link.from.office !== undefined && device.link.to.office !== undefined &&
      network.links.filter((link) => linkName(link) === linkName(device.link) || `${link.to.name}--${link.from.name}` === linkName(device.link)).length === 1));
    if (device && named) {
      const name = device.kind === "link" ? linkName(device.link) : device.name;
      const resolved = resolveFailures(network, [name]);
      if (!resolved.ok) problems.push(`--fail ${name}: ${resolved.message}`);
      else if (resolved.failures.devices[0]?.name !== device.name) problems.push(`--fail ${name} names ${resolved.failures.devices[0]?.name}`);
    }
  }
  const devices = 2 + network.servers.length + network.links.length;
  if (devices <= MATRIX_DEVICES) {
    const matrix = timed("the failure matrix", problems, () => failureMatrix(network), 1000);
    renderMatrixText(network, matrix);
    problems.push(...validateSimulation(JSON.parse(renderMatrixJson("fuzz.scn", network, matrix))).map((problem) => `--all: JSON: ${problem}`));
    problems.push(...splitProblems(network, matrix));
    problems.push(...acceptanceProblems(network, matrix));
  }
  ensureNone(problems, "simulate");
}

/** A split needs the central and the fallback office both up and a failed link between them; an
 * office is in at most one of the matrix's lists; a split office is never served. */
function splitProblems(network: Network, matrix: FailureMatrix): string[] {
  const problems: string[] = [];
  const central = network.offices.find((office) => office.role === "central" && !office.isDuplicate);
  const fallback = network.offices.find((office) => office.role === "fallback" && !office.isDuplicate);
  for (const entry of matrix.cases) {
    const listed = [...entry.withoutAnswering, ...entry.split, ...entry.withoutMessageWaiting].map((outcome) => outcome.office);
    if (new Set(listed).size !== listed.length) problems.push(`--all ${entry.name}: an office is in two of the lists`);
    if (entry.split.length === 0) continue;
    const officesUp = entry.failed.every((device) => device.kind !== "office");
    const lineDown = entry.failed.some((device) => device.kind === "link" &&
      ((device.link.from.office === central && device.link.to.office === fallback) || (device.link.from.office === fallback && device.link.to.office === central)));
    const pathLost = entry.failed.some((device) => device.kind === "link");
    if (!fallback || !officesUp || !(lineDown || pathLost)) problems.push(`--all ${entry.name}: a split without the central and fallback offices cut apart`);
    for (const outcome of entry.split) if (!outcome.situation.control.startsWith("split-")) problems.push(`--all ${entry.name}: '${outcome.office.name}' is split in situation ${outcome.situation.control}`);
  }
  return problems;
}

/** Accepting every single failure leaves no gap, lists every former gap as accepted, and changes
 * no outcome; the survivability matrix agrees with the failure matrix cell by cell. */
function acceptanceProblems(network: Network, matrix: FailureMatrix): string[] {
  const problems: string[] = [];
  const gaps = singleFailureGaps(matrix).map((entry) => entry.name);
  const acceptedFailures: AcceptedFailure[] = matrix.devices.map((device, index) => ({
    index,
    devices: [{ name: device.name, span: { start: 0, end: 0 }, target: device.kind === "office" ? device.office : device.kind === "server" ? device.server : device.link }],
    reason: { value: `accepted ${device.name}`, span: { start: 0, end: 0 }, propertySpan: { start: 0, end: 0 } },
    span: { start: 0, end: 0 },
    keywordSpan: { start: 0, end: 0 },
  }));
  const accepting = { ...network, acceptedFailures };
  const accepted = failureMatrix(accepting);
  if (singleFailureGaps(accepted).length > 0) problems.push(`accepting every single failure still leaves gaps: ${singleFailureGaps(accepted).map((entry) => entry.name).join(", ")}`);
  const acceptedNames = acceptedSingleFailures(accepted).map((entry) => entry.name);
  if (acceptedNames.join() !== gaps.join()) problems.push(`accepted single failures ${acceptedNames.join(", ")} are not the gaps ${gaps.join(", ")}`);
  if (accepted.cases.map((entry) => entry.name).join() !== matrix.cases.map((entry) => entry.name).join()) problems.push("accepting failures reorders the matrix");
  for (const entry of accepted.cases) if ((entry.accepted !== undefined) !== (entry.failed.length === 1)) problems.push(`--all ${entry.name}: accepted is ${entry.accepted !== undefined}`);
  const cells = survivability(accepting);
  cells.cases.forEach((entry, index) => {
    const costs = matrix.cases[index];
    for (const cell of entry.cells) {
      const status = cell.simulated;
      const listedAs = costs?.withoutAnswering.some((outcome) => outcome.office === cell.office) ? "without-answering"
        : costs?.split.some((outcome) => outcome.office === cell.office) ? "split"
          : costs?.withoutMessageWaiting.some((outcome) => outcome.office === cell.office) ? "without-message-waiting" : undefined;
      if (listedAs !== undefined && listedAs !== status) problems.push(`survivability ${entry.name}: '${cell.office.name}' is ${status}, the matrix says ${listedAs}`);
      if (listedAs === undefined && status !== "served" && status !== "down") problems.push(`survivability ${entry.name}: '${cell.office.name}' is ${status} but not listed`);
      const expected = entry.accepted && status !== "served" && status !== "down" ? "accepted" : status;
      if (cell.status !== expected) problems.push(`survivability ${entry.name}: '${cell.office.name}' shows ${cell.status}, expected ${expected}`);
    }
  });
  return problems;
}

/** `scnc licenses`, which also runs on networks whose only errors are licence shortfalls. */
export function checkLicenses(network: Network): void {
  const problems: string[] = [];
  const report = timed("the licence report", problems, () => licenseReport(network));
  renderLicensesText(network, report);
  problems.push(...validateLicenses(JSON.parse(renderLicensesJson("fuzz.scn", network, report))).map((problem) => `JSON: ${problem}`));
  ensureNone(problems, "licenses");
}

let graphviz: Awaited<ReturnType<typeof Graphviz.load>> | undefined;

/** `scnc graph` in both formats; Graphviz must read the DOT (names and labels come from the user). */
export async function checkGraph(network: Network): Promise<void> {
  const problems: string[] = [];
  const graph = timed("the topology", problems, () => topology(network));
  const mermaid = renderMermaid(graph);
  if (!mermaid.includes("\nflowchart LR\n")) problems.push(`mermaid output has no flowchart: ${JSON.stringify(mermaid.slice(0, 60))}`);
  graphviz ??= await Graphviz.load();
  try {
    const svg = graphviz.dot(renderDot(graph));
    if (!svg.includes("</svg>")) problems.push("Graphviz made no SVG of the DOT output");
  } catch (error) {
    problems.push(`Graphviz cannot read the DOT output: ${(error as Error).message}`);
  }
  ensureNone(problems, "graph");
}
