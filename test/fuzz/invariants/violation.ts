/**
 * How an invariant fails: one error listing every problem found with one input, so a
 * counterexample shows all that is wrong with it at once.
 */
export class InvariantViolation extends Error {
  override readonly name = "InvariantViolation";
}

/** Throws when `problems` is not empty. */
export function ensureNone(problems: readonly string[], what: string): void {
  if (problems.length > 0) throw new InvariantViolation(`${what}:\n  - ${problems.join("\n  - ")}`);
}

/**
 * A hang detector, not a speed test: far above what inputs of a few kilobytes take (about a
 * millisecond), so only a runaway loop or a quadratic blow-up trips it, even on a busy machine.
 */
export const GENEROUS_MS = 250;

/** Runs `work` and reports it when it took longer than `limit` milliseconds. */
export function timed<T>(what: string, problems: string[], work: () => T, limit = GENEROUS_MS): T {
  const started = performance.now();
  const result = work();
  const elapsed = performance.now() - started;
  if (elapsed > limit) problems.push(`${what} took ${elapsed.toFixed(0)} ms (the bound is ${limit} ms)`);
  return result;
}

export async function timedAsync<T>(what: string, problems: string[], work: () => Promise<T>, limit: number): Promise<T> {
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  if (elapsed > limit) problems.push(`${what} took ${elapsed.toFixed(0)} ms (the bound is ${limit} ms)`);
  return result;
}
