import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { manualInterrupts } from "../../src/cli/interrupt.js";
import { network } from "../support/networks.js";
import { scnc, snapshot, spawnUntil, workspace } from "./run-scnc.js";

const version = (address: string) => network({
  servers: [`server vm-hq { role central address ${address} }`],
  offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }"],
});

describe("a build killed mid-way", () => {
  it("leaves the old directory whole, and the next build cleans up after it", async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.10"));
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "out/README.md"), "kept\n");
    const before = snapshot(path.join(cwd, "out"));

    writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.20"));
    const build = spawnUntil(["build", "net.scn", "-o", "out"], { cwd, env: { SCNC_TEST_PAUSE_BEFORE_RENAME_MS: "60000" } }, "paused before rename");
    await build.reached;
    // The new tree is complete beside the directory; kill the build before it renames anything.
    expect(readdirSync(cwd).filter((name) => name.startsWith(".out.scnc-new-"))).toHaveLength(1);
    build.child.kill("SIGKILL");
    expect(await build.exited).toBe("SIGKILL");
    expect(snapshot(path.join(cwd, "out"))).toEqual(before);

    const next = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(next.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(["net.scn", "out"]);
    const after = snapshot(path.join(cwd, "out"));
    expect(after["servers/vm-hq.json"]?.content).toContain("10.0.0.20");
    expect(after["README.md"]).toEqual(before["README.md"]);
  });
});

/** Names beside a directory that only a build under way (or killed) leaves: its lock, new and old trees. */
function leftovers(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.includes(".scnc-"));
}

/** Whether `directory` holds a whole build: every file its manifest lists, with the listed hash. */
function wholeBuild(directory: string): boolean {
  const manifest = JSON.parse(readFileSync(path.join(directory, "manifest.json"), "utf8")) as { files: { path: string; sha256: string }[] };
  return manifest.files.length > 0 && manifest.files.every((file) => {
    const bytes = readFileSync(path.join(directory, file.path));
    return createHash("sha256").update(bytes).digest("hex") === file.sha256;
  });
}

describe("Ctrl-C during a build", () => {
  const secret = network({
    servers: ["server vm-hq { role central address 10.0.0.10 }"],
    offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }"],
    properties: ['voicemail-password env "VM_PW"'],
  });

  it("stops before the swap: the new tree (with its password) is deleted, the lock released, the old directory kept; exit 130", async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.10"));
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    const before = snapshot(path.join(cwd, "out"));

    writeFileSync(path.join(cwd, "net.scn"), secret);
    const interrupts = manualInterrupts();
    let stagingSeen: string[] = [];
    const run = await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], {
      cwd,
      env: { SCNC_TEST_PAUSE_BEFORE_RENAME_MS: "60000", VM_PW: "hunter2-secret" },
      interrupts,
      onWrite: (stream, text) => {
        if (stream !== "stderr" || !text.includes("paused before rename")) return;
        stagingSeen = leftovers(cwd);
        interrupts.request("SIGINT");
      },
    });
    expect(stagingSeen.some((name) => name.startsWith(".out.scnc-new-"))).toBe(true);
    expect(run.code).toBe(130);
    expect(run.stderr).toContain("scnc: interrupted (SIGINT); out was left as it was\n");
    expect(leftovers(cwd)).toEqual([]);
    expect(snapshot(path.join(cwd, "out"))).toEqual(before);
    // Nothing for the next build to recover: it builds at once.
    const next = await scnc(["build", "net.scn", "-o", "out", "--resolve-secrets"], { cwd, env: { VM_PW: "hunter2-secret" } });
    expect(next.code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual(["net.scn", "out"]);
  });

  it("in a batch, finishes no network half-way, starts no other, keeps the old index, and exits 128 + the signal", async () => {
    const cwd = workspace();
    const names = ["a", "b", "c", "d", "e", "f"];
    for (const name of names) mkdirSync(path.join(cwd, "nets"), { recursive: true }), writeFileSync(path.join(cwd, `nets/${name}.scn`), version("10.0.0.10"));
    expect((await scnc(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
    const index = readFileSync(path.join(cwd, "out/index.json"));
    const untouched = snapshot(path.join(cwd, "out/f"));

    for (const name of names) writeFileSync(path.join(cwd, `nets/${name}.scn`), version("10.0.0.20"));
    const interrupts = manualInterrupts();
    const run = await scnc(["build", "nets", "-o", "out"], {
      cwd,
      interrupts,
      // When the first network's line is printed, at most the next two have started.
      onWrite: (stream, text) => {
        if (stream === "stdout" && text.startsWith("built out/a:")) interrupts.request("SIGTERM");
      },
    });
    expect(run.code).toBe(143);
    expect(run.stderr).toContain("scnc: interrupted (SIGTERM); every network built so far is whole, the others were not built, " +
      "and out/index.json was left as it was; build again to finish\n");
    expect(run.stdout).not.toContain("networks:");
    expect(readFileSync(path.join(cwd, "out/index.json"))).toEqual(index);
    expect(leftovers(path.join(cwd, "out"))).toEqual([]);
    for (const name of names) expect(wholeBuild(path.join(cwd, "out", name))).toBe(true);
    expect(readFileSync(path.join(cwd, "out/a/servers/vm-hq.json"), "utf8")).toContain("10.0.0.20");
    expect(snapshot(path.join(cwd, "out/f"))).toEqual(untouched);

    const next = await scnc(["build", "nets", "-o", "out"], { cwd });
    expect(next.code).toBe(0);
    expect(next.stdout).toContain("6 networks: 6 built");
  });

  it("ends the real process by the signal, after cleaning up, so a shell loop stops too", async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, "net.scn"), secret);
    const build = spawnUntil(["build", "net.scn", "-o", "out", "--resolve-secrets"],
      { cwd, env: { SCNC_TEST_PAUSE_BEFORE_RENAME_MS: "60000", VM_PW: "hunter2-secret" } }, "paused before rename");
    await build.reached;
    build.child.kill("SIGINT");
    expect(await build.exited).toBe("SIGINT");
    expect(readdirSync(cwd)).toEqual(["net.scn"]);
  });
});
