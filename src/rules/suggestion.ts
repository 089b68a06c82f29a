/** Edit distance between two strings, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(first: string, second: string, limit: number): number {
  if (Math.abs(first.length - second.length) > limit) return limit + 1;
  let previous = Array.from({ length: second.length + 1 }, (_, index) => index);
  for (let row = 1; row <= first.length; row++) {
    const current = [row];
    let rowMinimum = row;
    for (let column = 1; column <= second.length; column++) {
      const cost = first[row - 1] === second[column - 1] ? 0 : 1;
      const value = Math.min((previous[column] as number) + 1, (current[column - 1] as number) + 1, (previous[column - 1] as number) + cost);
      current.push(value);
      rowMinimum = Math.min(rowMinimum, value);
    }
    if (rowMinimum > limit) return limit + 1;
    previous = current;
  }
  return previous[second.length] as number;
}

/** The candidate closest to `name` within `limit` edits (ties: the first candidate), if any;
 * never `name` itself, nor `except` (a name the suggestion must not be, such as a link's other end). */
export function closestName(name: string, candidates: Iterable<string>, limit = 2, except?: string): string | undefined {
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === name || candidate === except) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase(), Math.min(limit, bestDistance));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Comparisons one check may spend on suggestions: enough for any real network, and a bound on
 * networks with thousands of unknown names among thousands of declared ones (which would be
 * quadratic otherwise). Past it, messages go without "did you mean". */
export const SUGGESTION_BUDGET = 2_000_000;

/**
 * `closestName` over a fixed list of candidates, for many queries in one check, within a shared
 * budget of comparisons so that the total work stays linear in the size of the network.
 */
export class Suggestions {
  private remaining: number;

  constructor(private readonly candidates: readonly string[], budget = SUGGESTION_BUDGET) {
    this.remaining = budget;
  }

  closest(name: string, limit = 2, except?: string): string | undefined {
    if (this.remaining < this.candidates.length) return undefined;
    this.remaining -= this.candidates.length;
    return closestName(name, this.candidates, limit, except);
  }
}
