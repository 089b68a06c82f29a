/**
 * The edit every language-server benchmark makes (bench/lsp.ts, lsp-allocation.ts, lsp-promotion.ts,
 * lsp-scavenges.ts): the user count of an office halfway down bench/networks.ts's network 1, retyped
 * as typing would, a small range edit. One definition, so that the latency, allocation and collection
 * figures all measure the same change.
 */
import { networkText } from "./networks.js";

const VALUE_COLUMN = "    users ".length;

export interface UserCountEdit {
  /** The document before any edit. */
  readonly text: string;
  /** The zero-based line whose value is retyped, and the column where the value starts. */
  readonly line: number;
  readonly character: number;
  /** Where the value ends on that line in the original text (later values have two digits). */
  readonly originalEnd: number;
  /** The value typed by edit `index`: always two digits. */
  value(index: number): string;
  /** The whole document after edit `index`, for benchmarks that call the analysis directly. */
  textAfter(index: number): string;
}

export function userCountEdit(): UserCountEdit {
  const text = networkText(1);
  const lines = text.split("\n");
  const line = lines.findIndex((candidate, index) => index > lines.length / 2 && /^ {4}users \d+$/.test(candidate));
  const originalEnd = (lines[line] as string).length;
  const valueStart = lines.slice(0, line).join("\n").length + 1 + VALUE_COLUMN;
  const before = text.slice(0, valueStart);
  const after = text.slice(valueStart + originalEnd - VALUE_COLUMN);
  const value = (index: number): string => String(10 + (index % 89));
  return { text, line, character: VALUE_COLUMN, originalEnd, value, textAfter: (index) => before + value(index) + after };
}
