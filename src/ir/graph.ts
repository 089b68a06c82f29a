import type { Link, Network, Office } from "./types.js";

/** The other end of a link, seen from `office` (undefined for an unresolved end or a self-link). */
export function otherEnd(link: Link, office: Office): Office | undefined {
  if (link.from.office === office) return link.to.office === office ? undefined : link.to.office;
  if (link.to.office === office) return link.from.office;
  return undefined;
}

/** Offices and links to leave out of a path search, e.g. the devices a failure simulation takes
 * down. A path never passes through a removed office. */
export interface RemovedDevices {
  readonly offices?: ReadonlySet<Office>;
  readonly links?: ReadonlySet<Link>;
}

/**
 * Hop counts from `start` to every office along SCN links (breadth-first, linear in offices plus
 * links), without the `removed` offices and links. Indexed by `office.index`; -1 means unreachable
 * (every office is unreachable when `start` itself is removed).
 */
export function hopsFrom(network: Network, start: Office, removed: RemovedDevices = {}): Int32Array {
  const hops = new Int32Array(network.offices.length).fill(-1);
  if (removed.offices?.has(start)) return hops;
  hops[start.index] = 0;
  const queue: Office[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const office = queue[head] as Office;
    const next = (hops[office.index] as number) + 1;
    for (const link of office.links) {
      if (removed.links?.has(link)) continue;
      const neighbour = otherEnd(link, office);
      if (!neighbour || hops[neighbour.index] !== -1 || removed.offices?.has(neighbour)) continue;
      hops[neighbour.index] = next;
      queue.push(neighbour);
    }
  }
  return hops;
}

/**
 * For each office that can reach `target`, the link it takes first on a shortest path there
 * (ties: the link declared first). OUTPUT.md's Voicemail Destination is that link's group id.
 * Indexed by `office.index`; undefined for `target` itself and for unreachable offices.
 */
export function firstHopsToward(network: Network, target: Office): (Link | undefined)[] {
  const hops = hopsFrom(network, target);
  return network.offices.map((office) => {
    const own = hops[office.index] as number;
    if (own <= 0) return undefined;
    let best: Link | undefined;
    for (const link of office.links) {
      const neighbour = otherEnd(link, office);
      if (!neighbour || hops[neighbour.index] !== own - 1) continue;
      if (!best || link.index < best.index) best = link;
    }
    return best;
  });
}
