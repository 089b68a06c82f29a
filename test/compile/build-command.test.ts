import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { hqAndEast } from "./fixtures.js";
import { project, scnc, snapshot } from "./run-scnc.js";

const { servers, offices } = hqAndEast;
const withEast = network(hqAndEast);
const withoutEast = network({ ...hqAndEast, servers: [servers[0]], offices: [offices[0]], links: [] });
const broken = withEast.replace("voicemail vm-east", "voicemail vm-est");

function setText(cwd: string, text: string): void {
  writeFileSync(path.join(cwd, "net.scn"), text);
}

describe("scnc build", () => {
  it("writes the manifest and one file per office and server", async () => {
    const cwd = project(withEast);
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run).toMatchObject({ code: 0, stderr: "", stdout: "built out: 2 offices, 2 servers (4 created, 0 changed, 0 removed)\n" });
    expect(Object.keys(snapshot(path.join(cwd, "out")))).toEqual([
      "manifest.json", "offices/east.json", "offices/hq.json", "servers/vm-east.json", "servers/vm-hq.json",
    ]);
    const manifest = JSON.parse(readFileSync(path.join(cwd, "out/manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ manifestVersion: 1, network: "Test", format: "json", secretsResolved: false });
    expect(manifest.files.map((file: { path: string }) => file.path)).toEqual(["offices/east.json", "offices/hq.json", "servers/vm-east.json", "servers/vm-hq.json"]);
  });

  it("writes byte-identical output every time, and leaves an up-to-date directory alone", async () => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "first"], { cwd });
    await scnc(["build", "net.scn", "-o", "second"], { cwd });
    const first = snapshot(path.join(cwd, "first"));
    const contents = (files: typeof first) => Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file.content]));
    expect(contents(snapshot(path.join(cwd, "second")))).toEqual(contents(first));
    const again = await scnc(["build", "net.scn", "-o", "first"], { cwd });
    expect(again.stdout).toBe("first is up to date (2 offices, 2 servers)\n");
    expect(snapshot(path.join(cwd, "first"))).toEqual(first);
  });

  it("writes Markdown checklists with --format checklist, listed in the manifest", async () => {
    const cwd = project(withEast);
    expect((await scnc(["build", "net.scn", "-o", "out", "--format", "checklist"], { cwd })).code).toBe(0);
    expect(Object.keys(snapshot(path.join(cwd, "out")))).toEqual([
      "manifest.json", "offices/east.md", "offices/hq.md", "servers/vm-east.md", "servers/vm-hq.md",
    ]);
    expect(readFileSync(path.join(cwd, "out/offices/hq.md"), "utf8")).toMatch(/^# Office hq: IP Office Manager settings\n/);
  });

  it("writes nothing and exits 1 when the network has errors", async () => {
    const cwd = project(broken);
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("unknown-reference");
    expect(run.stderr).toContain("scnc: net.scn has an error; build writes nothing until it is fixed");
    expect(run.stdout).toBe("");
    expect(existsSync(path.join(cwd, "out"))).toBe(false);

    setText(cwd, withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    const before = snapshot(path.join(cwd, "out"));
    setText(cwd, broken);
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(1);
    expect(snapshot(path.join(cwd, "out"))).toEqual(before);
  });

  it("builds when there are warnings only, and shows them on stderr", async () => {
    const cwd = project(network({ ...hqAndEast, offices: [offices[0]], links: [] }));
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("warning unused-distributed-server");
    expect(existsSync(path.join(cwd, "out/servers/vm-east.json"))).toBe(true);
  });

  it("follows scnc.json, but still refuses a network the compiler cannot handle when it turns such a rule off", async () => {
    const cwd = project(network({ ...hqAndEast, offices: [offices[0]], links: [] }));
    writeFileSync(path.join(cwd, "scnc.json"), JSON.stringify({ rules: { "unused-distributed-server": "off" } }));
    expect(await scnc(["build", "net.scn", "-o", "out"], { cwd })).toMatchObject({ code: 0, stderr: "" });

    setText(cwd, broken);
    writeFileSync(path.join(cwd, "other.json"), JSON.stringify({ rules: { "unknown-reference": "off" } }));
    const run = await scnc(["build", "net.scn", "-o", "other-out", "--config", "other.json"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/net\.scn:\d+:\d+ error unknown-reference office 'east' uses server 'vm-est'/);
    expect(existsSync(path.join(cwd, "other-out"))).toBe(false);

    writeFileSync(path.join(cwd, "scnc.json"), JSON.stringify({ rules: { "no-such-rule": "off" } }));
    expect(await scnc(["build", "net.scn", "-o", "out"], { cwd })).toMatchObject({ code: 2, stdout: "" });
    expect((await scnc(["plan", "net.scn", "-o", "out"], { cwd })).code).toBe(2);
  });

  it("deletes only the files its previous manifest lists, and carries every other file over untouched", async () => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    mkdirSync(path.join(cwd, "out/.git"));
    writeFileSync(path.join(cwd, "out/.git/config"), "[core]\n");
    writeFileSync(path.join(cwd, "out/README.md"), "notes\n");
    writeFileSync(path.join(cwd, "out/offices/east.notes.txt"), "east notes\n");
    symlinkSync("README.md", path.join(cwd, "out/LINK.md"));
    const before = snapshot(path.join(cwd, "out"));

    setText(cwd, withoutEast);
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.stdout).toBe("built out: 1 office, 1 server (0 created, 1 changed, 2 removed)\n");
    const after = snapshot(path.join(cwd, "out"));
    expect(Object.keys(after)).toEqual([".git/config", "LINK.md", "README.md", "manifest.json", "offices/east.notes.txt", "offices/hq.json", "servers/vm-hq.json"]);
    for (const kept of [".git/config", "README.md", "offices/east.notes.txt"]) expect(after[kept]).toEqual(before[kept]);
    expect(readFileSync(path.join(cwd, "out/LINK.md"), "utf8")).toBe("notes\n");
  });

  it("refuses to overwrite a file it did not write", async () => {
    const cwd = project(withoutEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "out/offices/east.json"), "{}\n");
    const before = snapshot(path.join(cwd, "out"));
    setText(cwd, withEast);
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: out/offices/east.json: exists but was not written by scnc (manifest.json does not list it); move it away, then build again\n");
    expect(snapshot(path.join(cwd, "out"))).toEqual(before);
  });

  it("refuses a non-empty directory that holds no scnc manifest", async () => {
    const cwd = project(withEast);
    mkdirSync(path.join(cwd, "src"));
    writeFileSync(path.join(cwd, "src/main.c"), "int main;\n");
    const run = await scnc(["build", "net.scn", "-o", "src"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: src: directory is not empty and has no manifest.json from scnc/);
    expect(readdirSync(path.join(cwd, "src"))).toEqual(["main.c"]);
    mkdirSync(path.join(cwd, "empty"));
    expect((await scnc(["build", "net.scn", "-o", "empty"], { cwd })).code).toBe(0);
    // The help says so before anyone trips over it.
    expect((await scnc(["build", "--help"], { cwd })).stdout.replace(/\s+/g, " ")).toContain("new, empty, or built by scnc before");
  });

  it("refuses a manifest it did not write, deleting nothing", async () => {
    const cwd = project(withEast);
    mkdirSync(path.join(cwd, "out"));
    writeFileSync(path.join(cwd, "out/keep.txt"), "keep\n");
    const hostile = { manifestVersion: 1, network: "x", scncVersion: "1", format: "json", secretsResolved: false, files: [{ path: "../keep.txt", sha256: "0".repeat(64) }] };
    writeFileSync(path.join(cwd, "out/manifest.json"), JSON.stringify(hostile));
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: out\/manifest.json: is not a manifest written by scnc \(\/files\/0\/path must match pattern/);
    expect(readdirSync(path.join(cwd, "out")).sort()).toEqual(["keep.txt", "manifest.json"]);
  });

  it("exits 2 naming the path when the output is a file", async () => {
    const cwd = project(withEast);
    writeFileSync(path.join(cwd, "out"), "a file\n");
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: out: is a file, not a directory; give a directory for the output\n" });
    expect((await scnc(["build", "net.scn", "-o", "out/sub"], { cwd })).stderr).toBe("scnc: out/sub: a part of the path is a file, not a directory\n");
  });

  it("exits 2 naming the path when the output cannot be written", async () => {
    const cwd = project(withEast);
    const run = await scnc(["build", "net.scn", "-o", "/proc/scnc-cannot-write-here"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: \/proc\/scnc-cannot-write-here: /);
    expect(run.stderr.split("\n")).toHaveLength(2);
  });

  it.skipIf(process.getuid?.() === 0)("exits 2 when the output directory is read-only", async () => {
    const cwd = project(withEast);
    mkdirSync(path.join(cwd, "locked"), { mode: 0o555 });
    const run = await scnc(["build", "net.scn", "-o", "locked/out"], { cwd });
    expect(run).toMatchObject({ code: 2, stderr: "scnc: locked/out: not writable (build needs to write the directory that holds it)\n" });
  });

  it("refuses to write device files through a symbolic link in place of offices/", async () => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    mkdirSync(path.join(cwd, "elsewhere"));
    renameSync(path.join(cwd, "out/offices"), path.join(cwd, "moved"));
    symlinkSync(path.join(cwd, "elsewhere"), path.join(cwd, "out/offices"));
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run).toMatchObject({ code: 2, stderr: "scnc: out/offices: not a folder scnc wrote (it is a symbolic link); move it away, then build again\n" });
    expect(readdirSync(path.join(cwd, "elsewhere"))).toEqual([]);
    expect(readdirSync(cwd).sort()).toEqual(["elsewhere", "moved", "net.scn", "out"]);
  });

  it("keeps a symlinked output directory a symlink", async () => {
    const cwd = project(withEast);
    mkdirSync(path.join(cwd, "real"));
    symlinkSync("real", path.join(cwd, "out"));
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    setText(cwd, withoutEast);
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    expect(statSync(path.join(cwd, "out"), { throwIfNoEntry: true }).isDirectory()).toBe(true);
    expect(readdirSync(path.join(cwd, "real/offices"))).toEqual(["hq.json"]);
  });

  it("puts back the old directory left aside by a build killed between its two renames", async () => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "out/README.md"), "mine\n");
    // What the killed build leaves: its lock (a dead process, its token) and the trees it names.
    writeFileSync(path.join(cwd, ".out.scnc-lock"), "2147483646 00112233445566ff\n");
    renameSync(path.join(cwd, "out"), path.join(cwd, ".out.scnc-old-00112233445566ff"));
    mkdirSync(path.join(cwd, ".out.scnc-new-00112233445566ff"));
    // Names that are not provably that build's stay, whatever they look like.
    mkdirSync(path.join(cwd, ".out.scnc-new-ffeeddccbbaa9988"));
    setText(cwd, withoutEast);
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual([".out.scnc-new-ffeeddccbbaa9988", "net.scn", "out"]);
    expect(Object.keys(snapshot(path.join(cwd, "out")))).toEqual(["README.md", "manifest.json", "offices/hq.json", "servers/vm-hq.json"]);
  });

  it("built, with the tree it replaced left where it says when that tree cannot be deleted (a file of it held open)", async (context) => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    // A file the old tree's deletion cannot remove, as a program holding it open makes it on
    // Windows: immutable for root (chattr), in a folder without write permission for anyone else.
    const held = (tree: string) => path.join(cwd, tree, "offices/east.json");
    const asRoot = process.getuid?.() === 0;
    const hold = (tree: string, on: boolean): boolean => asRoot
      ? spawnSync("chattr", [on ? "+i" : "-i", held(tree)]).status === 0
      : (chmodSync(path.dirname(held(tree)), on ? 0o555 : 0o755), true);
    if (!hold("out", true)) context.skip("chattr +i is not available here, and the tests run as root");
    setText(cwd, withoutEast);
    let run;
    try {
      run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    } finally {
      for (const tree of readdirSync(cwd).filter((name) => name.startsWith(".out.scnc-old-"))) hold(tree, false);
    }
    const left = readdirSync(cwd).filter((name) => name.startsWith(".out.scnc-old-"));
    expect(left).toHaveLength(1);
    expect(run).toMatchObject({ code: 0, stdout: "built out: 1 office, 1 server (0 created, 1 changed, 2 removed)\n" });
    const aside = path.join(realpathSync(cwd), left[0] as string);
    const cause = asRoot ? `${path.join(aside, "offices/east.json")} could not be removed` : `${path.join(aside, "offices/east.json")}: permission denied`;
    expect(run?.stderr).toBe(`scnc: out: built, but the previous output, moved aside to ${aside}, could not be deleted (${cause}); delete that folder\n`);
    expect(Object.keys(snapshot(path.join(cwd, "out")))).toEqual(["manifest.json", "offices/hq.json", "servers/vm-hq.json"]);
    expect(existsSync(path.join(cwd, ".out.scnc-lock"))).toBe(false);
  });

  it("refuses to run while another build holds the lock, and takes over a lock left by a dead build", async () => {
    const cwd = project(withEast);
    writeFileSync(path.join(cwd, ".out.scnc-lock"), `${process.pid}\n`);
    const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`scnc: out: another scnc build (process ${process.pid}) is writing it; if none is running, delete ${path.join(realpathSync(cwd), ".out.scnc-lock")}\n`);
    writeFileSync(path.join(cwd, ".out.scnc-lock"), "2147483646\n");
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    expect(existsSync(path.join(cwd, ".out.scnc-lock"))).toBe(false);
  });
});

describe("scnc build --check", () => {
  it("exits 0 when the directory is current", async () => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    expect(await scnc(["build", "net.scn", "-o", "out", "--check"], { cwd })).toEqual({ code: 0, stdout: "out is up to date\n", stderr: "" });
  });

  it("exits 1 and lists the files that differ, writing nothing", async () => {
    const cwd = project(withEast);
    await scnc(["build", "net.scn", "-o", "out"], { cwd });
    const before = snapshot(path.join(cwd, "out"));
    setText(cwd, withoutEast);
    const run = await scnc(["build", "net.scn", "-o", "out", "--check"], { cwd });
    expect(run).toEqual({
      code: 1,
      stderr: "",
      stdout: [
        "out/offices/east.json: would be removed",
        "out/offices/hq.json: would be changed",
        "out/servers/vm-east.json: would be removed",
        "out/manifest.json: would be changed",
        "out is out of date: 4 files would change; run scnc build",
        "",
      ].join("\n"),
    });
    expect(snapshot(path.join(cwd, "out"))).toEqual(before);
  });

  it("exits 1 when the directory does not exist yet, and does not create it", async () => {
    const cwd = project(withEast);
    const run = await scnc(["build", "net.scn", "-o", "out", "--check"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("out/offices/hq.json: would be created");
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });
});
