import type { NameOccurrence } from "../language/names.js";

export { nameOccurrences, type NameOccurrence } from "../language/names.js";

/** The occurrence under the cursor; a cursor just after a name's last character still counts. */
export function occurrenceAt(occurrences: readonly NameOccurrence[], offset: number): NameOccurrence | undefined {
  return occurrences.find((occurrence) => occurrence.name.span.start <= offset && offset <= occurrence.name.span.end);
}

/** Every occurrence of a name, in source order. */
export function occurrencesOf(occurrences: readonly NameOccurrence[], text: string): NameOccurrence[] {
  return occurrences.filter((occurrence) => occurrence.name.text === text);
}
