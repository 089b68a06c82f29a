/** Object keys sorted (their order carries no meaning in JSON); arrays keep their order. */
function withSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withSortedKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  // Default sort compares UTF-16 code units: the same on every machine, unlike localeCompare.
  for (const key of Object.keys(value).sort()) sorted[key] = withSortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/**
 * Whether JSON.stringify prints `value` with its keys already sorted, so that it gives the same
 * bytes as the sorted copy: plain objects and arrays only (a Date or a Map would be printed through
 * toJSON or as `{}` by the copy), every object's own keys in code-unit order at every depth, and
 * no `__proto__` key (the copy's assignment drops it). The compiler builds its documents so.
 */
export function isCanonical(value: unknown): boolean {
  if (value === null || typeof value !== "object") return true;
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonical(item)) return false;
    return true;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return false;
  let previous: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    if (key === "__proto__" || (previous !== undefined && previous >= key)) return false;
    if (!isCanonical((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}

/** The one JSON layout scnc writes: sorted keys, 2-space indent, `\n`, trailing newline. The same
 * document always gives the same bytes. A document built with its keys in order is printed as it
 * is; any other is copied with sorted keys first (a batch build of 1,000 networks spent a third of
 * its rendering on that copy when every document needed one). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(isCanonical(value) ? value : withSortedKeys(value), null, 2) + "\n";
}
