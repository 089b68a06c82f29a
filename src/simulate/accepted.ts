import type { AcceptedFailure, Link, Network, Office, Server } from "../ir/types.js";
import type { FailedDevice } from "./failures.js";

/**
 * `accept-failure` (LANGUAGE.md "Accepting a failure"): which declaration, if any, accepts a given
 * set of failed devices. A declaration accepts exactly the set it names (its devices failing
 * together), in any order; separate failures need separate declarations.
 */

type Target = Office | Server | Link;

function targetOf(device: FailedDevice): Target {
  return device.kind === "office" ? device.office : device.kind === "server" ? device.server : device.link;
}

/** A key that is the same for the same set of devices, whatever their order. */
function keyOf(targets: readonly Target[]): string {
  const parts = targets.map((target) => `${target.kind === "office" ? "o" : target.kind === "server" ? "s" : "l"}${target.index}`);
  return [...new Set(parts)].sort().join(" ");
}

export interface Acceptances {
  /** The declaration that accepts exactly these devices failing together, if any. */
  readonly for: (failed: readonly FailedDevice[]) => AcceptedFailure | undefined;
}

/** Looks up acceptances in constant time per failure set (the matrix asks for thousands). A
 * declaration with a reason that could not be read, or a name that resolves to nothing, accepts nothing. */
export function acceptances(network: Network): Acceptances {
  const byKey = new Map<string, AcceptedFailure>();
  for (const accepted of network.acceptedFailures) {
    if (!accepted.reason || accepted.devices.length === 0) continue;
    const targets = accepted.devices.map((device) => device.target);
    if (targets.some((target) => target === undefined)) continue;
    const key = keyOf(targets as Target[]);
    if (!byKey.has(key)) byKey.set(key, accepted);
  }
  return {
    for: (failed) => (byKey.size === 0 || failed.length === 0 ? undefined : byKey.get(keyOf(failed.map(targetOf)))),
  };
}
