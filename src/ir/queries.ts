import { derived, derivedFact } from "./derived.js";
import type { Device, Link, Network, Office, Server } from "./types.js";

/** Who holds each role, derived once per network. "The" central office exists only when exactly
 * one office claims the role; with several, the count rules report it and role-dependent rules
 * stay silent rather than guess. Extra fallback offices or backup servers: the first one counts. */
export interface Roles {
  readonly centralOffices: readonly Office[];
  readonly fallbackOffices: readonly Office[];
  readonly centralServers: readonly Server[];
  readonly backupServers: readonly Server[];
  readonly centralOffice: Office | undefined;
  readonly fallbackOffice: Office | undefined;
  readonly centralServer: Server | undefined;
  readonly backupServer: Server | undefined;
  /** Some office's role could not be read, so role counts may be wrong. */
  readonly officeRolesUncertain: boolean;
  readonly serverRolesUncertain: boolean;
}

const rolesFact = derivedFact("roles", computeRoles);

export function roles(network: Network): Roles {
  return derived(network, rolesFact);
}

function computeRoles(network: Network): Roles {
  const offices = network.offices.filter((office) => !office.isDuplicate);
  const servers = network.servers.filter((server) => !server.isDuplicate);
  const centralOffices = offices.filter((office) => office.role === "central");
  const fallbackOffices = offices.filter((office) => office.role === "fallback");
  const centralServers = servers.filter((server) => server.role?.value === "central");
  const backupServers = servers.filter((server) => server.role?.value === "backup");
  const result: Roles = {
    centralOffices,
    fallbackOffices,
    centralServers,
    backupServers,
    centralOffice: centralOffices.length === 1 ? centralOffices[0] : undefined,
    fallbackOffice: fallbackOffices[0],
    centralServer: centralServers.length === 1 ? centralServers[0] : undefined,
    backupServer: backupServers[0],
    officeRolesUncertain: offices.some((office) => office.unknown.has("role")),
    serverRolesUncertain: servers.some((server) => server.unknown.has("role") || !server.role),
  };
  return result;
}

const devicesInTextOrderFact = derivedFact("devices in text order", (network): readonly Device[] =>
  [...network.offices, ...network.servers].sort((first, second) => first.span.start - second.span.start));

/** Every office and server, re-declarations included, in the order they are declared in the text
 * (offices and servers interleaved). Computed once per network. */
export function devicesInTextOrder(network: Network): readonly Device[] {
  return derived(network, devicesInTextOrderFact);
}

/** The offices that are not later re-declarations of a name. */
export function distinctOffices(network: Network): readonly Office[] {
  return network.offices.filter((office) => !office.isDuplicate);
}

/** "network 'Acme'", or "the network" when its name could not be read. */
export function describeNetwork(network: Network): string {
  return network.name === "" ? "the network" : `network '${network.name}'`;
}

/** The first declared link between the offices named `first` and `second`, in either order. */
export function linkBetween(links: readonly Link[], first: string, second: string): Link | undefined {
  return links.find((link) => (link.from.name === first && link.to.name === second) || (link.from.name === second && link.to.name === first));
}
