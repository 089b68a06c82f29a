import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/compile/json.js";

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
});
