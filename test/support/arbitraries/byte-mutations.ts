import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Byte-level mutations of real files: spans deleted, inserted, replaced, duplicated or moved, bits
 * flipped, line ends turned into CRLF, a byte order mark added, invalid UTF-8 sequences put in. They
 * model damaged files, bad merges and editors with other habits, and reach the reader (UTF-8, NUL,
 * BOM checks) as well as the lexer.
 */

const examplesDirectory = path.resolve(import.meta.dirname, "../../../examples");

/** Every .scn under examples/ (whoever added it), sorted by path. */
export const exampleFiles: readonly { readonly name: string; readonly bytes: Buffer }[] = readdirSync(examplesDirectory, { recursive: true, encoding: "utf8" })
  .filter((name) => name.endsWith(".scn"))
  .sort()
  .map((name) => ({ name, bytes: readFileSync(path.join(examplesDirectory, name)) }));

/** Byte sequences that are not UTF-8: a stray continuation byte, overlong forms, a truncated
 * sequence, an encoded surrogate, a code point above U+10FFFF, bytes that never occur. */
const INVALID_UTF8 = [[0x80], [0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xfe, 0xfe]];

export type ByteMutation =
  | { readonly kind: "delete"; readonly at: number; readonly length: number }
  | { readonly kind: "insert"; readonly at: number; readonly bytes: readonly number[] }
  | { readonly kind: "replace"; readonly at: number; readonly length: number; readonly bytes: readonly number[] }
  | { readonly kind: "flip"; readonly at: number; readonly bit: number }
  | { readonly kind: "duplicate"; readonly at: number; readonly length: number; readonly to: number }
  | { readonly kind: "splice"; readonly at: number; readonly length: number; readonly from: number; readonly source: number }
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "crlf" }
  | { readonly kind: "bom" }
  | { readonly kind: "invalid-utf8"; readonly at: number; readonly sequence: number };

const bytes = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 8 });
/** Bytes people type, mostly: ASCII punctuation, letters, digits and whitespace. */
const printable = fc.array(fc.integer({ min: 9, max: 126 }), { minLength: 1, maxLength: 12 });

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), bytes: fc.oneof(bytes, printable) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }), bytes: fc.oneof(bytes, printable) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }), to: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("splice" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }), from: fc.nat(), source: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constantFrom({ kind: "crlf" as const }, { kind: "bom" as const }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("invalid-utf8" as const), at: fc.nat(), sequence: fc.nat(INVALID_UTF8.length - 1) }) },
);

function spliceIn(original: Buffer, at: number, removed: number, inserted: Uint8Array): Buffer {
  return Buffer.concat([original.subarray(0, at), inserted, original.subarray(at + removed)]);
}

/** The bytes after each mutation in turn; positions wrap around the current length. */
export function mutateBytes(original: Uint8Array, mutations: readonly ByteMutation[]): Buffer {
  let current: Buffer = Buffer.from(original);
  for (const change of mutations) {
    const at = "at" in change ? change.at % (current.length + 1) : 0;
    switch (change.kind) {
      case "delete": current = spliceIn(current, at, change.length, Buffer.alloc(0)); break;
      case "insert": current = spliceIn(current, at, 0, Buffer.from(change.bytes)); break;
      case "replace": current = spliceIn(current, at, change.length, Buffer.from(change.bytes)); break;
      case "flip":
        if (at < current.length) current[at] = (current[at] as number) ^ (1 << change.bit);
        break;
      case "duplicate": current = spliceIn(current, change.to % (current.length + 1), 0, current.subarray(at, at + change.length)); break;
      case "splice": {
        const source = (exampleFiles[change.source % exampleFiles.length] as { bytes: Buffer }).bytes;
        const from = change.from % (source.length + 1);
        current = spliceIn(current, at, 0, source.subarray(from, from + change.length));
        break;
      }
      case "truncate": current = current.subarray(0, at); break;
      case "crlf": current = Buffer.from(current.toString("latin1").replace(/\r?\n/g, "\r\n"), "latin1"); break;
      case "bom": current = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), current]); break;
      case "invalid-utf8": current = spliceIn(current, at, 0, Buffer.from(INVALID_UTF8[change.sequence] as number[])); break;
    }
  }
  return current;
}

export interface MutatedFile {
  /** Which example was mutated (a path under examples/). */
  readonly example: string;
  readonly mutations: readonly ByteMutation[];
  readonly bytes: Buffer;
}

/** An example file after one to `maxMutations` byte mutations. */
export function mutatedExample(maxMutations = 6): fc.Arbitrary<MutatedFile> {
  return fc.tuple(fc.nat(exampleFiles.length - 1), fc.array(byteMutation, { minLength: 1, maxLength: maxMutations })).map(([index, mutations]) => {
    const example = exampleFiles[index] as { name: string; bytes: Buffer };
    return { example: example.name, mutations, bytes: mutateBytes(example.bytes, mutations) };
  });
}

/** Bytes as an editor holds them: UTF-8 decoded, invalid sequences as U+FFFD, a byte order mark
 * kept (the lexer skips it; the CLI's reader refuses invalid UTF-8 and drops the mark itself). */
export function decoded(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("utf8");
}
