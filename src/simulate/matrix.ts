import type { AcceptedFailure, Network, Office } from "../ir/types.js";
import { acceptances, type Acceptances } from "./accepted.js";
import { failedLink, failedOffice, failedServer, failureSet, type FailedDevice } from "./failures.js";
import { simulate, type OfficeOutcome, type OfficeStatus } from "./simulate.js";
import { roleHolders } from "./situation.js";

/** One single or double failure and what it costs. */
export interface FailureCase {
  readonly failed: readonly FailedDevice[];
  /** The failed devices' names joined by " + ", in the order of `FailureMatrix.devices`. */
  readonly name: string;
  /** Offices that are up but have nobody answering their voicemail calls. */
  readonly withoutAnswering: readonly OfficeOutcome[];
  /** Offices served through a server that the central and the fallback office both claim (a split). */
  readonly split: readonly OfficeOutcome[];
  /** Offices whose calls are answered but that have no message waiting indication and collection. */
  readonly withoutMessageWaiting: readonly OfficeOutcome[];
  /** The `accept-failure` that accepts exactly this failure, if any. */
  readonly accepted: AcceptedFailure | undefined;
}

export interface FailureMatrix {
  /** The devices whose failures are tabulated (CLI.md: the central and fallback offices, the
   * central and backup servers, each distributed server, and each link). */
  readonly devices: readonly FailedDevice[];
  /** Every single and double failure, the worst first. */
  readonly cases: readonly FailureCase[];
}

export function matrixDevices(network: Network): FailedDevice[] {
  const { centralOffice, fallbackOffice, centralServer, backupServer } = roleHolders(network);
  const devices = [failedOffice(centralOffice)];
  if (fallbackOffice) devices.push(failedOffice(fallbackOffice));
  devices.push(failedServer(centralServer));
  if (backupServer) devices.push(failedServer(backupServer));
  for (const server of network.servers) if (server.role?.value === "distributed") devices.push(failedServer(server));
  for (const link of network.links) devices.push(failedLink(link));
  return devices;
}

/** Whether a failure costs some office anything: answering, message waiting, or a split. */
export function isCostly(entry: FailureCase): boolean {
  return entry.withoutAnswering.length + entry.split.length + entry.withoutMessageWaiting.length > 0;
}

type CaseWithOffices = FailureCase & { readonly offices?: readonly OfficeOutcome[] };

/** `keepOffices`: keep every office's outcome (the survivability matrix); the failure matrix keeps
 * only the affected ones, so that a large network's 100,000 cases stay small in memory. */
function failureCase(network: Network, failed: readonly FailedDevice[], accepted: Acceptances, keepOffices: boolean): CaseWithOffices {
  const { offices } = simulate(network, failureSet(failed), { notes: false });
  return {
    failed,
    name: failed.map((device) => device.name).join(" + "),
    withoutAnswering: offices.filter((outcome) => outcome.status === "without-answering"),
    split: offices.filter((outcome) => outcome.status === "split"),
    withoutMessageWaiting: offices.filter((outcome) => outcome.status === "without-message-waiting"),
    accepted: accepted.for(failed),
    ...(keepOffices ? { offices } : {}),
  };
}

/** Most offices without answering first, then most in a split, then most without message
 * waiting, single failures before double ones, then by name: a total order, so the output never varies. */
export function compareCases(first: FailureCase, second: FailureCase): number {
  return second.withoutAnswering.length - first.withoutAnswering.length
    || second.split.length - first.split.length
    || second.withoutMessageWaiting.length - first.withoutMessageWaiting.length
    || first.failed.length - second.failed.length
    || (first.name < second.name ? -1 : first.name > second.name ? 1 : 0);
}

/** Every single and double failure among the matrix devices, each with every office's outcome. */
function allCases(network: Network, keepOffices: boolean): { devices: FailedDevice[]; cases: CaseWithOffices[] } {
  const devices = matrixDevices(network);
  const accepted = acceptances(network);
  const cases: CaseWithOffices[] = [];
  for (let first = 0; first < devices.length; first++) {
    cases.push(failureCase(network, [devices[first] as FailedDevice], accepted, keepOffices));
    for (let second = first + 1; second < devices.length; second++) {
      cases.push(failureCase(network, [devices[first] as FailedDevice, devices[second] as FailedDevice], accepted, keepOffices));
    }
  }
  return { devices, cases: cases.sort(compareCases) };
}

/** Every single and double failure among the matrix devices (n + n(n-1)/2 simulations, each linear
 * in the size of the network). */
export function failureMatrix(network: Network): FailureMatrix {
  return allCases(network, false);
}

/** Whether a single failure fails `--require single-failure`: an office left without answering, or
 * a split (CLI.md: it counts as a failure of every office involved). Message waiting alone does not. */
function failsGate(entry: FailureCase): boolean {
  return entry.failed.length === 1 && entry.withoutAnswering.length + entry.split.length > 0;
}

/** The single failures that `--require single-failure` rejects: they leave some office without
 * voicemail answering, or split control, and no `accept-failure` accepts them. */
export function singleFailureGaps(matrix: FailureMatrix): FailureCase[] {
  return matrix.cases.filter((entry) => failsGate(entry) && !entry.accepted);
}

/** The single failures that would fail the gate but that an `accept-failure` accepts. */
export function acceptedSingleFailures(matrix: FailureMatrix): FailureCase[] {
  return matrix.cases.filter((entry) => failsGate(entry) && entry.accepted);
}

/** A cell of the survivability matrix: an office's status, or `accepted` where the office loses
 * something in a failure that an `accept-failure` accepts. */
export type SurvivabilityStatus = OfficeStatus | "accepted";

export interface SurvivabilityCell {
  readonly office: Office;
  readonly status: SurvivabilityStatus;
  /** The status before acceptance (equal to `status` unless that is `accepted`). */
  readonly simulated: OfficeStatus;
  /** The outcome rests on an inference (docs/simulate.md). */
  readonly inferred: boolean;
}

export interface SurvivabilityCase {
  readonly failed: readonly FailedDevice[];
  readonly name: string;
  readonly accepted: AcceptedFailure | undefined;
  /** One per office, in declaration order. */
  readonly cells: readonly SurvivabilityCell[];
}

export interface Survivability {
  readonly devices: readonly FailedDevice[];
  readonly offices: readonly Office[];
  /** Every single and double failure, in the failure matrix's order (the worst first). */
  readonly cases: readonly SurvivabilityCase[];
}

/**
 * The whole single + double failure × office matrix as data, for the report: each office's status
 * in each case (served, without message waiting, without answering, split, down), with `accepted`
 * where an `accept-failure` accepts a loss. A pure function of a network free of errors.
 */
export function survivability(network: Network): Survivability {
  const { devices, cases } = allCases(network, true);
  return {
    devices,
    offices: network.offices,
    cases: cases.map((entry) => ({
      failed: entry.failed,
      name: entry.name,
      accepted: entry.accepted,
      cells: (entry.offices ?? []).map((outcome) => ({
        office: outcome.office,
        status: entry.accepted && outcome.status !== "served" && outcome.status !== "down" ? "accepted" : outcome.status,
        simulated: outcome.status,
        inferred: outcome.inferred.length > 0,
      })),
    })),
  };
}
