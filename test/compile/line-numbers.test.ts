import { describe, expect, it } from "vitest";
import { assignLineNumbers, existingLineNumbers } from "../../src/compile/line-numbers.js";

const numbers = (table: Record<string, number>) => new Map(Object.entries(table));

describe("assignLineNumbers", () => {
  it("numbers a first build's lines from 17 in declaration order", () => {
    expect(assignLineNumbers(["a", "b", "c"], undefined)).toEqual([17, 18, 19]);
  });

  it("keeps every surviving line's number when a link is deleted or the links are reordered", () => {
    const previous = numbers({ a: 17, b: 18, c: 19 });
    expect(assignLineNumbers(["b", "c"], previous)).toEqual([18, 19]);
    expect(assignLineNumbers(["c", "a", "b"], previous)).toEqual([19, 17, 18]);
  });

  it("gives a new line the lowest free number from 17, wherever it is declared", () => {
    expect(assignLineNumbers(["d", "b", "c"], numbers({ b: 18, c: 19 }))).toEqual([17, 18, 19]);
    expect(assignLineNumbers(["b", "d", "e"], numbers({ b: 18 }))).toEqual([18, 17, 19]);
  });

  it("keeps a number once when the same peer is named twice", () => {
    expect(assignLineNumbers(["a", "a"], numbers({ a: 18 }))).toEqual([18, 17]);
  });
});

describe("existingLineNumbers", () => {
  const manifest = (extra: object) => JSON.stringify({ manifestVersion: 1, files: [], ...extra });

  it("reads the manifest's table", () => {
    const found = existingLineNumbers({ manifestText: manifest({ lineNumbers: { hq: { east: 18 } } }), ownedPaths: [], files: new Map() });
    expect([...found].map(([office, peers]) => [office, [...peers]])).toEqual([["hq", [["east", 18]]]]);
  });

  it("falls back to the office files of a manifest without one, and ignores what is not a line number", () => {
    const office = JSON.stringify({ kind: "office", name: "hq", lines: [{ lineNumber: 19, peer: "east" }, { lineNumber: 3, peer: "west" }] });
    const found = existingLineNumbers({ manifestText: manifest({}), ownedPaths: ["offices/hq.json"], files: new Map([["offices/hq.json", office]]) });
    expect([...found].map(([name, peers]) => [name, [...peers]])).toEqual([["hq", [["east", 19]]]]);
  });

  it("finds none in a new directory or unreadable files", () => {
    expect(existingLineNumbers({ ownedPaths: [], files: new Map() }).size).toBe(0);
    expect(existingLineNumbers({ manifestText: "{", ownedPaths: [], files: new Map([["offices/hq.json", "{"]]) }).size).toBe(0);
  });
});
