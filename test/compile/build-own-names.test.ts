import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { network } from "../support/networks.js";
import { scnc, workspace } from "./run-scnc.js";

// Build touches only names it can prove are its own (docs/security.md, "Names build creates and
// deletes"): the lock's random token names its temporary trees.

const version = (address: string) => network({
  servers: [`server vm-hq { role central address ${address} }`],
  offices: ["office hq { role central address 10.0.0.1 licenses { preferred-edition } }"],
});

function canMount(): boolean {
  if (process.platform !== "linux" || process.getuid?.() !== 0) return false;
  const probe = workspace();
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe], { stdio: "ignore" });
    execFileSync("umount", [probe], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("names beside the output directory", { timeout: 60_000 }, () => {
  it("a user's .out.scnc-backup/, .out.scnc-notes.txt and look-alike trees survive builds, and a build after a killed one", async () => {
    const cwd = workspace();
    writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.10"));
    const mine = [".out.scnc-backup", ".out.scnc-new-1234-abcd", ".out.scnc-old-ffffffffffffffff"];
    for (const folder of mine) {
      mkdirSync(path.join(cwd, folder));
      writeFileSync(path.join(cwd, folder, "keep.txt"), "mine\n");
    }
    writeFileSync(path.join(cwd, ".out.scnc-notes.txt"), "notes\n");
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.20"));
    // A stale lock: the killed build's own trees go, the user's stay.
    writeFileSync(path.join(cwd, ".out.scnc-lock"), "2147483646 0123456789abcdef\n");
    mkdirSync(path.join(cwd, ".out.scnc-new-0123456789abcdef"));
    expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
    expect(readdirSync(cwd).sort()).toEqual([...mine, ".out.scnc-notes.txt", "net.scn", "out"].sort());
    for (const folder of mine) expect(readFileSync(path.join(cwd, folder, "keep.txt"), "utf8")).toBe("mine\n");
    expect(readFileSync(path.join(cwd, ".out.scnc-notes.txt"), "utf8")).toBe("notes\n");
  });
});

describe.skipIf(!canMount())("a mount point in the output directory", { timeout: 60_000 }, () => {
  for (const kind of ["tmpfs", "bind"] as const) {
    it(`${kind}: one exit-2 line before anything is renamed, and the mount keeps its files`, async () => {
      const cwd = realpathSync(workspace());
      writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.10"));
      expect((await scnc(["build", "net.scn", "-o", "out"], { cwd })).code).toBe(0);
      const mountPoint = path.join(cwd, "out/mounted");
      mkdirSync(mountPoint);
      mkdirSync(path.join(cwd, "elsewhere"));
      execFileSync("mount", kind === "tmpfs" ? ["-t", "tmpfs", "-o", "size=1m", "tmpfs", mountPoint] : ["--bind", path.join(cwd, "elsewhere"), mountPoint]);
      try {
        writeFileSync(path.join(mountPoint, "data.txt"), "user data\n");
        writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.20"));
        const run = await scnc(["build", "net.scn", "-o", "out"], { cwd });
        expect(run).toEqual({ code: 2, stdout: "", stderr: "scnc: out/mounted: is a mount point inside the output directory; build replaces the directory by renaming it, so unmount it or move the output elsewhere first\n" });
        expect(readdirSync(cwd).sort()).toEqual(["elsewhere", "net.scn", "out"]);
        expect(readFileSync(path.join(mountPoint, "data.txt"), "utf8")).toBe("user data\n");
        expect(readFileSync(path.join(cwd, "out/servers/vm-hq.json"), "utf8")).toContain("10.0.0.10");
      } finally {
        execFileSync("umount", [mountPoint]);
      }
    });
  }

  it("the output directory itself a mount point: one exit-2 line", async () => {
    const cwd = realpathSync(workspace());
    writeFileSync(path.join(cwd, "net.scn"), version("10.0.0.10"));
    mkdirSync(path.join(cwd, "out"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", path.join(cwd, "out")]);
    try {
      expect(await scnc(["build", "net.scn", "-o", "out"], { cwd })).toEqual({
        code: 2, stdout: "", stderr: "scnc: out: is a mount point; build replaces the directory by renaming it, so give a folder inside it as the output\n",
      });
      expect(readdirSync(cwd).sort()).toEqual(["net.scn", "out"]);
    } finally {
      execFileSync("umount", [path.join(cwd, "out")]);
    }
  });
});
