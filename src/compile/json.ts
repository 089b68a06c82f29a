/** Object keys sorted (their order carries no meaning in JSON); arrays keep their order. */
function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  // Default sort compares UTF-16 code units: the same on every machine, unlike localeCompare.
  for (const key of Object.keys(value).sort()) sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** The one JSON layout scnc writes: sorted keys, 2-space indent, `\n`, trailing newline. The same
 * document always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(withSortedKeys(value), null, 2) + "\n";
}
