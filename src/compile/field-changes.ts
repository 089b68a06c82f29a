/** One leaf that differs between two JSON documents, e.g. `voicemail.voicemailIpAddress`. */
export interface FieldChange {
  /** Dotted path with array indexes, e.g. `licenses[1].quantity`; SCN lines by number,
   * `lines[lineNumber=18].outgoingGroupId`. */
  readonly path: string;
  /** Absent when the field is new. */
  readonly before?: unknown;
  /** Absent when the field is gone. */
  readonly after?: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function join(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

/** SCN lines are known by their number, which is stable (OUTPUT.md): a deleted line reads as that
 * line removed, not as every later line changed. */
function lineNumbersOf(items: readonly unknown[]): number[] | undefined {
  const numbers = items.map((item) => (isRecord(item) && Number.isInteger(item.lineNumber) ? item.lineNumber as number : undefined));
  return numbers.every((number) => number !== undefined) && new Set(numbers).size === numbers.length ? numbers as number[] : undefined;
}

function collectLines(before: readonly unknown[], after: readonly unknown[], path: string, into: FieldChange[]): boolean {
  const beforeNumbers = lineNumbersOf(before);
  const afterNumbers = lineNumbersOf(after);
  if (!beforeNumbers || !afterNumbers) return false;
  for (const number of [...new Set([...beforeNumbers, ...afterNumbers])].sort((first, second) => first - second)) {
    const itemPath = `${path}[lineNumber=${number}]`;
    const was = before[beforeNumbers.indexOf(number)];
    const is = after[afterNumbers.indexOf(number)];
    if (!afterNumbers.includes(number)) into.push({ path: itemPath, before: was });
    else if (!beforeNumbers.includes(number)) into.push({ path: itemPath, after: is });
    else collect(was, is, itemPath, into);
  }
  return true;
}

function collect(before: unknown, after: unknown, path: string, into: FieldChange[]): void {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const key of keys) {
      const inBefore = Object.hasOwn(before, key);
      const inAfter = Object.hasOwn(after, key);
      if (inBefore && inAfter) collect(before[key], after[key], join(path, key), into);
      else if (inBefore) into.push({ path: join(path, key), before: before[key] });
      else into.push({ path: join(path, key), after: after[key] });
    }
    return;
  }
  // A list of names reads best whole ("serves [east] → []"); a list of objects, item by item.
  if (Array.isArray(before) && Array.isArray(after) && [...before, ...after].some(isRecord)) {
    if (collectLines(before, after, path, into)) return;
    for (let index = 0; index < Math.max(before.length, after.length); index++) {
      const itemPath = `${path}[${index}]`;
      if (index >= after.length) into.push({ path: itemPath, before: before[index] });
      else if (index >= before.length) into.push({ path: itemPath, after: after[index] });
      else collect(before[index], after[index], itemPath, into);
    }
    return;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) into.push({ path, before, after });
}

/** The fields that differ between two parsed JSON documents, in key order. Objects and arrays of
 * objects are compared member by member, so a change deep inside reads as one leaf. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const changes: FieldChange[] = [];
  collect(before, after, "", changes);
  return changes;
}
