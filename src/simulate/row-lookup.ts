import { CENTRALIZED_ROWS, DISTRIBUTED_ROWS, OFFICE_DOWN, type FailureRow, type Pattern } from "./failure-table.js";
import type { Situation } from "./situation.js";

/** Finding the failure-table row for a situation. */

function matches(pattern: Pattern, situation: Situation): boolean {
  for (const key of Object.keys(pattern) as (keyof Situation)[]) {
    const wanted = pattern[key] as string | readonly string[];
    const actual = situation[key];
    if (typeof wanted === "string" ? wanted !== actual : !wanted.includes(actual)) return false;
  }
  return true;
}

/** The rows that match a situation (exactly one, which a test holds the table to). */
export function matchingRows(situation: Situation): FailureRow[] {
  if (matches(OFFICE_DOWN.when, situation)) return [OFFICE_DOWN];
  const rows = situation.distributedServer === "not-used" ? CENTRALIZED_ROWS : DISTRIBUTED_ROWS;
  return rows.filter((row) => matches(row.when, situation));
}

/** The 216 possible situations, numbered, so the failure matrix (thousands of simulations of
 * every office) looks each one up once. */
const SITUATION_VALUES = {
  office: ["up", "down"],
  control: ["central-office", "fallback-office", "split-central-side", "split-fallback-side", "cut-off", "no-controller"],
  centralServer: ["up", "down"],
  backupServer: ["none", "up", "down"],
  distributedServer: ["not-used", "up", "down"],
} as const satisfies { readonly [Key in keyof Situation]: readonly Situation[Key][] };

function situationNumber(situation: Situation): number {
  let number = 0;
  for (const key of Object.keys(SITUATION_VALUES) as (keyof Situation)[]) {
    const values: readonly string[] = SITUATION_VALUES[key];
    number = number * values.length + values.indexOf(situation[key]);
  }
  return number;
}

const rowsBySituation = new Map<number, FailureRow>();

export function rowFor(situation: Situation): FailureRow {
  const number = situationNumber(situation);
  const known = rowsBySituation.get(number);
  if (known) return known;
  const [row] = matchingRows(situation);
  if (!row) throw new Error(`no failure-table row matches ${JSON.stringify(situation)}`);
  rowsBySituation.set(number, row);
  return row;
}
