import { derived, derivedFact } from "../ir/derived.js";
import type { Link, Network } from "../ir/types.js";

/** Outgoing Group IDs are 0–99999; 90000–99999 is reserved for system use and 0 is Manager's
 * default (S14, S21, S22). */
export const GROUP_ID_MAXIMUM = 99_999;
export const GROUP_ID_RESERVED_FROM = 90_000;

export function pairName(link: Link): string {
  return link.from.name < link.to.name ? `${link.from.name}\n${link.to.name}` : `${link.to.name}\n${link.from.name}`;
}

/** The unordered pair of a link's ends as a Map key. When both ends are offices, their indices:
 * lowering resolves a name to one office (the first of that name), so the same pair of names is
 * the same pair of offices, and no string is joined and hashed per link on every check. Otherwise
 * the names, as pairName joins them (a number and a string never collide as keys). */
function pairKey(link: Link, officeCount: number): string | number {
  const from = link.from.office;
  const to = link.to.office;
  if (!from || !to) return pairName(link);
  return from.index < to.index ? from.index * officeCount + to.index : to.index * officeCount + from.index;
}

/** For each link, by `link.index`, the first link declared between the same unordered pair of
 * names (the link itself when it is the first). One pass and one pair key per link, shared by
 * duplicate-link and linksToKeep, which used to build each link's key again. */
const firstLinksFact = derivedFact("first links of pairs", (network): readonly Link[] => {
  const firstByPair = new Map<string | number, Link>();
  const firstOf: Link[] = [];
  const officeCount = network.offices.length;
  for (const link of network.links) {
    const key = pairKey(link, officeCount);
    let first = firstByPair.get(key);
    if (!first) {
      first = link;
      firstByPair.set(key, link);
    }
    firstOf.push(first);
  }
  return firstOf;
});

/** The first link declared between the same pair of offices as `link` (in either order). */
export function firstLinkOfPair(network: Network, link: Link): Link {
  return derived(network, firstLinksFact)[link.index] ?? link;
}

const linksToKeepFact = derivedFact("links to keep", (network): readonly Link[] => {
  const firstOf = derived(network, firstLinksFact);
  return network.links.filter((link) => link.from.name !== link.to.name && firstOf[link.index] === link);
});

/** The links that should stay, in declaration order: not a link from an office to itself, nor a
 * repeat of an earlier link's pair (self-link and duplicate-link report those, so rules about a
 * link's group id or place in the topology stay silent about them). Computed once per network. */
export function linksToKeep(network: Network): readonly Link[] {
  return derived(network, linksToKeepFact);
}

export interface GroupIdSuggestions {
  /** A free group id for each link that lacks one (and should stay), by `link.index`; none when
   * the band is full. */
  readonly forMissing: ReadonlyMap<number, number>;
  /** A further free id, for a link a fix adds. */
  readonly next: number | undefined;
}

/**
 * Free group ids for quick fixes, handed out in link order after the highest id in use (below the
 * reserved band), so that applying every fix at once still gives each link its own id.
 */
function suggest(network: Network): GroupIdSuggestions {
  const used = new Set<number>();
  let highest = 0;
  for (const link of network.links) {
    const id = link.groupId?.value;
    if (id === undefined) continue;
    used.add(id);
    if (id < GROUP_ID_RESERVED_FROM && id > highest) highest = id;
  }
  let candidate = highest;
  // Scanning resumes where it stopped, so all suggestions together cost one pass over the band.
  let budget = GROUP_ID_RESERVED_FROM;
  const take = (): number | undefined => {
    while (budget-- > 0) {
      candidate = candidate + 1 >= GROUP_ID_RESERVED_FROM ? 1 : candidate + 1;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    return undefined;
  };
  const forMissing = new Map<number, number>();
  for (const link of linksToKeep(network)) {
    if (link.groupId || link.unknown.has("group-id")) continue;
    const id = take();
    if (id !== undefined) forMissing.set(link.index, id);
  }
  return { forMissing, next: take() };
}

const suggestionsFact = derivedFact("group id suggestions", suggest);

export function groupIdSuggestions(network: Network): GroupIdSuggestions {
  return derived(network, suggestionsFact);
}
