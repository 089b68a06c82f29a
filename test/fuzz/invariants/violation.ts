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
 * A blow-up detector, not a speed test: far above what inputs of a few kilobytes take (about a
 * millisecond), so only a runaway loop or a quadratic blow-up trips it, even on a busy machine.
 */
export const GENEROUS_MS = 500;

/**
 * Runs `work` and reports it when it took longer than `limit` milliseconds twice running: a
 * blow-up repeats, while a garbage collection or a machine busy with other work (seen in CI: 418 ms
 * against 250) does not. `work` must be pure, since it may run twice.
 */
export function timed<T>(what: string, problems: string[], work: () => T, limit = GENEROUS_MS): T {
  const elapsed: number[] = [];
  let result: T;
  do {
    const started = performance.now();
    result = work();
    elapsed.push(performance.now() - started);
  } while (elapsed.length < 2 && elapsed[elapsed.length - 1]! > limit);
  if (elapsed.every((milliseconds) => milliseconds > limit)) {
    problems.push(`${what} took ${elapsed.map((milliseconds) => `${milliseconds.toFixed(0)} ms`).join(", then ")} (the bound is ${limit} ms)`);
  }
  return result;
}

export async function timedAsync<T>(what: string, problems: string[], work: () => Promise<T>, limit: number): Promise<T> {
  const started = performance.now();
  const result = await work();
  const elapsed = performance.now() - started;
  if (elapsed > limit) problems.push(`${what} took ${elapsed.toFixed(0)} ms (the bound is ${limit} ms)`);
  return result;
}
