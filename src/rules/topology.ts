import { derived, derivedFact } from "../ir/derived.js";
import type { LinkNode } from "../language/ast.js";
import { otherEnd } from "../ir/graph.js";
import type { Link, Network, Office } from "../ir/types.js";

/**
 * The SCN as a graph of offices, split into connected components, computed once per network in
 * time linear in offices plus links. A component is `uncertain` when one of its offices is an end
 * of a link whose other end could not be resolved (a typo or a broken link declaration): the real
 * component may be larger, so rules about reachability and distance stay silent about it rather
 * than repeat the reference error.
 */
export interface Component {
  readonly offices: readonly Office[];
  readonly uncertain: boolean;
  /** Distinct office pairs joined by a link (self-links and repeated links not counted). */
  readonly joinedPairs: number;
}

export interface Topology {
  readonly components: readonly Component[];
  /** The component of each office, by `office.index` (undefined for re-declared names). */
  readonly componentOf: readonly (Component | undefined)[];
  /** Offices at the resolved end of a link whose other end is unknown. */
  readonly nearUnresolvedLinks: ReadonlySet<Office>;
  /** Some link has no readable end at all, so nothing certain can be said about reachability. */
  readonly uncertainEverywhere: boolean;
}

/** Offices named at one end of a link whose other end is unknown. */
function officesNearUnresolvedLinks(network: Network): { offices: Set<Office>; everywhere: boolean } {
  const offices = new Set<Office>();
  let everywhere = false;
  for (const link of network.links) {
    if (link.from.office && !link.to.office) offices.add(link.from.office);
    if (link.to.office && !link.from.office) offices.add(link.to.office);
  }
  // Link declarations missing an end never reach the IR; the syntax tree still names the other end.
  for (const item of network.source.network?.items ?? []) {
    if (item.kind !== "link" || (item.from && item.to)) continue;
    const named = (item as LinkNode).from ?? (item as LinkNode).to;
    const device = named ? network.devicesByName.get(named.text) : undefined;
    if (device?.kind === "office") offices.add(device);
    else everywhere = true;
  }
  return { offices, everywhere };
}

function pairKey(link: Link, officeCount: number): number | undefined {
  const from = link.from.office;
  const to = link.to.office;
  if (!from || !to || from === to) return undefined;
  return Math.min(from.index, to.index) * officeCount + Math.max(from.index, to.index);
}

function buildTopology(network: Network): Topology {
  const near = officesNearUnresolvedLinks(network);
  const componentOf: (Component | undefined)[] = new Array(network.offices.length).fill(undefined);
  const components: Component[] = [];
  const seen = new Uint8Array(network.offices.length);
  const pairs = new Set<number>();
  for (const start of network.offices) {
    if (start.isDuplicate || seen[start.index]) continue;
    const offices: Office[] = [start];
    seen[start.index] = 1;
    let uncertain = false;
    let joinedPairs = 0;
    for (let head = 0; head < offices.length; head++) {
      const office = offices[head] as Office;
      if (near.offices.has(office)) uncertain = true;
      for (const link of office.links) {
        const key = pairKey(link, network.offices.length);
        if (key !== undefined && !pairs.has(key)) {
          pairs.add(key);
          joinedPairs++;
        }
        const neighbour = otherEnd(link, office);
        if (!neighbour || seen[neighbour.index]) continue;
        seen[neighbour.index] = 1;
        offices.push(neighbour);
      }
    }
    const component: Component = { offices, uncertain, joinedPairs };
    components.push(component);
    for (const office of offices) componentOf[office.index] = component;
  }
  // In a partial network (unreadable text at the network level) a link may have been lost.
  return { components, componentOf, nearUnresolvedLinks: near.offices, uncertainEverywhere: near.everywhere || network.partial === true };
}

const topologyFact = derivedFact("topology", buildTopology);

export function topology(network: Network): Topology {
  return derived(network, topologyFact);
}

/** Offices in a short readable list: "'a'", "'a' and 'b'", "'a', 'b' and 3 others". */
export function officeList(offices: readonly Office[], shown = 3): string {
  const names = offices.slice(0, shown).map((office) => `'${office.name}'`);
  const others = offices.length - names.length;
  if (others > 0) return `${names.join(", ")} and ${others} other${others === 1 ? "" : "s"}`;
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
