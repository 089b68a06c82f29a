import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StreamedFile } from "../../src/cli/atomic-file.js";
import { CliFailure } from "../../src/cli/failure.js";
import { workspaceWith } from "./workspace.js";

/** The `.NAME.scnc-TOKEN` files a write under way leaves beside its target. */
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.includes(".scnc-"));

describe("StreamedFile: a report written as it is made, renamed over its target at the end", () => {
  it("writes the text out as it comes (not held until the end), and the target gets all of it at commit", async () => {
    const cwd = workspaceWith({ "report.txt": "old\n" });
    const file = await StreamedFile.open("report.txt", cwd);
    const part = "é-".repeat(50_000);
    file.write(part);
    const [temporary] = leftovers(cwd);
    expect(temporary).toMatch(/^\.report\.txt\.scnc-[0-9a-f]{12}$/);
    // Written already: the text is not all in memory by the end of a long check.
    expect(statSync(path.join(cwd, temporary as string)).size).toBe(Buffer.byteLength(part));
    expect(readFileSync(path.join(cwd, "report.txt"), "utf8")).toBe("old\n");
    file.write("end\n");
    await file.commit();
    expect(readFileSync(path.join(cwd, "report.txt"), "utf8")).toBe(`${part}end\n`);
    await file.abandon();
    expect(readdirSync(cwd)).toEqual(["report.txt"]);
  });

  it("abandon() deletes the new file and leaves the target as it was", async () => {
    const cwd = workspaceWith({ "report.txt": "old\n" });
    const file = await StreamedFile.open("report.txt", cwd);
    file.write("x".repeat(100_000));
    expect(leftovers(cwd)).toHaveLength(1);
    await file.abandon();
    expect(readdirSync(cwd)).toEqual(["report.txt"]);
    expect(readFileSync(path.join(cwd, "report.txt"), "utf8")).toBe("old\n");
  });

  it("refuses a directory, or a folder that is not there, when it opens: before anything is checked", async () => {
    const cwd = workspaceWith({ "out/keep": "" });
    await expect(StreamedFile.open("out", cwd)).rejects.toEqual(new CliFailure("out: is a directory; give a file name for the output"));
    await expect(StreamedFile.open("no/such/report.txt", cwd)).rejects.toEqual(new CliFailure("no/such/report.txt: cannot write it: no such file or directory"));
    expect(readdirSync(cwd)).toEqual(["out"]);
  });
});
