import { hopsFrom } from "../ir/graph.js";
import { roles } from "../ir/queries.js";
import type { Network, Office, Server } from "../ir/types.js";
import type { FailureSet } from "./failures.js";

/**
 * One office's situation under a failure: the few facts DOMAIN.md §4's failure table reads. The
 * table (failure-table.ts) maps each possible situation to an outcome.
 */
export interface Situation {
  readonly office: "up" | "down";
  /**
   * Whose control of the central voicemail server this office can use:
   * - `central-office`: the central office is up and a path of working links reaches it;
   * - `fallback-office`: the central office is down and the fallback office, which this office
   *   reaches, has taken control;
   * - `split-central-side`, `split-fallback-side`: both run, but the line between them is down, so
   *   the fallback office takes control while the central office still holds it (a split, DOMAIN.md
   *   rule 51); this office reaches the central office, or only the fallback office (or is it);
   * - `cut-off`: some office controls the server, but no path of working links leads there;
   * - `no-controller`: the central office is down and no fallback office is up to take over.
   */
  readonly control: "central-office" | "fallback-office" | "split-central-side" | "split-fallback-side" | "cut-off" | "no-controller";
  readonly centralServer: "up" | "down";
  readonly backupServer: "none" | "up" | "down";
  /** `not-used`: the office is on centralized voicemail (the central and fallback offices always are). */
  readonly distributedServer: "not-used" | "up" | "down";
}

/** The devices that hold the roles, by name, for the table's cells and notes. */
export interface RoleHolders {
  readonly centralOffice: Office;
  readonly centralServer: Server;
  readonly fallbackOffice: Office | undefined;
  readonly backupServer: Server | undefined;
}

export function roleHolders(network: Network): RoleHolders {
  const { centralOffice, centralServer, fallbackOffice, backupServer } = roles(network);
  // The CLI simulates only networks without errors, where both exist (central-office-count, central-server-count).
  if (!centralOffice || !centralServer) throw new Error("a failure simulation needs exactly one central office and one central server");
  return { centralOffice, centralServer, fallbackOffice, backupServer };
}

/** The distributed server an office uses, if it names one that holds that role. */
export function distributedServerOf(office: Office): Server | undefined {
  const server = office.voicemail?.server;
  return server?.role?.value === "distributed" ? server : undefined;
}

/**
 * Whether the fallback office has lost the central office: the central office is down, or the
 * fallback line between them is. Fallback is tied to that line (S17: "one H323 line" set to *IP
 * Office SCN - Fallback*; S18: the system "to which the IP Office Line connects"; S27: "the
 * connection between the two IP Office systems"), so another path between the two (a mesh) does not
 * prevent it. Without a direct link (an error, fallback-needs-direct-link) any path counts.
 */
function fallbackTakesControl(holders: RoleHolders, failures: FailureSet, fromCentral: ArrayLike<number>): boolean {
  const { centralOffice, fallbackOffice } = holders;
  if (fallbackOffice === undefined || failures.offices.has(fallbackOffice)) return false;
  if (failures.offices.has(centralOffice)) return true;
  const fallbackLines = fallbackOffice.links.filter((link) => link.from.office === centralOffice || link.to.office === centralOffice);
  if (fallbackLines.length > 0) return fallbackLines.every((link) => failures.links.has(link));
  return (fromCentral[fallbackOffice.index] as number) < 0;
}

/**
 * Every office's situation when the given devices fail. Reachability is computed with the failed
 * offices and links removed, so a failed office also cuts the paths through it. Linear in the
 * number of offices plus links.
 */
export function situations(network: Network, holders: RoleHolders, failures: FailureSet): Situation[] {
  const removed = { offices: failures.offices, links: failures.links };
  const { centralOffice, centralServer, fallbackOffice, backupServer } = holders;
  const centralUp = !failures.offices.has(centralOffice);
  const fromCentral = hopsFrom(network, centralOffice, removed);
  const fallbackInControl = fallbackOffice !== undefined && fallbackTakesControl(holders, failures, fromCentral);
  const fromFallback = fallbackInControl ? hopsFrom(network, fallbackOffice, removed) : undefined;
  const centralServerState = failures.servers.has(centralServer) ? "down" : "up";
  const backupServerState = backupServer === undefined ? "none" : failures.servers.has(backupServer) ? "down" : "up";
  const split = centralUp && fallbackInControl;

  return network.offices.map((office): Situation => {
    const distributed = distributedServerOf(office);
    const reachesCentral = (fromCentral[office.index] as number) >= 0;
    const reachesFallback = fromFallback !== undefined && (fromFallback[office.index] as number) >= 0;
    let control: Situation["control"];
    if (split && (office === fallbackOffice || (reachesFallback && !reachesCentral))) control = "split-fallback-side";
    else if (split && reachesCentral) control = "split-central-side";
    else if (reachesCentral) control = "central-office";
    else if (reachesFallback) control = "fallback-office";
    else if (centralUp || fallbackInControl) control = "cut-off";
    else control = "no-controller";
    return {
      office: failures.offices.has(office) ? "down" : "up",
      control,
      centralServer: centralServerState,
      backupServer: backupServerState,
      distributedServer: distributed === undefined ? "not-used" : failures.servers.has(distributed) ? "down" : "up",
    };
  });
}
