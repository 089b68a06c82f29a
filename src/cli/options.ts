import { InvalidArgumentError } from "commander";

/** A non-negative whole number option, e.g. `--max-warnings 0`. */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(`expected a whole number, got '${value}'`);
  return Number(value);
}
