import { hopsFrom } from "../ir/graph.js";
import type { Network } from "../ir/types.js";
import { roleHolders } from "../simulate/situation.js";
import type { Simulation } from "../simulate/simulate.js";
import { affectedOffices, simulateState } from "./impact.js";

export interface OfficeToChange {
  readonly office: string;
  /** Its configuration is sent with Reboot (it is out of service meanwhile). */
  readonly reboots: boolean;
}

export interface OfficeOrder {
  readonly offices: readonly string[];
  /** The most offices without voicemail during any one office's restart, in this order. */
  readonly worst: number;
  readonly why: string;
}

function declared(network: Network, names: Iterable<string>): string[] {
  const wanted = new Set(names);
  return [...network.offices, ...network.servers].filter((device) => !device.isDuplicate && wanted.has(device.name)).map((device) => device.name);
}

/**
 * The order in which the offices are changed, chosen with the failure simulator: at each point,
 * the office whose restart leaves the fewest other offices without voicemail, given which offices
 * are in service then (those already changed, and those a previous build runs). On a tie, the
 * office nearer the central office goes first, so an office is changed before the offices that
 * reach the central office through it; then declaration order. Greedy, so linear in offices times
 * simulations.
 */
export function chooseOfficeOrder(network: Network, offices: readonly OfficeToChange[], notInService: ReadonlySet<string>): OfficeOrder {
  const central = roleHolders(network).centralOffice;
  const hops = hopsFrom(network, central);
  const distance = (name: string): number => {
    const office = network.offices.find((candidate) => candidate.name === name && !candidate.isDuplicate);
    const hop = office ? (hops[office.index] as number) : -1;
    return hop < 0 ? Number.MAX_SAFE_INTEGER : hop;
  };
  const position = (name: string): number => network.offices.findIndex((candidate) => candidate.name === name);
  const waiting = new Set(notInService);
  const remaining = [...offices].sort((first, second) => distance(first.office) - distance(second.office) || position(first.office) - position(second.office));
  const chosen: string[] = [];
  let worst = 0;
  let worstOffice: string | undefined;
  // An office's cost depends only on which devices are not yet in service: kept until that changes.
  const costs = new Map<string, number>();
  let before: Simulation | undefined;
  const costOf = (candidate: OfficeToChange): number => {
    if (!candidate.reboots) return 0;
    const known = costs.get(candidate.office);
    if (known !== undefined) return known;
    const others = declared(network, [...waiting].filter((name) => name !== candidate.office));
    before ??= simulateState(network, [], declared(network, waiting));
    // As the runbook simulates the step: just before it, the candidate counts as up (build.ts, realize).
    const baseline = waiting.has(candidate.office) ? simulateState(network, [], others) : before;
    const cost = affectedOffices(baseline, simulateState(network, [candidate.office], others)).length;
    costs.set(candidate.office, cost);
    return cost;
  };
  while (remaining.length > 0) {
    // In tie-break order, so the first office that costs nothing ends the search.
    let best = 0;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const [index, candidate] of remaining.entries()) {
      const cost = costOf(candidate);
      if (cost < bestCost) {
        best = index;
        bestCost = cost;
      }
      if (cost === 0) break;
    }
    const office = (remaining[best] as OfficeToChange).office;
    if (bestCost > worst) {
      worst = bestCost;
      worstOffice = office;
    }
    chosen.push(office);
    remaining.splice(best, 1);
    if (waiting.delete(office)) {
      costs.clear();
      before = undefined;
    }
  }
  const rebooting = offices.filter((office) => office.reboots).length;
  return { offices: chosen, worst, why: whyText(chosen, worst, worstOffice, rebooting) };
}

function whyText(chosen: readonly string[], worst: number, worstOffice: string | undefined, rebooting: number): string {
  if (chosen.length === 0) return "No office changes.";
  const restarts = rebooting === 0 ? " Every office change is sent with Merge: no office restarts." : "";
  if (chosen.length === 1) {
    const alone = worst === 0 ? " The failure simulator finds that no other office loses voicemail while it restarts." : "";
    return `Only ${chosen[0]} changes.${rebooting === 0 ? restarts : alone}`;
  }
  if (rebooting === 0) return `The offices are changed in the order ${chosen.join(", ")}.${restarts}`;
  const order = `The offices are changed in the order ${chosen.join(", ")}.`;
  const how = " Before each office, scnc simulated the restart of every office still to do, with the offices in service at that " +
    "point, and took the one that leaves the fewest other offices without voicemail; on a tie, the office nearer the central " +
    "office, so that an office is changed before the offices that reach the central office through it.";
  const result = worst === 0
    ? " In this order no office loses voicemail because another one restarts."
    : ` In this order at most ${worst} ${worst === 1 ? "office is" : "offices are"} without voicemail at any time (while ${worstOffice} restarts).`;
  return order + how + result;
}
