import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { networkText } from "../../bench/networks.js";
import { checkText } from "../../src/check.js";
import { compileNetwork } from "../../src/compile/compile.js";
import { canonicalJson, isCanonical } from "../../src/compile/json.js";
import { manifestDocument } from "../../src/compile/output.js";
import { examples, render } from "./examples.js";

/** canonicalJson as it was before documents were printed without a copy: every object re-created
 * with sorted keys, then JSON.stringify. The new one must give the same bytes for every value. */
function copiedWithSortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copiedWithSortedKeys);
  if (value === null || typeof value !== "object") return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = copiedWithSortedKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

function reference(value: unknown): string {
  return JSON.stringify(copiedWithSortedKeys(value), null, 2) + "\n";
}

/** Keys as documents and hostile inputs have them: names, digits ("10" before "9" by code units,
 * after it as an array index), `__proto__`, odd characters. */
const keys = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom("a", "b", "B", "ä", "0", "1", "9", "10", "01", "-1", "4294967295", "__proto__", "toString", ""),
);
const values = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -0, 1.5, Number.NaN, Infinity, undefined),
    fc.string(),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(keys, tie("value"), { maxKeys: 5 })),
})).value;

describe("canonicalJson", () => {
  it("sorts object keys at every depth, keeps array order, indents by 2 and ends with a newline", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } }))
      .toBe('{\n  "a": {\n    "c": null,\n    "d": [\n      3,\n      {\n        "y": 2,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n');
  });

  it("sorts by code units, not by locale (upper case before lower case)", () => {
    expect(Object.keys(JSON.parse(canonicalJson({ b: 1, B: 2, a: 3, "ä": 4 })))).toEqual(["B", "a", "b", "ä"]);
  });

  it("leaves out undefined members, as JSON does", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{\n  "b": 1\n}\n');
  });

  it("gives the bytes of the sorted copy for any value, in order or not", () => {
    fc.assert(fc.property(values, (value) => {
      expect(canonicalJson(value)).toBe(reference(value));
      // The same value built in sorted order takes the path without a copy, and prints the same.
      const sorted = copiedWithSortedKeys(value);
      expect(canonicalJson(sorted)).toBe(reference(value));
    }), { numRuns: 2_000 });
  });

  it("copies what JSON.stringify would print otherwise: index keys, __proto__, dates, maps, inherited keys", () => {
    const inherited = Object.create({ z: 1 }) as Record<string, unknown>;
    inherited.a = 2;
    const hostile: unknown[] = [
      { 10: "x", 9: "y" }, { a: 1, 2: 3 }, JSON.parse('{"__proto__": {"a": 1}, "b": 2}'),
      { when: new Date(0) }, { map: new Map([["a", 1]]) }, inherited, [new String("ab")], Object.create(null),
    ];
    for (const value of hostile) expect(canonicalJson(value)).toBe(reference(value));
    expect(isCanonical({ 10: "x", 9: "y" })).toBe(false);
    expect(isCanonical(JSON.parse('{"__proto__": 1}'))).toBe(false);
    expect(isCanonical({ when: new Date(0) })).toBe(false);
  });
});

describe("the compiler's documents", () => {
  // Built with their keys in order, they are printed without a copy; a key added out of order
  // would still print right, only slower, so this test is what notices.
  const compiled = [
    ...examples().flatMap((example) => (example.compiled ? [example.compiled] : [])),
    ...[0, 1, 2, 3].map((seed) => compileNetwork(checkText(networkText(seed)).network, { password: { env: "VM_PASSWORD" } })),
  ];

  it.each(compiled.map((network) => [network.network, network] as const))("%s: every document and the manifest are in canonical key order", (_, network) => {
    for (const document of [...network.offices, ...network.servers]) expect(isCanonical(document), `${document.kind} '${document.name}'`).toBe(true);
    const options = { format: "json", scncVersion: "0.0.0-test", secretsResolved: false } as const;
    expect(isCanonical(manifestDocument(network, render(network, "json").devices, options))).toBe(true);
  });

  it("cover the optional keys: security, H.323 and resilient lines, failback timeout, sync, forwarding", () => {
    const printed = compiled.flatMap((network) => render(network, "json").devices.map((file) => file.content)).join("");
    for (const key of ["security", "supplementaryServices", "scnResiliency", "failbackTimeoutMinutes", "sync", "forwardsMessagesTo"]) {
      expect(printed, key).toContain(`"${key}": `);
    }
  });
});
