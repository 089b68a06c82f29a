import { otherEnd } from "../ir/graph.js";
import type { Network, Office } from "../ir/types.js";
import { defineRule } from "./rule.js";
import { MAX_HOPS, MAX_SYSTEMS_AT_ANY_RELEASE } from "./scn-limits.js";
import { topology, type Component } from "./topology.js";

/** Breadth-first search state shared by every search of one check, so that a network of many small
 * components costs no more than one of a single large component. */
class Searches {
  readonly distance: Int32Array;
  readonly parent: Int32Array;

  constructor(private readonly network: Network) {
    this.distance = new Int32Array(network.offices.length).fill(-1);
    this.parent = new Int32Array(network.offices.length).fill(-1);
  }

  /** Distances from `start`; returns the farthest office (the last reached, on ties). The
   * distances stay readable until the next search. */
  from(start: Office, visited: Office[]): Office {
    for (const office of visited) this.distance[office.index] = -1;
    visited.length = 0;
    visited.push(start);
    this.distance[start.index] = 0;
    this.parent[start.index] = -1;
    let farthest = start;
    for (let head = 0; head < visited.length; head++) {
      const office = visited[head] as Office;
      const next = (this.distance[office.index] as number) + 1;
      for (const link of office.links) {
        const neighbour = otherEnd(link, office);
        if (!neighbour || this.distance[neighbour.index] !== -1) continue;
        this.distance[neighbour.index] = next;
        this.parent[neighbour.index] = office.index;
        visited.push(neighbour);
        farthest = neighbour;
      }
    }
    return farthest;
  }

  path(to: Office): Office[] {
    const path: Office[] = [];
    for (let index = to.index; index !== -1; index = this.parent[index] as number) path.push(this.network.offices[index] as Office);
    return path.reverse();
  }
}

interface FarthestPair {
  readonly path: readonly Office[];
}

/**
 * The two offices farthest apart in a component. Exact for trees (two sweeps find the diameter of a
 * tree in linear time) and for components no larger than an SCN may be (a search from every office).
 * A larger meshed component already breaks scn-max-systems, so its work is bounded: a few sweeps,
 * each from the farthest office of the last, give a pair at least that far apart, which may fall
 * short of the true diameter.
 */
function farthestPair(component: Component, searches: Searches, visited: Office[]): FarthestPair {
  const offices = component.offices;
  const isTree = component.joinedPairs === offices.length - 1;
  let best: FarthestPair = { path: [] };
  const consider = (from: Office): Office => {
    const to = searches.from(from, visited);
    if ((searches.distance[to.index] as number) + 1 > best.path.length) best = { path: searches.path(to) };
    return to;
  };
  if (!isTree && offices.length <= MAX_SYSTEMS_AT_ANY_RELEASE) {
    for (const office of offices) consider(office);
    return best;
  }
  const sweeps = isTree ? 2 : 4;
  let start = offices[0] as Office;
  for (let sweep = 0; sweep < sweeps; sweep++) start = consider(start);
  return best;
}

function pathText(path: readonly Office[]): string {
  const names = path.map((office) => office.name);
  return names.length <= 8 ? names.join(" – ") : [...names.slice(0, 3), "…", ...names.slice(-2)].join(" – ");
}

export default defineRule({
  id: "scn-max-hops",
  severity: "error",
  category: "SCN size and shape",
  summary: "Some pair of offices is more than 5 links apart on its shortest path.",
  basis: "An SCN supports at most 5 H.323 hops between systems.",
  sources: ["S14", "S15", "S16"],
  explain: `Calls, presence and voicemail between two IP Offices of an SCN cross at most 5 SCN hops
(S15, S16): every pair of offices must be joined by a path of at most 5 links. Voicemail from a remote
office to the central server travels that path. Add a link that shortens the longest path, for
example from an office in its middle toward the central office, or lay the network out as a star.

For speed, the distance is computed exactly in linear time when the links form a tree (two
breadth-first sweeps), and exactly by a search from every office in a meshed component of at most
32 offices. A meshed component larger than that already exceeds the SCN size limit
(\`scn-max-systems\`), so the rule bounds its work there: it reports the farthest pair that a few
sweeps find, which may be closer than the farthest pair of all, and may miss one. Fix the size first.
Components touching a link whose other end is unknown are left out (the reference error comes first).`,
  examples: {
    failing: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
${Array.from({ length: 6 }, (_, index) => `  office site-${index + 1} { address 10.0.${index + 1}.1 }`).join("\n")}
  link hq -- site-1 { group-id 101 }
${Array.from({ length: 5 }, (_, index) => `  link site-${index + 1} -- site-${index + 2} { group-id ${index + 102} }`).join("\n")}
}
`,
    fixed: `network "Example" {
  release 6.0
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { preferred-edition } }
${Array.from({ length: 6 }, (_, index) => `  office site-${index + 1} { address 10.0.${index + 1}.1 }`).join("\n")}
  link hq -- site-1 { group-id 101 }
${Array.from({ length: 5 }, (_, index) => `  link site-${index + 1} -- site-${index + 2} { group-id ${index + 102} }`).join("\n")}
  link hq -- site-4 { group-id 107 }
}
`,
  },
  check(network, report) {
    const { components, uncertainEverywhere } = topology(network);
    if (uncertainEverywhere) return;
    const searches = new Searches(network);
    const visited: Office[] = [];
    for (const component of components) {
      if (component.uncertain || component.offices.length <= MAX_HOPS + 1) continue;
      const { path } = farthestPair(component, searches, visited);
      const hops = path.length - 1;
      if (hops <= MAX_HOPS) continue;
      const [first, last] = [path[0] as Office, path[path.length - 1] as Office];
      const [earlier, later] = first.index < last.index ? [first, last] : [last, first];
      report({
        at: later.nameSpan,
        message: `offices '${earlier.name}' and '${later.name}' are ${hops} links apart (${pathText(first.index < last.index ? path : [...path].reverse())}); ` +
          `an SCN allows at most ${MAX_HOPS} hops between two offices, so add a link that shortens this path`,
        related: [{ at: earlier.nameSpan, message: `office '${earlier.name}' is the other end` }],
      });
    }
  },
});
