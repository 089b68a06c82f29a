// The playground bundles the core for the browser with node:crypto and node:net replaced by the
// shims in playground/src/shims/. A name the core imports that a shim lacks breaks only the
// playground's esbuild bundle, which the browser tests build; these tests catch it without a browser.
import * as nodeCrypto from "node:crypto";
import * as nodeNet from "node:net";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as cryptoShim from "../../playground/src/shims/crypto.js";
import * as netShim from "../../playground/src/shims/net.js";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** The names the core's files outside cli/ (which the playground never bundles) import from a module. */
function namesImportedFrom(module: string): string[] {
  const names = new Set<string>();
  const pattern = new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*"${module}"`, "g");
  for (const file of sourceFiles(path.join(root, "src"))) {
    if (file.includes(`${path.sep}cli${path.sep}`)) continue;
    for (const match of readFileSync(file, "utf8").matchAll(pattern)) {
      for (const name of (match[1] as string).split(",")) if (name.trim()) names.add(name.trim().split(/\s+as\s+/)[0] as string);
    }
  }
  return [...names].sort();
}

describe("the playground's shims of Node modules", () => {
  it("export every name the core imports from node:crypto and node:net", () => {
    const crypto = namesImportedFrom("node:crypto");
    const net = namesImportedFrom("node:net");
    expect(crypto).toContain("hash");
    expect(net).toContain("isIPv6");
    expect(crypto.filter((name) => !(name in cryptoShim))).toEqual([]);
    expect(net.filter((name) => !(name in netShim))).toEqual([]);
  });

  it("hash SHA-256 as Node does, for any text, in one call or in parts", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 90 }), { maxLength: 4 }), (parts) => {
        const text = parts.join("");
        const expected = nodeCrypto.createHash("sha256").update(text).digest("hex");
        expect(cryptoShim.hash("sha256", text, "hex")).toBe(expected);
        const inParts = cryptoShim.createHash("sha256");
        for (const part of parts) inParts.update(part);
        expect(inParts.digest("hex")).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  // Zone indexes ("fe80::1%eth0") never reach isIPv6: src/ir/values.ts refuses them first.
  it("agree with Node on which texts are IPv6 addresses", () => {
    for (const text of ["::1", "fe80::1", "2001:db8::", "1.2.3.4", "::ffff:10.0.0.1", "gggg::", ":", "1::2::3", "::1:2:3:4:5:6:7:8", "fd00::10 "]) {
      expect(netShim.isIPv6(text), text).toBe(nodeNet.isIPv6(text));
    }
  });
});
