import { chmodSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { outputNames, outputOf } from "../../src/cli/network-batch.js";
import { nativeSeparators, portableSeparators, shownDirectory, shownUnder } from "../../src/cli/shown-path.js";
import { runCli } from "../support/cli.js";
import { cleanNetwork, workspaceWith } from "./workspace.js";

// `scnc build DIR|GLOB… -o OUT` and `scnc plan` of the same form: every network into OUT/<name>/,
// each with a single build's guarantees, and OUT/index.json with each network's verdict.

const broken = cleanNetwork.replace("role central address 10.0.0.1", "role centrl address 10.0.0.1");
const changed = cleanNetwork.replace("group-id 101", "group-id 102");

function index(cwd: string, out = "out"): { networks: { file: string; output: string; verdict: string; errors: number; warnings: number }[] } {
  return JSON.parse(readFileSync(path.join(cwd, out, "index.json"), "utf8"));
}

describe("batch build", () => {
  it("builds every network into OUT/<file stem>/, keeps going past one with errors, and writes the index", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/beta.scn": broken, "nets/gamma.scn": changed });
    const run = await runCli(["build", "nets", "-o", "out"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("built out/alpha: 2 offices, 2 servers (4 created, 0 changed, 0 removed)\n");
    expect(run.stdout).toContain("built out/gamma: ");
    expect(run.stdout.trimEnd().split("\n").at(-1)).toBe("3 networks: 2 built, 1 with errors, 0 failed (index: out/index.json)");
    expect(run.stderr).toContain("scnc: nets/beta.scn has an error; build writes nothing until it is fixed");
    expect(readdirSync(path.join(cwd, "out")).sort()).toEqual(["alpha", "gamma", "index.json"]);
    expect(existsSync(path.join(cwd, "out/alpha/manifest.json"))).toBe(true);
    expect(index(cwd).networks).toEqual([
      { file: "nets/alpha.scn", output: "alpha", verdict: "built", errors: 0, warnings: 0 },
      { file: "nets/beta.scn", output: "beta", verdict: "errors", errors: 1, warnings: 0 },
      { file: "nets/gamma.scn", output: "gamma", verdict: "built", errors: 0, warnings: 0 },
    ]);
  });

  it("rebuilds to the same bytes, and build --check agrees; a changed network makes --check exit 1 and names it", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    expect((await runCli(["build", "nets/*.scn", "-o", "out"], { cwd })).code).toBe(0);
    const first = readFileSync(path.join(cwd, "out/index.json"));
    const again = await runCli(["build", "nets/*.scn", "-o", "out"], { cwd });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("out/alpha is up to date (2 offices, 2 servers)");
    expect(readFileSync(path.join(cwd, "out/index.json"))).toEqual(first);
    expect((await runCli(["build", "nets/*.scn", "-o", "out", "--check"], { cwd })).code).toBe(0);

    writeFileSync(path.join(cwd, "nets/alpha.scn"), changed);
    const stale = await runCli(["build", "nets/*.scn", "-o", "out", "--check"], { cwd });
    expect(stale.code).toBe(1);
    // Nothing was built: the summary says what --check found.
    expect(stale.stdout.trimEnd().split("\n").at(-1)).toBe("2 networks: 1 up to date, 1 out of date, 0 with errors, 0 failed");
    expect(stale.stdout).toContain("out/alpha is out of date");
    expect(stale.stdout).toContain("out/gamma is up to date");
    expect(readFileSync(path.join(cwd, "out/index.json"))).toEqual(first);
  });

  it("writes the same index whatever order the networks come in (a shell's glob follows its locale), and --check agrees", async () => {
    const cwd = workspaceWith({ "nets/B.scn": cleanNetwork, "nets/a.scn": changed, "nets/_c.scn": cleanNetwork });
    // bash expands nets/*.scn as B _c a under LANG=C and as _c a B (or a B _c) under en_US.UTF-8.
    expect((await runCli(["build", "nets/B.scn", "nets/_c.scn", "nets/a.scn", "-o", "out"], { cwd })).code).toBe(0);
    const first = readFileSync(path.join(cwd, "out/index.json"), "utf8");
    expect(index(cwd).networks.map((network) => network.file)).toEqual(["nets/B.scn", "nets/_c.scn", "nets/a.scn"]);
    const reordered = await runCli(["build", "nets/a.scn", "nets/B.scn", "nets/_c.scn", "-o", "out", "--check"], { cwd });
    expect(reordered.code).toBe(0);
    expect(reordered.stdout).not.toContain("index.json");
    expect((await runCli(["build", "nets/_c.scn", "nets/a.scn", "nets/B.scn", "-o", "out"], { cwd })).code).toBe(0);
    expect(readFileSync(path.join(cwd, "out/index.json"), "utf8")).toBe(first);
  });

  it("--check counts a missing or different index as out of date", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    await runCli(["build", "nets", "-o", "out"], { cwd });
    writeFileSync(path.join(cwd, "out/index.json"), '{"version": 1, "kind": "build-index", "networks": []}\n');
    const run = await runCli(["build", "nets", "-o", "out", "--check"], { cwd });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("out/index.json: would be changed");
    rmSync(path.join(cwd, "out/index.json"));
    const missing = await runCli(["build", "nets", "-o", "out", "--check"], { cwd });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("out/index.json: would be created");
  });

  it("never replaces an index.json it did not write (-o docs beside a web page's): one line, before any network", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed, "docs/index.json": '{"name": "my web page"}\n' });
    for (const command of [["build"], ["build", "--check"]]) {
      const run = await runCli([...command, "nets", "-o", "docs"], { cwd });
      expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: docs/index.json: exists but was not written by scnc (it is not a build index); " +
        "move it away, or build into another directory\n" });
    }
    expect(readFileSync(path.join(cwd, "docs/index.json"), "utf8")).toBe('{"name": "my web page"}\n');
    expect(readdirSync(path.join(cwd, "docs"))).toEqual(["index.json"]);
  });

  it("keeps nested customer directories apart: two network.scn files never share an output", async () => {
    const cwd = workspaceWith({ "customers/acme/network.scn": cleanNetwork, "customers/beta/network.scn": changed });
    expect((await runCli(["build", "customers", "-o", "out"], { cwd })).code).toBe(0);
    expect(index(cwd).networks.map((network) => network.output)).toEqual(["acme/network", "beta/network"]);
    expect(existsSync(path.join(cwd, "out/acme/network/manifest.json"))).toBe(true);
  });

  it("names each output from the inputs' deepest common directory", () => {
    expect(outputNames(["a/x.scn", "a/y.scn"], "/w").map((network) => network.output)).toEqual(["x", "y"]);
    expect(outputNames(["a/x.scn", "b/c/y.scn"], "/w").map((network) => network.output)).toEqual(["a/x", "b/c/y"]);
    expect(outputNames(["only/one.scn"], "/w").map((network) => network.output)).toEqual(["one"]);
  });

  it("names outputs by Windows' rules on Windows: folder names in any case, drive letters, shares", () => {
    const windows = (files: string[]) => outputNames(files, "C:\\work", path.win32).map((network) => `${network.file} ${network.output}`);
    // One folder typed two ways is one folder, as Windows' file system has it.
    expect(windows(["Nets\\a.scn", "nets\\b.scn"])).toEqual(["Nets/a.scn a", "nets/b.scn b"]);
    expect(windows(["c:\\n\\a.scn", "C:\\N\\sub\\b.scn"])).toEqual(["c:/n/a.scn a", "C:/N/sub/b.scn sub/b"]);
    // No folder in common: each from its drive or share, never a name with a colon in it (OUT/D:/n/b).
    expect(windows(["C:\\n\\a.scn", "D:\\n\\b.scn"])).toEqual(["C:/n/a.scn C/n/a", "D:/n/b.scn D/n/b"]);
    expect(windows(["\\\\srv\\share\\a.scn", "D:\\b.scn"])).toEqual(["//srv/share/a.scn srv/share/a", "D:/b.scn D/b"]);
  });

  it("shows paths in messages in the platform's separators (never C:\\out/acme on Windows), and keeps / in the index", () => {
    const [network] = outputNames(["C:\\nets\\acme\\site.scn", "C:\\nets\\beta\\site.scn"], "C:\\work", path.win32);
    expect(network).toEqual({ file: "C:/nets/acme/site.scn", shown: "C:\\nets\\acme\\site.scn", output: "acme/site" });
    // A pattern's files (nets/*.scn, spelled with /) are named as a directory's are.
    expect(outputNames(["nets/a.scn"], "C:\\work", path.win32)[0]?.shown).toBe("nets\\a.scn");
    for (const out of ["C:\\out", "C:\\out\\", "C:/out", "C:/out/"]) {
      expect(outputOf(out, { output: "acme/site" }, path.win32)).toBe("C:\\out\\acme\\site");
      expect(shownUnder(out, "index.json", path.win32)).toBe("C:\\out\\index.json");
      expect(shownDirectory(out, path.win32)).toBe("C:\\out");
    }
    expect(shownUnder("C:\\out\\acme", "offices/hq.json", path.win32)).toBe("C:\\out\\acme\\offices\\hq.json");
    expect(portableSeparators("C:\\out\\acme", path.win32)).toBe("C:/out/acme");
    // Elsewhere a backslash is part of a name, and messages are as before.
    expect(outputOf("out/", { output: "a\\b" }, path.posix)).toBe("out/a\\b");
    expect(nativeSeparators("out/a\\b", path.posix)).toBe("out/a\\b");
    expect(shownDirectory("/", path.posix)).toBe("/");
  });

  it("refuses networks whose directories would nest, and an OUT that holds a single build, before writing anything", async () => {
    const cwd = workspaceWith({ "nets/a.scn": cleanNetwork, "nets/a/b.scn": changed });
    const nested = await runCli(["build", "nets", "-o", "out"], { cwd });
    expect(nested.code).toBe(2);
    expect(nested.stderr).toBe("scnc: nets/a.scn and nets/a/b.scn would build into nested directories (out/a and out/a/b); " +
      "rename one, or build them into different directories\n");
    expect(existsSync(path.join(cwd, "out"))).toBe(false);

    const single = workspaceWith({ "one.scn": cleanNetwork, "nets/x.scn": cleanNetwork, "nets/y.scn": changed });
    expect((await runCli(["build", "one.scn", "-o", "out"], { cwd: single })).code).toBe(0);
    const refused = await runCli(["build", "nets", "-o", "out"], { cwd: single });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("out: holds the build of a single network (manifest.json)");
  });

  it("refuses two networks that would build into one directory (net and net.SCN), before writing anything", async () => {
    const cwd = workspaceWith({ "nets/net.scn": cleanNetwork, "nets/net.SCN": changed });
    for (const command of [["build"], ["build", "--check"], ["plan"]]) {
      const run = await runCli([...command, "nets/net.scn", "nets/net.SCN", "-o", "out"], { cwd });
      expect(run.code).toBe(2);
      // Not "another scnc build (process N) is writing it": N was this very build.
      expect(run.stderr).toBe("scnc: nets/net.scn and nets/net.SCN would build into the same directory (out/net); " +
        "rename one, or build them into different directories\n");
      expect(existsSync(path.join(cwd, "out"))).toBe(false);
    }
  });

  it("refuses, on every platform, networks whose directories differ only in case: one directory on Windows and macOS", async () => {
    const clashes: [Record<string, string>, string][] = [
      [{ "nets/Acme.scn": cleanNetwork, "nets/acme.scn": changed },
        "nets/Acme.scn and nets/acme.scn would build into directories whose names differ only in case (out/Acme and out/acme)"],
      [{ "customers/Acme/site.scn": cleanNetwork, "customers/acme/site.scn": changed },
        "customers/Acme/site.scn and customers/acme/site.scn would build into directories whose names differ only in case (out/Acme/site and out/acme/site)"],
      [{ "nets/Caf\u00e9.scn": cleanNetwork, "nets/cafe\u0301.scn": changed },
        "nets/Caf\u00e9.scn and nets/cafe\u0301.scn would build into directories whose names differ only in how their accents are encoded (out/Caf\u00e9 and out/cafe\u0301)"],
    ];
    for (const [files, message] of clashes) {
      const cwd = workspaceWith(files);
      for (const command of [["build"], ["build", "--check"], ["plan"]]) {
        const run = await runCli([...command, ...Object.keys(files), "-o", "out"], { cwd });
        expect(run).toEqual({ code: 2, stdout: "", stderr: `scnc: ${message}, one directory on Windows and macOS; rename one, or build them into different directories\n` });
        expect(existsSync(path.join(cwd, "out"))).toBe(false);
      }
    }
    const nested = workspaceWith({ "nets/A.scn": cleanNetwork, "nets/a/b.scn": changed });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd: nested })).stderr)
      .toBe("scnc: nets/A.scn and nets/a/b.scn would build into nested directories (out/A and out/a/b); rename one, or build them into different directories\n");
    const index = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/Index.JSON.scn": changed });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd: index })).stderr)
      .toBe("scnc: nets/Index.JSON.scn would build into out/Index.JSON, where the batch build writes its index; rename it\n");
    // In different folders they are different directories everywhere.
    const apart = workspaceWith({ "x/Acme.scn": cleanNetwork, "y/acme.scn": changed });
    expect((await runCli(["build", "x", "y", "-o", "out"], { cwd: apart })).code).toBe(0);
  });

  it("refuses a folder in OUT that differs only in case from a network's (an earlier build's, of a file since renamed)", async () => {
    const cwd = workspaceWith({ "nets/Acme.scn": cleanNetwork, "nets/beta.scn": changed });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
    rmSync(path.join(cwd, "nets/Acme.scn"));
    writeFileSync(path.join(cwd, "nets/acme.scn"), cleanNetwork);
    const before = readFileSync(path.join(cwd, "out/index.json"));
    for (const command of [["build"], ["build", "--check"], ["plan"]]) {
      const run = await runCli([...command, "nets", "-o", "out"], { cwd });
      expect(run).toEqual({
        code: 2, stdout: "",
        stderr: "scnc: out/Acme is in the output directory beside out/acme, which nets/acme.scn builds into; on Windows and macOS the two are one folder: " +
          "remove or rename it (an earlier build's, of a file since renamed?)\n",
      });
    }
    expect(readdirSync(path.join(cwd, "out")).sort()).toEqual(["Acme", "beta", "index.json"]);
    expect(readFileSync(path.join(cwd, "out/index.json"))).toEqual(before);
    rmSync(path.join(cwd, "out/Acme"), { recursive: true });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
  });

  it("refuses a network whose directory would be OUT/index.json, the index's own name", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/index.json.scn": changed });
    const run = await runCli(["build", "nets", "-o", "out"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("scnc: nets/index.json.scn would build into out/index.json, where the batch build writes its index; rename it\n");
    expect(existsSync(path.join(cwd, "out"))).toBe(false);
  });

  it("refuses an OUT that is a file, or has a file on its way, with one line before any network is read", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed, out: "a file\n" });
    for (const command of [["build"], ["build", "--check"], ["plan"]]) {
      const file = await runCli([...command, "nets", "-o", "out"], { cwd });
      expect(file).toEqual({ code: 2, stdout: "", stderr: "scnc: out: is a file, not a directory; give a directory for the output\n" });
      const below = await runCli([...command, "nets", "-o", "out/sub/"], { cwd });
      expect(below).toEqual({ code: 2, stdout: "", stderr: "scnc: out/sub: a part of the path is a file, not a directory\n" });
    }
    expect(readFileSync(path.join(cwd, "out"), "utf8")).toBe("a file\n");
  });

  it("refuses an empty -o (an unset variable in -o \"$OUT\"), which would build into the current directory", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    for (const command of [["build", "nets"], ["build", "nets", "--check"], ["plan", "nets"], ["build", "nets/alpha.scn"], ["plan", "nets/alpha.scn"]]) {
      const run = await runCli([...command, "-o", ""], { cwd });
      expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: option '-o, --output <dir>' argument '' is invalid. " +
        "the path is empty (an unset variable?); give the output directory, '.' for the current one\n" });
    }
    expect(readdirSync(cwd)).toEqual(["nets"]);
  });

  it("refuses --resolve-secrets with --format checklist with one line, before any network, and keeps the index", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
    const before = readFileSync(path.join(cwd, "out/index.json"), "utf8");
    for (const command of [["build"], ["build", "--check"], ["plan"]]) {
      const run = await runCli([...command, "nets", "-o", "out", "--format", "checklist", "--resolve-secrets"], { cwd, env: { VM_PASSWORD: "pw" } });
      expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: --resolve-secrets applies to --format json only: checklists never contain a password\n" });
    }
    // Not an index saying every network failed.
    expect(readFileSync(path.join(cwd, "out/index.json"), "utf8")).toBe(before);
  });

  it("refuses a --config that cannot be used with one line, before any network, and keeps the index", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed, "bad.json": '{"rules": {"nope": "off"}}\n' });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
    const before = readFileSync(path.join(cwd, "out/index.json"), "utf8");
    for (const command of [["build"], ["build", "--check"], ["plan"]]) {
      const bad = await runCli([...command, "nets", "-o", "out", "--config", "bad.json"], { cwd });
      expect(bad).toMatchObject({ code: 2, stdout: "" });
      expect(bad.stderr).toMatch(/^scnc: bad\.json: .*"nope" is not a rule id[^\n]*\n$/);
      const missing = await runCli([...command, "nets", "-o", "out", "--config", "missing.json"], { cwd });
      expect(missing).toMatchObject({ code: 2, stdout: "" });
      expect(missing.stderr).toMatch(/^scnc: missing\.json: [^\n]*\n$/);
    }
    expect(readFileSync(path.join(cwd, "out/index.json"), "utf8")).toBe(before);
  });

  it("prints a scnc.json that several networks share, and cannot be used, once (as check does); each of them fails, the others build", async () => {
    const cwd = workspaceWith({
      "nets/acme/a.scn": cleanNetwork, "nets/acme/b.scn": changed, "nets/acme/c.scn": cleanNetwork,
      "nets/acme/scnc.json": '{"rules": {"nope": "off"}}\n', "nets/beta/d.scn": cleanNetwork,
    });
    const line = /^scnc: nets\/acme\/scnc\.json: .*"nope" is not a rule id.*$/gm;
    const check = await runCli(["check", "nets"], { cwd });
    expect(check.stderr.match(line)).toHaveLength(1);
    for (const command of [["build"], ["build", "--check"], ["plan"]]) {
      const run = await runCli([...command, "nets", "-o", "out"], { cwd });
      expect(run.code).toBe(2);
      expect(run.stderr.match(line)).toHaveLength(1);
    }
    expect(index(cwd).networks.map((network) => `${network.output} ${network.verdict}`)).toEqual(["acme/a failed", "acme/b failed", "acme/c failed", "beta/d built"]);
  });

  it.skipIf(process.getuid?.() === 0)("refuses an OUT it cannot write with one line before any network is built", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "nets/alpha.scn"), changed);
    chmodSync(path.join(cwd, "out"), 0o555);
    try {
      const run = await runCli(["build", "nets", "-o", "out"], { cwd });
      expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: out: not writable (build writes each network's directory and index.json in it)\n" });
    } finally {
      chmodSync(path.join(cwd, "out"), 0o755);
    }
  });

  it("keeps foreign files in OUT, and a network scnc cannot read fails alone (exit 2) while the others build", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/bad.scn": new Uint8Array([0x6e, 0xff, 0xfe]), "out/README.txt": "mine\n" });
    const run = await runCli(["build", "nets", "-o", "out"], { cwd });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^scnc: nets\/bad\.scn: .*UTF-8/m);
    expect(readFileSync(path.join(cwd, "out/README.txt"), "utf8")).toBe("mine\n");
    expect(index(cwd).networks.map((network) => `${network.output} ${network.verdict}`)).toEqual(["alpha built", "bad failed"]);
  });
});

describe("batch plan", () => {
  it("plans each network against OUT/<name>/; --detailed-exitcode gives 2 when any would change, 0 when none", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    const fresh = await runCli(["plan", "nets", "-o", "out", "--detailed-exitcode"], { cwd });
    expect(fresh.code).toBe(2);
    expect(fresh.stdout).toContain("# nets/alpha.scn into out/alpha\n");
    expect(fresh.stdout.trimEnd().split("\n").at(-1)).toBe("2 networks: 2 would change; out/index.json would be created");
    expect((await runCli(["plan", "nets", "-o", "out"], { cwd })).code).toBe(0);

    await runCli(["build", "nets", "-o", "out"], { cwd });
    const none = await runCli(["plan", "nets", "-o", "out", "--detailed-exitcode"], { cwd });
    expect(none.code).toBe(0);
    expect(none.stdout.trimEnd().split("\n").at(-1)).toBe("2 networks: 0 would change");

    writeFileSync(path.join(cwd, "nets/gamma.scn"), broken);
    expect((await runCli(["plan", "nets", "-o", "out", "--detailed-exitcode"], { cwd })).code).toBe(1);
    expect((await runCli(["plan", "nets", "-o", "out"], { cwd })).code).toBe(1);
  });

  it("counts OUT/index.json as build --check does, refuses one scnc did not write, and names the networks it could not plan", async () => {
    const cwd = workspaceWith({ "nets/alpha.scn": cleanNetwork, "nets/gamma.scn": changed });
    expect((await runCli(["build", "nets", "-o", "out"], { cwd })).code).toBe(0);
    // A network gone from the inputs: its directory stays, but build would rewrite the index.
    rmSync(path.join(cwd, "nets/gamma.scn"));
    const gone = await runCli(["plan", "nets", "-o", "out", "--detailed-exitcode"], { cwd });
    expect(gone.code).toBe(2);
    expect(gone.stdout.trimEnd().split("\n").at(-1)).toBe("1 network: 0 would change; out/index.json would be changed");
    expect((await runCli(["build", "nets", "-o", "out", "--check"], { cwd })).code).toBe(1);

    writeFileSync(path.join(cwd, "out/index.json"), "<html></html>\n");
    const foreign = await runCli(["plan", "nets", "-o", "out"], { cwd });
    expect(foreign).toEqual({ code: 2, stdout: "", stderr: "scnc: out/index.json: exists but was not written by scnc (it is not a build index); move it away, or build into another directory\n" });
    expect((await runCli(["plan", "nets", "-o", "out", "--detailed-exitcode"], { cwd })).code).toBe(1);

    rmSync(path.join(cwd, "out/index.json"));
    writeFileSync(path.join(cwd, "nets/beta.scn"), broken);
    const mixed = await runCli(["plan", "nets", "-o", "out"], { cwd });
    expect(mixed.code).toBe(1);
    expect(mixed.stdout.trimEnd().split("\n").at(-1)).toBe("2 networks: 0 would change, 1 with errors; out/index.json would be created");
    writeFileSync(path.join(cwd, "nets/scnc.json"), '{"rules": {"nope": "off"}}\n');
    const failed = await runCli(["plan", "nets", "-o", "out"], { cwd });
    expect(failed.code).toBe(2);
    expect(failed.stdout.trimEnd().split("\n").at(-1)).toBe("2 networks: 0 would change, 2 failed; out/index.json would be created");
  });

  it("prints a file name's control characters as pictures in each network's heading, as everywhere else", async () => {
    const cwd = workspaceWith({ "nets/esc\u001b[31mred.scn": cleanNetwork, "nets/new\nline.scn": changed });
    const run = await runCli(["plan", "nets", "-o", "out"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("# nets/esc\u241b[31mred.scn into out/esc\u241b[31mred\n");
    expect(run.stdout).toContain("# nets/new\u240aline.scn into out/new\u240aline\n");
    expect(run.stdout).not.toMatch(/\u001b/);
  });

  it("quotes the runbook command it suggests, so a folder with a space pastes as one argument", async () => {
    const cwd = workspaceWith({ "customers/delta corp/my network.scn": cleanNetwork, "customers/o'brien/net.scn": changed });
    const run = await runCli(["plan", "customers", "-o", "out"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("in a safe order: scnc runbook 'customers/delta corp/my network.scn' --from 'out/delta corp/my network'\n");
    expect(run.stdout).toContain("in a safe order: scnc runbook 'customers/o'\\''brien/net.scn' --from 'out/o'\\''brien/net'\n");
    const plain = await runCli(["plan", "customers/o'brien/net.scn", "-o", "plain-out"], { cwd });
    expect(plain.stdout).toContain("in a safe order: scnc runbook 'customers/o'\\''brien/net.scn' --from plain-out\n");
  });
});
