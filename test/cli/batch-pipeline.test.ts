import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CliFailure } from "../../src/cli/failure.js";
import type { CliIo } from "../../src/cli/io.js";
import { eachNetwork, type BatchNetwork, type NetworkOutcome } from "../../src/cli/network-batch.js";
import { runTreeOperations, TreeWriter, type TreeOperation } from "../../src/cli/tree-writer.js";
import { checkText } from "../../src/check.js";
import { compileNetwork } from "../../src/compile/compile.js";
import { renderOutput } from "../../src/compile/output.js";
import { networkText } from "../../bench/networks.js";
import { runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "./workspace.js";

// A batch build starts the next networks while one is still writing (eachNetwork's `ahead`) and
// writes each new tree on a thread of its own (TreeWriter). Neither may change what is printed, in
// what order, or what lands on disk.

function captured(): { io: CliIo; printed: string[] } {
  const printed: string[] = [];
  const io = {
    stdout: { write: (text: string) => printed.push(`out:${text}`) },
    stderr: { write: (text: string) => printed.push(`err:${text}`) },
    cwd: "/",
    env: {},
  } as unknown as CliIo;
  return { io, printed };
}

const networks: BatchNetwork[] = ["a", "b", "c", "d", "e"].map((name) => ({ file: `${name}.scn`, shown: `${name}.scn`, output: name }));
const built: NetworkOutcome = { exitCode: 0, verdict: "built", errors: 0, warnings: 0 };
const tick = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe("eachNetwork with networks run ahead", () => {
  it("prints each network's lines in input order, stdout and stderr interleaved as written, though later ones finish first", async () => {
    const delays: Record<string, number> = { a: 30, b: 1, c: 20, d: 0, e: 5 };
    const one = async (network: BatchNetwork, io: CliIo) => {
      io.stderr.write(`${network.output} starts\n`);
      await tick(delays[network.output] as number);
      if (network.output === "c") throw new CliFailure("c cannot be read");
      io.stdout.write(`${network.output} built\n`);
      return built;
    };
    const sequential = captured();
    const ahead = captured();
    const first = await eachNetwork(networks, sequential.io, one);
    const second = await eachNetwork(networks, ahead.io, one, { ahead: 2 });
    expect(ahead.printed).toEqual(sequential.printed);
    expect(second).toEqual(first);
    expect(second.map((entry) => entry.verdict)).toEqual(["built", "built", "failed", "built", "built"]);
    expect(ahead.printed).toContain("err:scnc: c cannot be read\n");
  });

  it("runs at most `ahead` networks beyond the one being waited for", async () => {
    let running = 0;
    let most = 0;
    await eachNetwork(networks, captured().io, async () => {
      most = Math.max(most, ++running);
      await tick(5);
      running--;
      return built;
    }, { ahead: 2 });
    expect(most).toBe(3);
  });

  it("stops at an internal error, after the networks under way, printing nothing of those after it", async () => {
    const { io, printed } = captured();
    const finished: string[] = [];
    const run = eachNetwork(networks, io, async (network, networkIo) => {
      await tick(network.output === "b" ? 1 : 10);
      if (network.output === "b") throw new Error("a bug");
      networkIo.stdout.write(`${network.output} built\n`);
      finished.push(network.output);
      return built;
    }, { ahead: 2 });
    await expect(run).rejects.toThrow("a bug");
    expect(printed).toEqual(["out:a built\n"]);
    // Nothing still writes once the error is reported: the networks started with b have finished.
    expect(finished.sort()).toEqual(["a", "c", "d"]);
  });
});

const temporary: string[] = [];
afterEach(() => {
  for (const directory of temporary.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe("TreeWriter", () => {
  it("makes the folders and writes the files in order on its thread, with their modes", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "scnc-writer-"));
    temporary.push(root);
    const writer = new TreeWriter();
    try {
      await writer.write([
        { op: "mkdir", path: path.join(root, "offices") },
        { op: "chmod", path: path.join(root, "offices"), mode: 0o700 },
        { op: "write", path: path.join(root, "offices/hq.json"), content: "{}\n", mode: 0o600 },
        { op: "write", path: path.join(root, "manifest.json"), content: "m\n", mode: 0o666 },
      ]);
    } finally {
      await writer.close();
    }
    expect(readFileSync(path.join(root, "offices/hq.json"), "utf8")).toBe("{}\n");
    expect(readFileSync(path.join(root, "manifest.json"), "utf8")).toBe("m\n");
    if (process.platform !== "win32") {
      expect(statSync(path.join(root, "offices")).mode & 0o777).toBe(0o700);
      expect(statSync(path.join(root, "offices/hq.json")).mode & 0o777).toBe(0o600);
    }
  });

  it("gives back the file system's error, with its code, and stops at it", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "scnc-writer-"));
    temporary.push(root);
    writeFileSync(path.join(root, "taken.json"), "mine\n");
    const writer = new TreeWriter();
    try {
      const failed = writer.write([
        { op: "write", path: path.join(root, "taken.json"), content: "scnc\n", mode: 0o666 },
        { op: "mkdir", path: path.join(root, "after") },
      ]);
      await expect(failed).rejects.toMatchObject({ code: "EEXIST" });
      // The writer still takes work after a failed job.
      await writer.write([{ op: "mkdir", path: path.join(root, "later") }]);
    } finally {
      await writer.close();
    }
    expect(readFileSync(path.join(root, "taken.json"), "utf8")).toBe("mine\n");
    expect(() => statSync(path.join(root, "after"))).toThrow();
    expect(statSync(path.join(root, "later")).isDirectory()).toBe(true);
  });

  it("fills a manifest's pending hashes from the files it writes, on its thread and on the calling thread", async () => {
    // A non-ASCII name: the thread fills in the manifest's bytes, which are no longer its characters.
    const text = networkText(3).replace(/network "([^"]*)"/, 'network "$1 ☎ Zürich"');
    const compiled = compileNetwork(checkText(text).network, { password: { env: "VM_PASSWORD" } });
    const options = { format: "json", scncVersion: "0", secretsResolved: false } as const;
    const expected = renderOutput(compiled, options);
    const deferred = renderOutput(compiled, { ...options, deferHashes: true });
    expect(deferred.manifest.hashesPending).toBe(true);
    expect(deferred.manifest.content).not.toBe(expected.manifest.content);
    const operations = (root: string): TreeOperation[] => [
      ...deferred.devices.map((file): TreeOperation => ({ op: "write", path: path.join(root, path.basename(file.path)), content: file.content, mode: 0o666 })),
      { op: "write", path: path.join(root, "manifest.json"), content: deferred.manifest.content, mode: 0o666, hashesOf: deferred.devices.map((_, index) => index) },
    ];
    const threaded = mkdtempSync(path.join(os.tmpdir(), "scnc-writer-"));
    const here = mkdtempSync(path.join(os.tmpdir(), "scnc-writer-"));
    temporary.push(threaded, here);
    const writer = new TreeWriter();
    try {
      await writer.write(operations(threaded));
    } finally {
      await writer.close();
    }
    runTreeOperations(operations(here));
    for (const root of [threaded, here]) expect(readFileSync(path.join(root, "manifest.json"), "utf8")).toBe(expected.manifest.content);
  });

  it("after close, writes on the calling thread", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "scnc-writer-"));
    temporary.push(root);
    const writer = new TreeWriter();
    await writer.close();
    await writer.write([{ op: "mkdir", path: path.join(root, "here") }]);
    expect(statSync(path.join(root, "here")).isDirectory()).toBe(true);
  });
});

describe("batch build through the writer thread", () => {
  it("writes the same trees and prints the same lines as building each network alone", async () => {
    const names = ["n1", "n2", "n3", "n4", "n5"];
    const files = Object.fromEntries(names.map((name, index) => [`nets/${name}.scn`, cleanNetwork.replace("group-id 101", `group-id ${101 + index}`)]));
    const cwd = workspaceWith(files);
    const batch = await runCli(["build", "nets", "-o", "out"], { cwd });
    expect(batch.code, batch.stderr).toBe(0);
    const alone: string[] = [];
    for (const name of names) {
      mkdirSync(path.join(cwd, "single"), { recursive: true });
      const run = await runCli(["build", `nets/${name}.scn`, "-o", `single/${name}`], { cwd });
      expect(run.code, run.stderr).toBe(0);
      alone.push(run.stdout.replace("single/", "out/"));
      for (const file of ["manifest.json", "offices/hq.json"]) {
        expect(readFileSync(path.join(cwd, "out", name, file), "utf8")).toBe(readFileSync(path.join(cwd, "single", name, file), "utf8"));
      }
    }
    expect(batch.stdout).toBe(`${alone.join("")}5 networks: 5 built, 0 with errors, 0 failed (index: out/index.json)\n`);
  });
});
