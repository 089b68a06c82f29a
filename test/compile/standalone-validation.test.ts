import { writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { network } from "../support/networks.js";
import { hqAndEast } from "./fixtures.js";
import { project, scnc, snapshot } from "./run-scnc.js";

/** Any schema compilation in this file's module graph throws: ajv's compiler is replaced. */
const COMPILED = "a JSON Schema was compiled at run time";
vi.mock("ajv/dist/2020.js", () => {
  class Ajv2020 {
    constructor() {
      throw new Error(COMPILED);
    }
  }
  return { Ajv2020, default: { Ajv2020 } };
});
vi.mock("ajv", () => {
  class Ajv {
    constructor() {
      throw new Error(COMPILED);
    }
  }
  return { Ajv, default: Ajv };
});

describe("build validates its output with the standalone code generated at build time", () => {
  it("writes and validates every file, and re-reads its manifest, without compiling a schema", async () => {
    const cwd = project(network(hqAndEast));
    expect(await scnc(["build", "net.scn", "-o", "out"], { cwd })).toMatchObject({ code: 0, stderr: "" });
    expect(await scnc(["build", "net.scn", "-o", "out", "--format", "checklist"], { cwd })).toMatchObject({ code: 0, stderr: "" });
    expect(await scnc(["plan", "net.scn", "-o", "out"], { cwd })).toMatchObject({ code: 1, stderr: "" });
    expect(Object.keys(snapshot(path.join(cwd, "out")))).toContain("manifest.json");
  });

  it("would notice a compilation: reading scnc.json, which does compile its schema, fails here", async () => {
    const cwd = project(network(hqAndEast));
    writeFileSync(path.join(cwd, "scnc.json"), "{}\n");
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd, env: { SCNC_DEBUG: "1" } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(COMPILED);
  });
});
