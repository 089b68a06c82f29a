import type { ExistingOutput } from "./changes.js";
import type { CompiledNetwork } from "./documents.js";
import { byCodeUnits } from "./order.js";

/**
 * The SCN line numbers an earlier build gave: per office, the number of its line to each peer.
 * A rebuild keeps them, so deleting or reordering a link never renumbers the others (OUTPUT.md,
 * `lines[].lineNumber`). `plan`, `build --check`, `build` and `runbook --from` all take them from
 * here, so they number lines the same way.
 */
export type LineNumbers = ReadonlyMap<string, ReadonlyMap<string, number>>;

export const NO_LINE_NUMBERS: LineNumbers = new Map();

/** Line numbers 1–16 are reserved for hardware on IP500 V2 (DOMAIN.md rule 17; S21, S33). */
export const FIRST_LINE_NUMBER = 17;

type Table = Record<string, Record<string, number>>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function isLineNumber(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= FIRST_LINE_NUMBER;
}

function parsed(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function fromTable(table: Record<string, unknown>): LineNumbers {
  const numbers = new Map<string, Map<string, number>>();
  for (const [office, peers] of Object.entries(table)) {
    if (!isRecord(peers)) continue;
    const own = new Map<string, number>();
    for (const [peer, number] of Object.entries(peers)) if (isLineNumber(number)) own.set(peer, number);
    numbers.set(office, own);
  }
  return numbers;
}

/** A manifest written before it carried `lineNumbers`: the numbers are in the office JSON files. */
function fromOfficeFiles(existing: ExistingOutput): LineNumbers {
  const table: Table = {};
  for (const [path, text] of [...existing.files].sort(([first], [second]) => (first < second ? -1 : 1))) {
    const document = parsed(text);
    if (!/^offices\/[^/]+\.json$/.test(path) || !isRecord(document) || typeof document.name !== "string" || !Array.isArray(document.lines)) continue;
    const own: Record<string, number> = {};
    for (const line of document.lines) {
      if (isRecord(line) && typeof line.peer === "string" && isLineNumber(line.lineNumber)) own[line.peer] = line.lineNumber;
    }
    table[document.name] = own;
  }
  return fromTable(table);
}

/** The line numbers of the build in an output directory; none for a new or empty one. */
export function existingLineNumbers(existing: ExistingOutput): LineNumbers {
  const manifest = parsed(existing.manifestText);
  if (isRecord(manifest) && isRecord(manifest.lineNumbers)) return fromTable(manifest.lineNumbers);
  return fromOfficeFiles(existing);
}

/** What the manifest records for the next build: each office (in code-unit order) with its peers (in
 * code-unit order) and their line numbers; a peer named twice (a repeated link) keeps its last
 * line's number. A list, not an object keyed by name: every network of a batch build brings new
 * names, and objects keyed by them (new property names, new hidden classes each time) cost twice
 * as much to make. */
export type LineNumberList = readonly (readonly [office: string, peers: readonly (readonly [peer: string, lineNumber: number])[]])[];

export function lineNumberList(compiled: CompiledNetwork): LineNumberList {
  const offices = new Map<string, (readonly [string, number])[]>();
  for (const office of [...compiled.offices].sort((first, second) => byCodeUnits(first.name, second.name))) {
    const peers = new Map<string, number>();
    // The sort is stable: of a repeated peer's lines, the last one's number is set last.
    for (const line of [...office.lines].sort((first, second) => byCodeUnits(first.peer, second.peer))) peers.set(line.peer, line.lineNumber);
    offices.set(office.name, [...peers]);
  }
  return [...offices];
}

/** The list as the manifest's object: office → peer → line number, built with its keys in
 * code-unit order, as the JSON writer prints them. */
export function lineNumberTable(compiled: CompiledNetwork | LineNumberList): Table {
  const list = "offices" in compiled ? lineNumberList(compiled) : compiled;
  const table: Table = {};
  for (const [office, peers] of list) {
    const own: Record<string, number> = {};
    for (const [peer, lineNumber] of peers) own[peer] = lineNumber;
    table[office] = own;
  }
  return table;
}

/**
 * Numbers for one office's lines, given its peers in declaration order: a peer the earlier build
 * had keeps its number; a new one takes the lowest number from 17 that no kept line uses. A peer
 * named twice (a repeated link, which `duplicate-link` reports) keeps the number once.
 */
export function assignLineNumbers(peers: readonly string[], previous: ReadonlyMap<string, number> | undefined): number[] {
  const kept = new Map<number, number>();
  const taken = new Set<number>();
  peers.forEach((peer, index) => {
    const number = previous?.get(peer);
    if (number === undefined || taken.has(number)) return;
    kept.set(index, number);
    taken.add(number);
  });
  let next = FIRST_LINE_NUMBER;
  return peers.map((_, index) => {
    const number = kept.get(index);
    if (number !== undefined) return number;
    while (taken.has(next)) next++;
    taken.add(next);
    return next;
  });
}
