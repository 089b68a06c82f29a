import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { compiledDevices, compileNetwork } from "../../src/compile/compile.js";
import { devicePath, renderOutput } from "../../src/compile/output.js";
import { repositoryRoot } from "../support/cli.js";
import { compileText } from "./compile-text.js";

// build and plan learn what they will write from compiledDevices(), without compiling; it must
// name exactly the files renderOutput() writes. The checklist steps are computed when first read.
const examples = readdirSync(path.join(repositoryRoot, "examples")).filter((name) => name.endsWith(".scn"));

describe("compiledDevices", () => {
  it.each(examples)("names exactly the devices build writes for examples/%s, in both formats", (name) => {
    const { network } = checkText(readFileSync(path.join(repositoryRoot, "examples", name), "utf8"));
    const compiled = compileNetwork(network, { password: null });
    for (const format of ["json", "checklist"] as const) {
      const written = renderOutput(compiled, { format, scncVersion: "0", secretsResolved: false }).devices.map((file) => file.path);
      expect(compiledDevices(network).map((device) => devicePath(device, format)).sort()).toEqual([...written].sort());
    }
  });

  it("leaves a duplicate declaration out, as the compiler does", () => {
    const { network } = checkText('network "N" { office a { } office a { } server s { } }');
    expect(compiledDevices(network)).toEqual([{ kind: "office", name: "a" }, { kind: "server", name: "s" }]);
  });
});

describe("checklist steps", () => {
  it("are computed once, when first read, and are the same object after", () => {
    const compiled = compileText(readFileSync(path.join(repositoryRoot, "examples/r11-ip-office-lines.scn"), "utf8"));
    const first = compiled.steps;
    expect(first.length).toBe(compiled.offices.length + compiled.servers.length);
    expect(compiled.steps).toBe(first);
  });
});
