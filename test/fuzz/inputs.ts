import fc from "fast-check";
import { rules } from "../../src/rules/index.js";
import type { SeveritySetting } from "../../src/rules/run.js";
import { decoded, mutatedExample, mutateBytes, byteMutation } from "../support/arbitraries/byte-mutations.js";
import { layouts, writeLayout, type Layout } from "../support/arbitraries/layout.js";
import { applyMutations, mutation, nearValidNetwork } from "../support/arbitraries/near-valid.js";
import { networkTree } from "../support/arbitraries/network-tree.js";
import { networkModel, type NetworkModel } from "../support/arbitraries/realistic-network.js";
import { scnFile, tidyFile } from "../support/arbitraries/syntactic-network.js";
import { networkSoup, tokenSoup } from "../support/arbitraries/token-soup.js";
import type { Severities } from "./invariants/front-end.js";

/**
 * What the fuzz properties feed the checker: texts from every generator, each tagged with where it
 * came from and how it was made, so a counterexample can be read and turned into a test.
 */

export interface TextInput {
  /** The generator: valid, near-valid, syntactic, example-bytes, valid-bytes, string, soup. */
  readonly source: string;
  readonly text: string;
  /** How it was made: the mistakes, mutations or layout. */
  readonly how?: unknown;
}

export interface BytesInput extends TextInput {
  readonly bytes: Buffer;
}

export const validText: fc.Arbitrary<TextInput & { readonly model: NetworkModel; readonly layout: Layout }> = fc.tuple(networkModel, layouts({ suppressions: false }))
  .map(([model, layout]) => ({ source: "valid", text: writeLayout(networkTree(model), layout).text, how: layout, model, layout }));

export const nearValidText: fc.Arbitrary<TextInput> = fc.tuple(nearValidNetwork(3), layouts())
  .map(([mutated, layout]) => ({ source: "near-valid", text: writeLayout(mutated.tree, layout).text, how: { changes: mutated.changes, layout } }));

/** One mistake, written without suppression comments: whatever must be reported is reported. */
export const singleMistake = fc.tuple(networkModel, mutation, layouts({ suppressions: false })).map(([model, change, layout]) => {
  const mutated = applyMutations(networkTree(model), [change]);
  return { source: "near-valid", text: writeLayout(mutated.tree, layout).text, how: { changes: mutated.changes, layout }, expected: mutated.expected };
});

export const exampleBytes: fc.Arbitrary<BytesInput> = mutatedExample(6)
  .map((file) => ({ source: "example-bytes", text: decoded(file.bytes), bytes: file.bytes, how: { example: file.example, mutations: file.mutations } }));

/** A valid generated network, damaged byte by byte. */
export const validBytes: fc.Arbitrary<BytesInput> = fc.tuple(validText, fc.array(byteMutation, { minLength: 1, maxLength: 4 })).map(([input, mutations]) => {
  const bytes = mutateBytes(Buffer.from(input.text, "utf8"), mutations);
  return { source: "valid-bytes", text: decoded(bytes), bytes, how: { layout: input.layout, mutations } };
});

const syntacticText: fc.Arbitrary<TextInput> = fc.oneof(
  scnFile.map((file) => ({ source: "syntactic", text: file.text })),
  tidyFile.map((text) => ({ source: "syntactic", text })),
);

const randomText: fc.Arbitrary<TextInput> = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }).map((text) => ({ source: "string", text })),
  fc.string({ unit: "binary", maxLength: 200 }).map((text) => ({ source: "string", text })),
  fc.oneof(tokenSoup, networkSoup).map((text) => ({ source: "soup", text })),
);

/** Every generator, weighted toward the grammar-aware ones. */
export const anyText: fc.Arbitrary<TextInput> = fc.oneof(
  { weight: 3, arbitrary: validText },
  { weight: 5, arbitrary: nearValidText },
  { weight: 2, arbitrary: syntacticText },
  { weight: 3, arbitrary: exampleBytes },
  { weight: 2, arbitrary: validBytes },
  { weight: 1, arbitrary: randomText },
);

/** Texts that formatting can work on: anything but random strings. */
export const formattableText: fc.Arbitrary<TextInput> = fc.oneof(validText, nearValidText, syntacticText, exampleBytes);

/** Files for the command line: damaged examples and networks, and near-valid networks, as bytes. */
export const anyFile: fc.Arbitrary<BytesInput> = fc.oneof(
  exampleBytes,
  validBytes,
  nearValidText.map((input) => ({ ...input, bytes: Buffer.from(input.text, "utf8") })),
  validText.map((input) => ({ ...input, bytes: Buffer.from(input.text, "utf8") })),
);

const SETTINGS: readonly SeveritySetting[] = ["error", "warning", "info", "off"];

/** scnc.json's rules: usually none, sometimes a few rules changed or turned off. */
export const severities: fc.Arbitrary<Severities> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...rules.map((rule) => rule.id)), fc.constantFrom(...SETTINGS)), { maxLength: 8 }).map((entries) => Object.fromEntries(entries)) },
);

/** How the password is written: right, or in one of the ways the parser must recover from without
 * quoting it back (issue 17.4). `$` stands for the password. */
const passwordForms: Record<string, string> = {
  quoted: '"$"',
  unquoted: "$",
  "closing quote only": '$"',
  "second string": '"x" "$"',
  "second word": '"x" $',
  "next line": "\n  $",
  "misspelt key": '"$"',
  "after the variable": 'env "VM" $',
};

/** A near-valid network whose password is written in the file, in one of passwordForms. */
export const textWithPassword: fc.Arbitrary<TextInput & { readonly password: string }> = fc.tuple(
  networkModel,
  fc.stringMatching(/^[A-Za-z0-9!#%&*+=?@^_~-]{4,24}$/),
  fc.array(mutation, { maxLength: 2 }),
  layouts(),
  fc.constantFrom(...Object.keys(passwordForms)),
).map(([model, secret, mutations, layout, form]) => {
  const password = `Pw-${secret}`;
  const mutated = applyMutations(networkTree({ ...model, password: { kind: "literal", value: password } }), mutations);
  const written = writeLayout(mutated.tree, layout).text.replace(`"${password}"`, () => (passwordForms[form] as string).replace("$", password));
  const text = form === "misspelt key" ? written.replace("voicemail-password", "voicemail-pasword") : written;
  return { source: "near-valid", text, how: { changes: mutated.changes, layout, form }, password };
});

/** scnc.json texts: valid ones, near misses (a misspelt id or setting, a wrong type), any JSON,
 * and any of those damaged byte by byte. */
export const configText: fc.Arbitrary<TextInput> = fc.oneof(
  fc.tuple(severities, fc.boolean()).map(([rules, schema]) => JSON.stringify({ ...(schema ? { $schema: "./schemas/config.schema.json" } : {}), rules }, null, 2)),
  fc.tuple(fc.constantFrom(...rules.map((rule) => rule.id)), fc.string({ maxLength: 3 }), fc.constantFrom<unknown>("error", "warn", "Off", 1, null, true, ["off"], {}))
    .map(([id, typo, setting]) => JSON.stringify({ rules: { [id + typo]: setting } })),
  fc.json(),
  fc.constantFrom("", "{", "[]", "null", '"rules"', "\uFEFF{}", '{"rules": []}', '{"rules": {"__proto__": "off"}}', '{"constructor": {}}', '{"rules": {"toString": "off"}}'),
).chain((text) => fc.oneof(
  fc.constant({ source: "config", text }),
  fc.array(byteMutation, { minLength: 1, maxLength: 3 }).map((mutations) => ({ source: "config-bytes", text: decoded(mutateBytes(Buffer.from(text, "utf8"), mutations)), how: { original: text, mutations } })),
));

/** What a line, a run or a nesting is made of: tabs (a frame once copied the whole line to turn
 * them into spaces), errors on every item (a frame per diagnostic), passwords (masked runs). */
const longLinePieces = ["office o{} { users x }\t", "office o{} { address 10.0.0.{} }\t", 'server s{} { mail-domain "x" }\t', "link a{} -- b{}\t", "voicemail-password Pw{}\t", "@#\t"];

/**
 * A run of `count` comments. Block comments go 100 to a line: Prettier's comment attachment takes
 * time quadratic in the number of comments in a row on one line (its isOwnLineComment and
 * isEndOfLineComment scan back and forth over them, prettier/prettier#9672), so 20,000 on one line
 * took 190 s to format, far past the linear bound; the limit is Prettier's, and docs/fuzzing.md
 * says so under "What is left".
 */
function commentRun(count: number, comment: string): string {
  return Array.from({ length: count }, (_, index) => comment.replace("{}", String(index)) + (!comment.endsWith("\n") && index % 100 === 99 ? "\n" : "")).join("");
}

/**
 * Inputs of a size no real network has (issue 17 item 6): one line of up to ~400 kB, a valid
 * network joined onto one line, up to 20,000 comments after the closing brace or between items,
 * and deep nesting (braces, blocks in blocks, unclosed blocks and strings).
 */
export const largeText: fc.Arbitrary<TextInput> = fc.oneof(
  fc.tuple(fc.constantFrom(...longLinePieces), fc.integer({ min: 1000, max: 16_000 })).map(([piece, count]) => ({
    source: "long-line", how: { piece, count },
    text: `network "N" {\t${Array.from({ length: count }, (_, index) => piece.replaceAll("{}", String(index % 250))).join("")}}\n`,
  })),
  fc.tuple(validText, fc.integer({ min: 20, max: 400 })).map(([input, copies]) => ({
    source: "long-line", how: { valid: input.layout, copies },
    text: Array.from({ length: copies }, () => input.text.replace(/\s*\/\/[^\n]*/g, "").replace(/\n\s*/g, " ")).join(" ") + "\n",
  })),
  fc.tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom("// c{}\n", "/* c{} */\n", "/* c{} */ ", "// c{}\n\n")).map(([count, comment]) => ({
    source: "comment-run", how: { count, comment },
    text: `network "N" {\n  release 6.0\n}\n${commentRun(count, comment)}`,
  })),
  fc.tuple(fc.integer({ min: 1000, max: 20_000 }), fc.constantFrom("// c{}\n", "/* c{} */ ")).map(([count, comment]) => ({
    source: "comment-run", how: { count, comment, inside: true },
    text: `network "N" {\n  release 6.0\n  office hq {\n${commentRun(count, comment)}  }\n}\n`,
  })),
  fc.tuple(fc.integer({ min: 1000, max: 50_000 }), fc.constantFrom("{", "{ ", "office a { ", "licenses { ", "network \"n\" { ", "\"", "/*", "-- ")).map(([depth, opening]) => ({
    source: "deep-nesting", how: { depth, opening },
    text: `network "N" {\n${opening.repeat(depth)}\n${"}".repeat(depth)}\n`,
  })),
);

/** Bytes a broken or hostile editor might send before well-formed messages: header fragments with
 * odd lengths and line ends, JSON fragments, control bytes and random bytes, in any order. */
export const lspGarbage: fc.Arbitrary<Uint8Array> = fc.array(fc.oneof(
  fc.integer({ min: -5, max: 400 }).map((length) => `Content-Length: ${length}`),
  fc.constantFrom("\r\n", "\n", "\r\n\r\n", "\n\n", "\r", "Content-Length: abc", "Content-Length:", "Content-Type: x", ": ", "Content-Length: 99999999999", '{"jsonrpc":"2.0","id":1,"method":"initialize"}', "{not json", "\u0000", "\u001b[2J"),
  fc.string({ unit: "binary", maxLength: 12 }),
).map((piece) => Buffer.from(piece, "utf8")), { maxLength: 8 }).chain((pieces) => fc.oneof(
  fc.constant(Buffer.concat(pieces)),
  fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.concat([...pieces, bytes])),
));
