import { readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
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
