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
   * - `fallback-office-split`: both are up but cannot reach each other, and this office is on the
   *   fallback office's side;
   * - `cut-off`: some office controls the server, but no path of working links leads there;
   * - `no-controller`: the central office is down and no fallback office is up to take over.
   */
  readonly control: "central-office" | "fallback-office" | "fallback-office-split" | "cut-off" | "no-controller";
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
 * Every office's situation when the given devices fail. Reachability is computed with the failed
 * offices and links removed, so a failed office also cuts the paths through it. The fallback office
 * takes control when it cannot reach the central office any more: the central office is down, or
 * every path between the two is broken (DOMAIN.md §4, "Link C-IPO ↔ F-IPO lost"). Linear in the
 * number of offices plus links.
 */
export function situations(network: Network, holders: RoleHolders, failures: FailureSet): Situation[] {
  const removed = { offices: failures.offices, links: failures.links };
  const { centralOffice, centralServer, fallbackOffice, backupServer } = holders;
  const centralUp = !failures.offices.has(centralOffice);
  const fromCentral = hopsFrom(network, centralOffice, removed);
  const fallbackInControl =
    fallbackOffice !== undefined && !failures.offices.has(fallbackOffice) && (fromCentral[fallbackOffice.index] as number) < 0;
  const fromFallback = fallbackInControl ? hopsFrom(network, fallbackOffice, removed) : undefined;
  const centralServerState = failures.servers.has(centralServer) ? "down" : "up";
  const backupServerState = backupServer === undefined ? "none" : failures.servers.has(backupServer) ? "down" : "up";

  return network.offices.map((office): Situation => {
    const distributed = distributedServerOf(office);
    let control: Situation["control"];
    if ((fromCentral[office.index] as number) >= 0) control = "central-office";
    else if (fromFallback && (fromFallback[office.index] as number) >= 0) control = centralUp ? "fallback-office-split" : "fallback-office";
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
