import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { hqAndEast } from "./fixtures.js";
import { BIN, project } from "./run-scnc.js";

const require = createRequire(import.meta.url);

/**
 * ajv compiles a schema by generating a function with `new Function`; standalone code generated at
 * build time does not. The shipped binary runs with `Function` made to throw, so any schema
 * compilation on the way fails the command.
 */
const TRAP = `globalThis.Function = new Proxy(globalThis.Function, {
  construct() { throw new Error("compiled code at run time"); },
  apply() { throw new Error("compiled code at run time"); },
});
`;

function trapped(cwd: string, args: readonly string[]) {
  writeFileSync(path.join(cwd, "trap.mjs"), TRAP);
  const run = spawnSync(process.execPath, ["--import", "./trap.mjs", BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("build validates its output with the standalone code generated at build time", () => {
  it("writes and validates every file, and reads its manifest back, without compiling a schema", () => {
    const cwd = project(network(hqAndEast));
    expect(trapped(cwd, ["build", "net.scn", "-o", "out"])).toMatchObject({ code: 0, stderr: "" });
    expect(trapped(cwd, ["plan", "net.scn", "-o", "out"])).toMatchObject({ code: 0, stderr: "" });
    expect(trapped(cwd, ["build", "net.scn", "-o", "out", "--format", "checklist"])).toMatchObject({ code: 0, stderr: "" });
  });

  it("validates scnc.json the same way", () => {
    const cwd = project(network(hqAndEast));
    writeFileSync(path.join(cwd, "scnc.json"), '{"rules": {"group-id-default": "off"}}\n');
    expect(trapped(cwd, ["build", "net.scn", "-o", "out"])).toMatchObject({ code: 0, stderr: "" });
    writeFileSync(path.join(cwd, "scnc.json"), '{"rules": {"group-id-default": "loud"}}\n');
    const refused = trapped(cwd, ["check", "net.scn"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"rules" → "group-id-default" is "loud"');
    expect(refused.stderr).not.toContain("compiled code at run time");
  });

  it("would notice a compilation: ajv compiling a schema fails under the trap", () => {
    const cwd = project(network(hqAndEast));
    writeFileSync(path.join(cwd, "trap.mjs"), TRAP);
    const compile = `const { Ajv2020 } = require(${JSON.stringify(require.resolve("ajv/dist/2020.js"))}); new Ajv2020().compile({ type: "object" });`;
    const run = spawnSync(process.execPath, ["--import", "./trap.mjs", "-e", compile], { cwd, encoding: "utf8" });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain("compiled code at run time");
  });
});
