import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryRoot, runCli } from "../support/cli.js";
import { schemaValidator } from "../support/json-schema.js";

const validateIr = schemaValidator(path.join(repositoryRoot, "schemas/ir.schema.json"));

function scnFilesUnder(directory: string): string[] {
  return readdirSync(path.join(repositoryRoot, directory), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".scn"))
    .map((name) => path.join(directory, name))
    .sort();
}

const examples = scnFilesUnder("examples");

describe("check --emit-ir", () => {
  for (const example of examples) {
    it(`${example}: the IR validates against schemas/ir.schema.json`, async () => {
      const run = await runCli(["check", "--emit-ir", example]);
      const ir = JSON.parse(run.stdout) as { file: string }[];
      expect(validateIr(ir)).toEqual([]);
      // An array even for one file, so scripts need not tell one file from several.
      expect(ir.map((network) => network.file)).toEqual([example]);
    });
  }

  it("prints an array for several files, each entry valid and in input order", async () => {
    const run = await runCli(["check", "--emit-ir", "examples/"]);
    const ir = JSON.parse(run.stdout) as { file: string }[];
    expect(validateIr(ir)).toEqual([]);
    expect(ir.map((network) => network.file)).toEqual(examples);
  });

  it("prints an empty array when no file could be checked", async () => {
    const run = await runCli(["check", "--emit-ir", "missing.scn"]);
    expect([run.code, JSON.parse(run.stdout)]).toEqual([2, []]);
  });

  it("moves diagnostics to stderr so stdout is the IR alone", async () => {
    const run = await runCli(["check", "--emit-ir", "examples/broken/references.scn"]);
    expect(run.code).toBe(1);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toContain("unknown-reference");
  });

  it("never prints a literal password, only that there is one", async () => {
    const directory = path.join(repositoryRoot, "test/ir/fixtures");
    const run = await runCli(["check", "--emit-ir", "literal-password.scn"], { cwd: directory });
    expect(run.stdout).not.toContain("hunter2");
    const ir = JSON.parse(run.stdout) as { voicemailPassword: unknown }[];
    expect(ir[0]?.voicemailPassword).toEqual({ literal: "redacted" });
    expect(validateIr(ir)).toEqual([]);
  });
});

describe("schemas/ir.schema.json", () => {
  const valid = {
    file: "a.scn", irVersion: 1, name: "A", release: "6.0", voicemailPassword: null, offices: [], servers: [], links: [], acceptedFailures: [],
  };

  it("accepts a minimal network", () => {
    expect(validateIr(valid)).toEqual([]);
    expect(validateIr([valid, valid])).toEqual([]);
  });

  it("rejects unknown keys, missing keys and malformed values", () => {
    expect(validateIr({ ...valid, extra: true })).not.toEqual([]);
    const { file: _file, ...withoutFile } = valid;
    expect(validateIr(withoutFile)).not.toEqual([]);
    expect(validateIr({ ...valid, release: "6" })).not.toEqual([]);
    expect(validateIr({ ...valid, voicemailPassword: { literal: "hunter2" } })).not.toEqual([]);
    const office = {
      name: "hq", role: "central", address: "10.0.0.300", release: "6.0", releaseInherited: true, users: null, voicemail: null,
      features: [], licenses: { edition: null, voicemailPorts: null, ums: null, contactStore: null, tts: null }, links: [],
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 3 } },
    };
    expect(validateIr({ ...valid, offices: [office] })).not.toEqual([]);
    expect(validateIr({ ...valid, offices: [{ ...office, address: "fd00::10" }] })).toEqual([]);
  });
});
