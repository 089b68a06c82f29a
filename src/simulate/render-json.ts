import type { Network } from "../ir/types.js";
import type { FailedDevice } from "./failures.js";
import { acceptedSingleFailures, singleFailureGaps, type FailureMatrix } from "./matrix.js";
import type { AcceptedFailure } from "../ir/types.js";
import type { OfficeOutcome, Simulation } from "./simulate.js";
import { distributedServerOf } from "./situation.js";

/** JSON output of `scnc simulate`, per schemas/simulate.schema.json. Arrays keep declaration order
 * (or the matrix's order), so the same input gives byte-identical output. */

function deviceJson(device: FailedDevice): Record<string, unknown> {
  if (device.kind === "link") return { kind: "link", name: device.name, between: [device.link.from.name, device.link.to.name] };
  if (device.kind === "office") return { kind: "office", name: device.name, role: device.office.role };
  return { kind: "server", name: device.name, role: device.server.role?.value ?? null };
}

function caseJson(outcome: OfficeOutcome): Record<string, unknown> {
  const { row } = outcome;
  return { id: row.id, label: row.label, domainRow: row.domainRow ?? null, sources: row.sources };
}

function officeJson(outcome: OfficeOutcome): Record<string, unknown> {
  return {
    name: outcome.office.name,
    role: outcome.office.role,
    distributedServer: distributedServerOf(outcome.office)?.name ?? null,
    status: outcome.status,
    answeredBy: outcome.answeredBy?.name ?? null,
    messagesStoredOn: outcome.storedOn?.name ?? null,
    messageWaitingAndCollectionBy: outcome.collectedBy?.name ?? null,
    controlledBy: outcome.controlledBy?.name ?? null,
    case: caseJson(outcome),
    inferred: outcome.inferred,
    notes: outcome.notes,
  };
}

function acceptedJson(accepted: AcceptedFailure | undefined): Record<string, unknown> | null {
  return accepted?.reason ? { reason: accepted.reason.value } : null;
}

function affectedJson(outcome: OfficeOutcome): Record<string, unknown> {
  return { office: outcome.office.name, case: outcome.row.id, inferred: outcome.inferred.length > 0 };
}

export function renderSimulationJson(file: string, network: Network, simulation: Simulation): string {
  const document = {
    version: 1,
    kind: "simulation",
    file,
    network: network.name,
    failed: simulation.failed.map(deviceJson),
    accepted: acceptedJson(simulation.accepted),
    offices: simulation.offices.map(officeJson),
  };
  return JSON.stringify(document, null, 2) + "\n";
}

export function renderMatrixJson(file: string, network: Network, matrix: FailureMatrix): string {
  const document = {
    version: 1,
    kind: "failure-matrix",
    file,
    network: network.name,
    devices: matrix.devices.map(deviceJson),
    cases: matrix.cases.map((entry) => ({
      name: entry.name,
      failed: entry.failed.map((device) => device.name),
      withoutAnswering: entry.withoutAnswering.map(affectedJson),
      split: entry.split.map(affectedJson),
      withoutMessageWaiting: entry.withoutMessageWaiting.map(affectedJson),
      accepted: acceptedJson(entry.accepted),
    })),
    singleFailureGaps: singleFailureGaps(matrix).map((entry) => entry.name),
    acceptedSingleFailures: acceptedSingleFailures(matrix).map((entry) => ({ name: entry.name, reason: entry.accepted?.reason?.value ?? "" })),
  };
  return JSON.stringify(document, null, 2) + "\n";
}
