import type { Network } from "../ir/types.js";
import { failedLink, failedOffice, failedServer, failureSet, type FailedDevice } from "./failures.js";
import { simulate, type OfficeOutcome } from "./simulate.js";
import { roleHolders } from "./situation.js";

/** One single or double failure and what it costs. */
export interface FailureCase {
  readonly failed: readonly FailedDevice[];
  /** The failed devices' names joined by " + ", in the order of `FailureMatrix.devices`. */
  readonly name: string;
  /** Offices that are up but have nobody answering their voicemail calls. */
  readonly withoutAnswering: readonly OfficeOutcome[];
  /** Offices whose calls are answered but that have no message waiting indication and collection. */
  readonly withoutMessageWaiting: readonly OfficeOutcome[];
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

function failureCase(network: Network, failed: readonly FailedDevice[]): FailureCase {
  const { offices } = simulate(network, failureSet(failed), { notes: false });
  return {
    failed,
    name: failed.map((device) => device.name).join(" + "),
    withoutAnswering: offices.filter((outcome) => outcome.status === "without-answering"),
    withoutMessageWaiting: offices.filter((outcome) => outcome.status === "without-message-waiting"),
  };
}

/** Most offices without answering first, then most without message waiting, single failures
 * before double ones, then by name: a total order, so the output never varies. */
export function compareCases(first: FailureCase, second: FailureCase): number {
  return second.withoutAnswering.length - first.withoutAnswering.length
    || second.withoutMessageWaiting.length - first.withoutMessageWaiting.length
    || first.failed.length - second.failed.length
    || (first.name < second.name ? -1 : first.name > second.name ? 1 : 0);
}

/** Every single and double failure among the matrix devices (n + n(n-1)/2 simulations, each linear
 * in the size of the network). */
export function failureMatrix(network: Network): FailureMatrix {
  const devices = matrixDevices(network);
  const cases: FailureCase[] = [];
  for (let first = 0; first < devices.length; first++) {
    cases.push(failureCase(network, [devices[first] as FailedDevice]));
    for (let second = first + 1; second < devices.length; second++) {
      cases.push(failureCase(network, [devices[first] as FailedDevice, devices[second] as FailedDevice]));
    }
  }
  return { devices, cases: cases.sort(compareCases) };
}

/** The single failures that leave some office without voicemail answering (`--require single-failure`). */
export function singleFailureGaps(matrix: FailureMatrix): FailureCase[] {
  return matrix.cases.filter((entry) => entry.failed.length === 1 && entry.withoutAnswering.length > 0);
}
