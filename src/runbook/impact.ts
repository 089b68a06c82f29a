import type { Network } from "../ir/types.js";
import { failedOffice, failedServer, failureSet, type FailedDevice } from "../simulate/failures.js";
import { simulate, type OfficeOutcome, type Simulation } from "../simulate/simulate.js";
import { roleHolders } from "../simulate/situation.js";
import type { AffectedOffice, Impact } from "./model.js";

/** Fallback takes over about 3 minutes after the fallback office stops seeing the central office
 * (S17, S18, S24). */
const TAKEOVER_SOURCES = ["S17", "S18", "S24"];

/**
 * The failed set a runbook step is simulated with: the devices the step takes down and those not
 * yet in service at that point, by name. Names that the network does not declare are left out (a
 * retired device is not part of the network being simulated).
 */
export function failedDevices(network: Network, names: readonly string[]): FailedDevice[] {
  const devices: FailedDevice[] = [];
  for (const name of names) {
    const device = network.devicesByName.get(name);
    if (device?.kind === "office") devices.push(failedOffice(device));
    else if (device?.kind === "server") devices.push(failedServer(device));
  }
  return devices;
}

export function simulateState(network: Network, takesDown: readonly string[], notYetInService: readonly string[]): Simulation {
  return simulate(network, failureSet(failedDevices(network, [...takesDown, ...notYetInService])), { notes: false });
}

/**
 * The offices that lose something while the step is in progress: up, but without answering,
 * without message waiting and collection, or in a split, where they were not so before the step.
 * Offices that are down (restarting, or not yet in service) are not counted.
 */
export function affectedOffices(before: Simulation, during: Simulation): AffectedOffice[] {
  return during.offices
    .filter((outcome): outcome is OfficeOutcome & { status: AffectedOffice["status"] } => outcome.status !== "served" && outcome.status !== "down")
    .filter((outcome, index) => before.offices[index]?.status !== outcome.status)
    .map((outcome) => ({
      office: outcome.office.name,
      status: outcome.status,
      answeredBy: outcome.answeredBy?.name ?? null,
      collectedBy: outcome.collectedBy?.name ?? null,
    }));
}

/** The fallback office, when it controls the central server for some office that is up. */
function controlOf(network: Network, simulation: Simulation): Impact["takeover"] {
  const holders = roleHolders(network);
  const fallback = holders.fallbackOffice;
  if (!fallback) return null;
  const relies = simulation.offices.some((outcome) => outcome.status !== "down" && outcome.controlledBy === fallback);
  return relies ? { office: fallback.name, server: holders.centralServer.name } : null;
}

/** The fallback office's takeover that the step causes (none if it was in control before). */
export function takeoverOf(network: Network, before: Simulation, during: Simulation): Impact["takeover"] {
  return controlOf(network, before) ? null : controlOf(network, during);
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function lossText(office: AffectedOffice): string {
  if (office.status === "without-answering") return `${office.office} has no voicemail`;
  if (office.status === "split") return `${office.office} may lose voicemail: the central and the fallback office both claim the server it uses`;
  return `${office.office} keeps call answering${office.answeredBy ? ` on ${office.answeredBy}` : ""} but has no message waiting or collection`;
}

/** What happens while the devices are down, in words; `quiet` is the sentence for a step that takes nothing down. */
/** "vm-dr answers for hq and branch": offices still served, by another server than before. */
function movedService(before: Simulation, during: Simulation): string[] {
  const moved = new Map<string, string[]>();
  during.offices.forEach((outcome, index) => {
    const was = before.offices[index];
    if (outcome.status !== "served" || was?.status !== "served" || !outcome.answeredBy || outcome.answeredBy === was.answeredBy) return;
    moved.set(outcome.answeredBy.name, [...(moved.get(outcome.answeredBy.name) ?? []), outcome.office.name]);
  });
  return [...moved].map(([server, offices]) => `${server} answers for ${list(offices)} meanwhile`);
}

function summaryOf(takesDown: readonly string[], before: Simulation, simulation: Simulation, takeover: Impact["takeover"], affected: readonly AffectedOffice[], quiet: string): string {
  if (takesDown.length === 0 && affected.length === 0) return quiet;
  if (affected.length === 0 && simulation.offices.every((outcome) => outcome.status === "down" || takesDown.includes(outcome.office.name))) {
    return `None: no other office is in service yet.`;
  }
  const parts: string[] = [];
  if (takeover) {
    const waiting = simulation.offices
      .filter((outcome) => outcome.status !== "down" && outcome.controlledBy?.name === takeover.office && outcome.office.name !== takeover.office)
      .map((outcome) => outcome.office.name);
    parts.push(`${takeover.office} takes control of ${takeover.server} after about 3 minutes (${TAKEOVER_SOURCES.join(", ")})` +
      `; ${list([takeover.office, ...waiting])} ${waiting.length > 0 ? "have" : "has"} no voicemail until then`);
  }
  parts.push(...movedService(before, simulation));
  parts.push(...affected.map(lossText));
  if (affected.length === 0) parts.push(parts.length > 0 ? "no other office loses voicemail" : "every other office keeps its voicemail");
  const what = takesDown.length === 0 ? "While this step is in progress" : `While ${list(takesDown)} ${takesDown.length === 1 ? "is" : "are"} out of service`;
  return `${what}: ${parts.join("; ")}.`;
}

/**
 * A step's service impact: `simulate` with the devices the step takes down and those not yet in
 * service failed. `quiet` says why nothing is lost when the step restarts nothing.
 */
export function impactOf(network: Network, state: { takesDown: readonly string[]; notYetInService: readonly string[] },
  quiet: { text: string; inferred: boolean; sources: readonly string[] }): Impact {
  const { takesDown, notYetInService } = state;
  const before = simulateState(network, [], notYetInService);
  const simulation = simulateState(network, takesDown, notYetInService);
  const affected = affectedOffices(before, simulation);
  const takeover = takeoverOf(network, before, simulation);
  const restarts = takesDown.length > 0 || affected.length > 0;
  const inferred = restarts
    ? simulation.offices.some((outcome) => outcome.status !== "down" && outcome.inferred.length > 0)
    : quiet.inferred;
  return {
    takesDown: [...takesDown],
    notYetInService: [...notYetInService],
    affected,
    takeover,
    summary: summaryOf(takesDown, before, simulation, takeover, affected, quiet.text),
    inferred,
    sources: restarts ? [...new Set([...(takeover ? TAKEOVER_SOURCES : []), ...simulation.offices.flatMap((outcome) => outcome.status === "down" ? [] : outcome.row.sources)])]
      .sort((first, second) => Number(first.slice(1)) - Number(second.slice(1))) : [...quiet.sources],
  };
}
