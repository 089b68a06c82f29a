// The measuring half of bench/throughput.ts, run bundled (bench/bundle.ts) in a child process with
// --expose-gc, in the repository root. Prints one JSON object: per round, the wall time of each
// pass over all networks.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { Ajv2020 } from "ajv/dist/2020.js";
import * as addFormatsNs from "ajv-formats";
import { checkText } from "../src/check.js";
import { serializeNetwork } from "../src/ir/serialize.js";
import { LineIndex } from "../src/language/line-index.js";
import { parse } from "../src/language/parse.js";
import { networkText } from "./networks.js";

export interface ThroughputRounds {
  readonly networks: number;
  readonly textBytes: number;
  readonly jsonBytes: number;
  readonly diagnostics: number;
  /** Milliseconds per round: checkText of every network. */
  readonly check: number[];
  /** Milliseconds per round: parse alone (lexer, parser, syntax tree), for the breakdown. */
  readonly parse: number[];
  /** Milliseconds per round: JSON.parse + schema validation of every network's IR as JSON. */
  readonly baseline: number[];
}

const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function timed(pass: () => void): number {
  collectGarbage(); // each pass pays for its own garbage, not for the previous pass's
  const started = performance.now();
  pass();
  return performance.now() - started;
}

function measure(networks: number, rounds: number): ThroughputRounds {
  const texts = Array.from({ length: networks }, (_, seed) => networkText(seed));
  // The baseline's input: the same networks as `check --emit-ir` describes them, compact JSON.
  const documents = texts.map((text, seed) =>
    JSON.stringify({ file: `networks/${seed}.scn`, ...serializeNetwork(checkText(text).network, new LineIndex(text)) }));
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  (addFormatsNs.default as unknown as (instance: Ajv2020) => void)(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync("schemas/ir.schema.json", "utf8")) as object);

  let diagnostics = 0;
  let invalid = 0;
  const checkAll = (): void => {
    diagnostics = 0;
    for (const text of texts) diagnostics += checkText(text).diagnostics.length;
  };
  const parseAll = (): void => {
    for (const text of texts) parse(text);
  };
  const validateAll = (): void => {
    invalid = 0;
    for (const document of documents) if (!validate(JSON.parse(document))) invalid++;
  };
  // Warm-up: every pass once, so all three run optimized code when measured.
  checkAll();
  parseAll();
  validateAll();
  if (invalid > 0) throw new Error(`${invalid} IR documents do not validate against schemas/ir.schema.json`);

  const result = { check: [] as number[], parse: [] as number[], baseline: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    // Alternate the order, so drift on a busy machine hits every pass alike.
    const order = round % 2 === 0 ? (["check", "parse", "baseline"] as const) : (["baseline", "parse", "check"] as const);
    for (const pass of order) result[pass].push(timed(pass === "check" ? checkAll : pass === "parse" ? parseAll : validateAll));
  }
  return {
    networks,
    textBytes: texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0),
    jsonBytes: documents.reduce((sum, document) => sum + Buffer.byteLength(document), 0),
    diagnostics,
    ...result,
  };
}

const [networks, rounds] = process.argv.slice(2).map(Number);
process.stdout.write(JSON.stringify(measure(networks ?? 1000, rounds ?? 15)));
