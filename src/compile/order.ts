/** Plain UTF-16 code-unit order: the same on every machine, unlike localeCompare. */
export function byCodeUnits(first: string, second: string): number {
  return first < second ? -1 : first > second ? 1 : 0;
}
