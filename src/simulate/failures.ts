import type { Link, Network, Office, Server } from "../ir/types.js";
import { linkBetween } from "../ir/queries.js";
import { closestName } from "../rules/suggestion.js";

/** A device taken down in a simulation. Links are named `A--B` after their declared ends. */
export type FailedDevice =
  | { readonly kind: "office"; readonly name: string; readonly office: Office }
  | { readonly kind: "server"; readonly name: string; readonly server: Server }
  | { readonly kind: "link"; readonly name: string; readonly link: Link };

/** The failed devices of one simulation, in the order they were named, and as sets for lookups. */
export interface FailureSet {
  readonly devices: readonly FailedDevice[];
  readonly offices: ReadonlySet<Office>;
  readonly servers: ReadonlySet<Server>;
  readonly links: ReadonlySet<Link>;
}

export type Resolution = { readonly ok: true; readonly failures: FailureSet } | { readonly ok: false; readonly message: string };

export function linkName(link: Link): string {
  return `${link.from.name}--${link.to.name}`;
}

export function failedOffice(office: Office): FailedDevice {
  return { kind: "office", name: office.name, office };
}

export function failedServer(server: Server): FailedDevice {
  return { kind: "server", name: server.name, server };
}

export function failedLink(link: Link): FailedDevice {
  return { kind: "link", name: linkName(link), link };
}

/** The failed device for an office, a server or a link, e.g. one that an `accept-failure` names. */
export function failedDeviceOf(target: Office | Server | Link): FailedDevice {
  return target.kind === "office" ? failedOffice(target) : target.kind === "server" ? failedServer(target) : failedLink(target);
}

export function failureSet(devices: readonly FailedDevice[]): FailureSet {
  const offices = new Set<Office>();
  const servers = new Set<Server>();
  const links = new Set<Link>();
  for (const device of devices) {
    if (device.kind === "office") offices.add(device.office);
    else if (device.kind === "server") servers.add(device.server);
    else links.add(device.link);
  }
  return { devices, offices, servers, links };
}

function suggestion(name: string, candidates: Iterable<string>): string {
  const closest = closestName(name, candidates);
  return closest === undefined ? "" : `; did you mean '${closest}'?`;
}

function resolveLink(network: Network, written: string, first: string, second: string): FailedDevice | string {
  for (const end of [first, second]) {
    const device = network.devicesByName.get(end);
    if (device?.kind === "office") continue;
    const officeNames = network.offices.map((office) => office.name);
    if (device) return `link '${written}': '${end}' is a server, not an office; links join offices`;
    return `link '${written}': no office is named '${end}'${suggestion(end, officeNames)}`;
  }
  const link = linkBetween(network.links, first, second);
  if (!link) return `no link joins '${first}' and '${second}'${suggestion(`${first}--${second}`, network.links.map(linkName))}`;
  return failedLink(link);
}

function resolveOne(network: Network, written: string): FailedDevice | string {
  const ends = written.split("--").map((part) => part.trim());
  if (ends.length === 2) return resolveLink(network, written, ends[0] as string, ends[1] as string);
  if (ends.length > 2) return `'${written}' is not a device name; name a link as A--B`;
  const device = network.devicesByName.get(written);
  if (device?.kind === "office") return failedOffice(device);
  if (device?.kind === "server") return failedServer(device);
  const candidates = [...network.devicesByName.keys(), ...network.links.map(linkName)];
  return `no office, server or link is named '${written}'${suggestion(written, candidates)}`;
}

/**
 * Resolves the names given to `--fail` (offices and servers by name, links as `A--B` in either
 * order). A name given twice counts once. The first name that resolves to nothing is the answer's
 * message, with the closest name when one is near.
 */
export function resolveFailures(network: Network, names: readonly string[]): Resolution {
  const devices: FailedDevice[] = [];
  const seen = new Set<unknown>();
  for (const raw of names) {
    const written = raw.trim();
    if (written === "") return { ok: false, message: "--fail: empty device name (check for a doubled or trailing comma)" };
    const resolved = resolveOne(network, written);
    if (typeof resolved === "string") return { ok: false, message: `--fail: ${resolved}` };
    const key = resolved.kind === "office" ? resolved.office : resolved.kind === "server" ? resolved.server : resolved.link;
    if (seen.has(key)) continue;
    seen.add(key);
    devices.push(resolved);
  }
  return { ok: true, failures: failureSet(devices) };
}
