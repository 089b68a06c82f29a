import type { AcceptedFailure, Network, Office, Server } from "../ir/types.js";
import { acceptances } from "./accepted.js";
import type { FailedDevice, FailureSet } from "./failures.js";
import type { Column, ControlCell, FailureRow, ServerCell } from "./failure-table.js";
import { rowFor } from "./row-lookup.js";
import { distributedServerOf, roleHolders, situations, type RoleHolders, type Situation } from "./situation.js";

/**
 * - `down`: the office itself failed (its users have no telephone system at all; it is not counted
 *   as an office that loses voicemail, see docs/simulate.md);
 * - `without-answering`: up, but no server answers its voicemail calls;
 * - `without-message-waiting`: calls are answered, but nobody does message waiting and collection;
 * - `split`: answered in principle, but through a server that the central and the fallback office
 *   both claim (DOMAIN.md rule 51), so it may lose voicemail: never counted as served;
 * - `served`: answered, with message waiting and collection.
 */
export type OfficeStatus = "down" | "without-answering" | "without-message-waiting" | "split" | "served";

export interface OfficeOutcome {
  readonly office: Office;
  readonly status: OfficeStatus;
  readonly answeredBy: Server | undefined;
  readonly storedOn: Server | undefined;
  readonly collectedBy: Server | undefined;
  /** The office controlling the central (or backup) server that this office relies on. */
  readonly controlledBy: Office | undefined;
  readonly situation: Situation;
  readonly row: FailureRow;
  /** The columns of this outcome that rest on an inference. */
  readonly inferred: readonly Column[];
  readonly notes: readonly string[];
}

export interface Simulation {
  readonly failed: readonly FailedDevice[];
  /** The `accept-failure` that accepts exactly this set of failed devices, if any. */
  readonly accepted: AcceptedFailure | undefined;
  /** One per office, in declaration order. */
  readonly offices: readonly OfficeOutcome[];
}

function serverOf(cell: ServerCell, holders: RoleHolders, distributed: Server | undefined): Server | undefined {
  if (cell === "central-server") return holders.centralServer;
  if (cell === "backup-server") return holders.backupServer;
  if (cell === "distributed-server") return distributed;
  return undefined;
}

function officeOf(cell: ControlCell, holders: RoleHolders, situation: Situation): Office | undefined {
  if (cell === "central-office") return holders.centralOffice;
  if (cell === "fallback-office") return holders.fallbackOffice;
  if (cell === "split-side") return situation.control === "split-central-side" ? holders.centralOffice : holders.fallbackOffice;
  return undefined;
}

function fallbackUp(holders: RoleHolders, failures: FailureSet): boolean {
  return holders.fallbackOffice !== undefined && !failures.offices.has(holders.fallbackOffice);
}

function statusOf(situation: Situation, answeredBy: Server | undefined, collectedBy: Server | undefined, controlledBy: ControlCell): OfficeStatus {
  if (situation.office === "down") return "down";
  if (!answeredBy) return "without-answering";
  if (controlledBy === "split-side") return "split";
  return collectedBy ? "served" : "without-message-waiting";
}

function outcomeOf(office: Office, situation: Situation, holders: RoleHolders, failures: FailureSet, withNotes: boolean): OfficeOutcome {
  const row = rowFor(situation);
  const distributed = distributedServerOf(office);
  const inferred = new Set(row.inferred);
  let collects = row.collects;
  let controlledBy = row.controlledBy;
  if (collects === "as-centralized" || controlledBy === "as-centralized") {
    // A distributed office whose server is down still gets what the central side gives everyone.
    const centralized = rowFor({ ...situation, distributedServer: "not-used" });
    if (collects === "as-centralized") {
      collects = centralized.collects as ServerCell;
      if (centralized.inferred.includes("collects")) inferred.add("collects");
    }
    if (controlledBy === "as-centralized") {
      controlledBy = centralized.controlledBy as ControlCell;
      if (centralized.inferred.includes("controlledBy")) inferred.add("controlledBy");
    }
  }
  const answeredBy = serverOf(row.answers, holders, distributed);
  const collectedBy = serverOf(collects, holders, distributed);
  return {
    office,
    status: statusOf(situation, answeredBy, collectedBy, controlledBy),
    answeredBy,
    storedOn: serverOf(row.stores, holders, distributed),
    collectedBy,
    controlledBy: collectedBy || answeredBy ? officeOf(controlledBy, holders, situation) : undefined,
    situation,
    row,
    inferred: (["answers", "stores", "collects", "controlledBy"] as const).filter((column) => inferred.has(column)),
    notes: withNotes ? row.notes({ office, situation, holders, distributedServer: distributed, fallbackOfficeUp: fallbackUp(holders, failures) }) : [],
  };
}

export interface SimulateOptions {
  /** Leave the notes out (the failure matrix runs thousands of simulations and shows none). */
  readonly notes?: boolean;
}

/**
 * What every office's voicemail does when the given devices fail: a pure function of the network
 * (which must be free of errors) and the failed set, following DOMAIN.md §4 (failure-table.ts).
 */
export function simulate(network: Network, failures: FailureSet, options: SimulateOptions = {}): Simulation {
  const holders = roleHolders(network);
  const offices = situations(network, holders, failures).map((situation, index) =>
    outcomeOf(network.offices[index] as Office, situation, holders, failures, options.notes ?? true),
  );
  const accepted = network.acceptedFailures.length > 0 ? acceptances(network).for(failures.devices) : undefined;
  return { failed: failures.devices, accepted, offices };
}
