import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { validateManifest, validateOffice, validateServer } from "../../src/compile/generated/validators.js";
import { schemaValidator } from "../support/json-schema.js";
import { renderOutput } from "../../src/compile/output.js";
import { examples, render } from "./examples.js";

const SCHEMA_DIRECTORY = path.resolve(import.meta.dirname, "../../schemas");
const schemaNames = ["office", "server", "manifest"] as const;
const schemas = Object.fromEntries(
  schemaNames.map((name) => [name, JSON.parse(readFileSync(path.join(SCHEMA_DIRECTORY, `${name}.schema.json`), "utf8"))]),
) as Record<(typeof schemaNames)[number], Record<string, unknown>>;

// The schemas compiled afresh, as any consumer would: the tests hold the generated standalone code to them.
const compiled = Object.fromEntries(
  schemaNames.map((name) => [name, schemaValidator(path.join(SCHEMA_DIRECTORY, `${name}.schema.json`))]),
) as Record<(typeof schemaNames)[number], (document: unknown) => string[]>;
const standalone = { office: validateOffice, server: validateServer, manifest: validateManifest };
let lastProblems: string[] = [];

function check(kind: keyof typeof compiled, data: unknown): boolean {
  lastProblems = compiled[kind](data);
  const valid = lastProblems.length === 0;
  expect(standalone[kind](data), "the generated validator disagrees with the schema; rebuild (node scripts/build.mjs)").toBe(valid);
  return valid;
}

const buildable = examples().filter((example) => example.compiled);

describe("every file build writes validates against its schema", () => {
  it("has examples to check", () => {
    expect(buildable.length).toBeGreaterThan(0);
  });

  for (const example of buildable) {
    it(`examples/${example.name}.scn`, () => {
      for (const format of ["json", "checklist"] as const) {
        const output = render(example.compiled!, format);
        if (format === "json") {
          for (const file of output.devices) {
            const kind = file.device!.kind;
            expect(check(kind, JSON.parse(file.content)), `${file.path}: ${lastProblems.join("; ")}`).toBe(true);
          }
        }
        expect(check("manifest", JSON.parse(output.manifest.content)), lastProblems.join("; ")).toBe(true);
      }
    });
  }
});

const GOLDEN_BUILDS = path.resolve(import.meta.dirname, "../golden/build");

// build checks its output against the schemas only with SCNC_VALIDATE_OUTPUT=1 (the tests set it:
// vitest.config.ts, test/support/cli.ts); the guarantee that it never writes a file that breaks
// them is held here, on every file the goldens record and every example compiles to.
describe("every golden build file validates against its schema", () => {
  const files = readdirSync(GOLDEN_BUILDS, { recursive: true, encoding: "utf8" })
    .map((name) => name.split(path.sep).join("/"))
    .filter((name) => name.endsWith(".json"))
    .sort();

  it("has golden JSON files to check, devices and manifests", () => {
    expect(files.some((name) => /\/json\/offices\/[^/]+\.json$/.test(name))).toBe(true);
    expect(files.some((name) => /\/json\/servers\/[^/]+\.json$/.test(name))).toBe(true);
    expect(files.some((name) => /\/checklist\/manifest\.json$/.test(name))).toBe(true);
  });

  for (const name of files) {
    const kind = name.endsWith("/manifest.json") ? "manifest" : /\/offices\/[^/]+\.json$/.test(name) ? "office" : /\/servers\/[^/]+\.json$/.test(name) ? "server" : undefined;
    if (kind === undefined) continue;
    it(name, () => {
      expect(check(kind, JSON.parse(readFileSync(path.join(GOLDEN_BUILDS, name), "utf8"))), lastProblems.join("; ")).toBe(true);
    });
  }
});

describe("renderOutput's own schema check (build runs it with SCNC_VALIDATE_OUTPUT=1)", () => {
  const broken = () => {
    const compiled = buildable[0]!.compiled!;
    const [first, ...rest] = compiled.offices;
    return { ...compiled, offices: [{ ...first!, lines: [{ lineNumber: 3 }] } as unknown as typeof first, ...rest] } as typeof compiled;
  };

  it("refuses a document that breaks its schema when asked to validate, and by default", () => {
    const options = { format: "json", scncVersion: "0.0.0-test", secretsResolved: false } as const;
    expect(() => renderOutput(broken(), { ...options, validate: true })).toThrow(/does not match its schema/);
    expect(() => renderOutput(broken(), options)).toThrow(/does not match its schema/);
    expect(() => renderOutput(broken(), { ...options, validate: false })).not.toThrow();
  });
});

describe("the schemas", () => {
  it("are draft 2020-12 and close every object with unevaluatedProperties: false", () => {
    const open: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${where}/${index}`));
      if (node === null || typeof node !== "object") return;
      const record = node as Record<string, unknown>;
      if (record.type === "object" && record.unevaluatedProperties !== false) open.push(where);
      for (const [key, value] of Object.entries(record)) walk(value, `${where}/${key}`);
    };
    for (const name of schemaNames) {
      expect(schemas[name].$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      walk(schemas[name], name);
    }
    expect(open).toEqual([]);
  });

  const offices = () => render(buildable[0]!.compiled!, "json").devices.filter((file) => file.device?.kind === "office").map((file) => JSON.parse(file.content));
  /** The first office a server connects to (a member has no `security`). */
  const office = () => offices().find((document) => document.role !== "member");

  it("reject a property OUTPUT.md does not define, at any depth", () => {
    expect(check("office", { ...office(), extra: 1 })).toBe(false);
    const nested = office();
    nested.voicemail.extra = 1;
    expect(check("office", nested)).toBe(false);
  });

  it("keep each line type's own fields to it", () => {
    const base = { lineNumber: 17, peer: "a", peerAddress: null, outgoingGroupId: 1 };
    const withLine = (line: object) => ({ ...office(), lines: [line] });
    expect(check("office", withLine({ ...base, lineType: "H.323", supplementaryServices: "IP Office SCN" }))).toBe(true);
    expect(check("office", withLine({ ...base, lineType: "H.323", supplementaryServices: "IP Office SCN", networkingLevel: "SCN" }))).toBe(false);
    expect(check("office", withLine({ ...base, lineType: "IP Office Line", networkingLevel: "SCN" }))).toBe(true);
    expect(check("office", withLine({ ...base, lineType: "IP Office Line", networkingLevel: "SCN", supplementaryServices: "IP Office SCN" }))).toBe(false);
    expect(check("office", withLine({ ...base, lineType: "H.323", supplementaryServices: "IP Office SCN", lineNumber: 16 }))).toBe(false);
  });

  it("require security on the offices a server connects to, and forbid it on a member", () => {
    const member = offices().find((document) => document.role === "member");
    expect(check("office", member)).toBe(true);
    expect(check("office", { ...member, security: { voicemailPassword: null } })).toBe(false);
    const { security: _omitted, ...central } = office();
    expect(check("office", central)).toBe(false);
  });

  it("accept each form of password and nothing else", () => {
    const withPassword = (voicemailPassword: unknown) => ({ ...office(), security: { voicemailPassword } });
    for (const good of [null, "value", { env: "NAME" }, { literal: "redacted" }]) expect(check("office", withPassword(good))).toBe(true);
    for (const bad of ["", { env: "1X" }, { literal: "value" }, { env: "A", literal: "redacted" }]) expect(check("office", withPassword(bad))).toBe(false);
  });

  it("allow only device files in a manifest, so build never deletes anything else", () => {
    const manifest = JSON.parse(render(buildable[0]!.compiled!, "json").manifest.content);
    const sha256 = "0".repeat(64);
    for (const bad of ["../etc/passwd", "offices/../../x.json", "/tmp/x.json", "offices/a/b.json", "notes.txt", "offices/hq.txt"]) {
      expect(check("manifest", { ...manifest, files: [{ path: bad, sha256 }] }), bad).toBe(false);
    }
    expect(check("manifest", { ...manifest, files: [{ path: "servers/vm-hq.md", sha256 }] })).toBe(true);
  });
});
