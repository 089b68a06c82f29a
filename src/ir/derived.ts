import type { Network } from "./types.js";

/** A fact computed from a network and shared by every rule that needs it (roles, topology,
 * licences…), computed on first use. */
export interface DerivedFact<T> {
  readonly name: string;
  readonly compute: (network: Network) => T;
}

export function derivedFact<T>(name: string, compute: (network: Network) => T): DerivedFact<T> {
  return { name, compute };
}

/**
 * The fact for this network, computed once. The cache lives on the network itself rather than in a
 * WeakMap: networks of a batch die young, and weak-map entries made garbage collection the largest
 * single cost of checking thousands of networks.
 */
export function derived<T>(network: Network, fact: DerivedFact<T>): T {
  const cache = network.derived;
  const known = cache.get(fact);
  if (known !== undefined || cache.has(fact)) return known as T;
  const value = fact.compute(network);
  cache.set(fact, value);
  return value;
}
