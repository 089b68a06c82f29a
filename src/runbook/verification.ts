import type { ServerDocument } from "../compile/documents.js";
import type { Network } from "../ir/types.js";
import { failedOffice, failedServer, failureSet } from "../simulate/failures.js";
import { simulate, type OfficeOutcome, type Simulation } from "../simulate/simulate.js";
import { roleHolders } from "../simulate/situation.js";
import { failedDevices } from "./impact.js";
import type { Verification } from "./model.js";

/**
 * The checks after each phase (OUTPUT.md "The runbook"): a test call to voicemail and the
 * message-waiting lamp from each office the phase changed, and, at the end, where the network has
 * resilience, a deliberate failover test with what the engineer should see, all from `simulate`.
 */

/** The central server stores messages and does message waiting for the whole network (S1, S6). */
const MWI_SOURCES = ["S1", "S6"];

function expectedService(outcome: OfficeOutcome): string {
  const name = outcome.office.name;
  switch (outcome.status) {
    case "served":
      return `${name}: voicemail answers on ${outcome.answeredBy?.name}; message waiting and collection by ${outcome.collectedBy?.name}`;
    case "without-message-waiting":
      return `${name}: voicemail answers on ${outcome.answeredBy?.name}, but there is no message waiting or collection`;
    case "split":
      return `${name}: may lose voicemail (the central and the fallback office both claim the server)`;
    case "without-answering":
      return `${name}: no voicemail`;
    case "down":
      return `${name}: out of service`;
  }
}

function outcomeOf(simulation: Simulation, office: string): OfficeOutcome | undefined {
  return simulation.offices.find((outcome) => outcome.office.name === office);
}

function callChecks(simulation: Simulation, office: string): Verification[] {
  const outcome = outcomeOf(simulation, office);
  if (!outcome || outcome.status === "down") return [];
  const inferred = outcome.inferred.length > 0;
  return [
    {
      kind: "test-call",
      device: office,
      action: `from a phone on ${office}, call voicemail and leave a message for a user of ${office}`,
      expect: [outcome.answeredBy ? `${outcome.answeredBy.name} answers the call` : "no server answers: find out why before going on"],
      inferred,
      sources: [...outcome.row.sources],
    },
    {
      kind: "message-waiting",
      device: office,
      action: `on that user's phone on ${office}, check the message-waiting lamp, then collect the message`,
      expect: outcome.collectedBy
        ? ["the lamp lights when the message is left", `the message plays from ${outcome.collectedBy.name}, and the lamp goes out`]
        : ["no lamp: nothing does message waiting for this office in this state"],
      inferred: true,
      sources: MWI_SOURCES,
    },
  ];
}

export function serverChecks(document: ServerDocument): Verification[] {
  return [{
    kind: "check",
    device: document.name,
    action: `connect the Voicemail Pro client to ${document.name}${document.address ? ` (${document.address})` : ""}`,
    expect: ["the client connects, and the service is running with the preferences set above"],
    inferred: true,
    sources: [],
  }];
}

function currentState(network: Network, notYet: ReadonlySet<string>): Simulation {
  return simulate(network, failureSet(failedDevices(network, [...notYet])), { notes: false });
}

export function officeChecks(network: Network, office: string, notYet: ReadonlySet<string>): Verification[] {
  return callChecks(currentState(network, notYet), office);
}

/** A wrong Voicemail Password stops the server connecting to the office (S9): a test call shows it.
 * With `messageWaiting`, each office's message-waiting check follows its test call (the checks that
 * close the Voicemail Pro client phase, once both ends of the password are set). */
export function securityChecks(network: Network, offices: readonly string[], notYet: ReadonlySet<string>, messageWaiting = false): Verification[] {
  const simulation = currentState(network, notYet);
  return offices.flatMap((office) => callChecks(simulation, office).filter((check) => messageWaiting || check.kind === "test-call"))
    .map((check) => check.kind !== "test-call" ? check
      : { ...check, expect: [...check.expect, "a wrong Voicemail Password shows here: the server does not connect to the office"], sources: [...new Set([...check.sources, "S9"])] });
}

function failoverCheck(network: Network, device: string, action: string, restore: string, extra: readonly string[], sources: readonly string[]): Verification {
  const target = network.devicesByName.get(device);
  const failed = target?.kind === "office" ? failedOffice(target) : target?.kind === "server" ? failedServer(target) : undefined;
  const simulation = simulate(network, failureSet(failed ? [failed] : []), { notes: true });
  const outcomes = simulation.offices.filter((outcome) => outcome.status !== "down");
  // The simulator's own notes say what happens on the way back (fallback lost changes, failback).
  const notes = [...new Set(outcomes.flatMap((outcome) => outcome.notes))].filter((note) => !extra.some((line) => note.startsWith(line)));
  return {
    kind: "failover",
    device,
    action,
    expect: [...extra, ...outcomes.map(expectedService), restore, ...notes],
    inferred: outcomes.some((outcome) => outcome.inferred.length > 0),
    sources: [...new Set([...sources, ...outcomes.flatMap((outcome) => outcome.row.sources)])]
      .sort((first, second) => Number(first.slice(1)) - Number(second.slice(1))),
  };
}

/** After the last phase: a test call and message waiting from every office, then the failover tests. */
export function finalChecks(network: Network, call: (office: string) => boolean): Verification[] {
  const holders = roleHolders(network);
  const simulation = currentState(network, new Set());
  const calls = network.offices.filter((office) => !office.isDuplicate && call(office.name)).flatMap((office) => callChecks(simulation, office.name));
  const checks: Verification[] = [...calls];
  const { centralOffice, centralServer, fallbackOffice, backupServer } = holders;
  if (fallbackOffice) {
    checks.push(failoverCheck(network, centralOffice.name,
      `in the change window, take ${centralOffice.name} out of service (for example, unplug its network cable) and wait 3 minutes; then make a test call from each office`,
      `plug ${centralOffice.name} back in: it takes control of ${centralServer.name} again`,
      [],
      ["S17", "S18", "S24"]));
  }
  if (backupServer) {
    checks.push(failoverCheck(network, centralServer.name,
      `in the change window, stop the Voicemail Pro service on ${centralServer.name}; then make a test call from each office`,
      `start ${centralServer.name} again`,
      [`${backupServer.name} takes over from ${centralServer.name}`],
      ["S2", "S8", "S9", "S10"]));
  }
  return checks;
}
