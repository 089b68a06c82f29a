import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/program.js";
import { MAX_INPUT_BYTES } from "../../src/cli/inputs.js";

const UNFORMATTED = 'network "N" {  release 6.0;  office hq { role central } }\n';
const FORMATTED = 'network "N" {\n  release 6.0\n  office hq {\n    role central\n  }\n}\n';
const BROKEN = 'network "N" {\n  release 6\n}\n';

/** `scnc ARGV` in-process with `input` on standard input (undefined: there is no standard input). */
async function run(input: string | Buffer | undefined, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: process.cwd(),
    env: { NO_COLOR: "1" },
    ...(input === undefined ? {} : { readStdin: async (limit: number) => Buffer.from(input).subarray(0, limit + 1) }),
  });
  return { code, stdout, stderr };
}

describe("scnc fmt - (standard input, for editors)", () => {
  it("prints the formatted text on standard output", async () => {
    expect(await run(UNFORMATTED, "fmt", "-")).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
    expect(await run(FORMATTED, "fmt", "-", "--stdout")).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
  });

  it("prints nothing on standard output for a text with syntax errors, so the editor keeps its buffer", async () => {
    const result = await run(BROKEN, "fmt", "-");
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("<stdin>:2:11 error syntax-error expected a release such as 6.0, found '6'");
    expect(result.stderr).toContain("standard input left unchanged");
  });

  it("with --check, names standard input and exits 1 only when it is not formatted", async () => {
    expect(await run(FORMATTED, "fmt", "--check", "-")).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await run(UNFORMATTED, "fmt", "--check", "-")).toEqual({ code: 1, stdout: "<stdin>\n", stderr: "standard input is not formatted\n" });
  });

  it("refuses what it refuses in files, naming <stdin>, with exit 2", async () => {
    expect(await run(Buffer.from([0x6e, 0xff]), "fmt", "-")).toEqual({ code: 2, stdout: "", stderr: "scnc: <stdin>: is not UTF-8 text (invalid byte 0xff at line 1, column 2)\n" });
    expect((await run("network\0", "fmt", "-")).stderr).toBe("scnc: <stdin>: contains a NUL byte at line 1, column 8; is it a binary file?\n");
    const tooLong = await run(Buffer.alloc(MAX_INPUT_BYTES + 10, 0x20), "fmt", "-");
    expect(tooLong).toMatchObject({ code: 2, stdout: "" });
    expect(tooLong.stderr).toMatch(/^scnc: <stdin>: \d+ bytes, over scnc's limit of 64 MiB/);
    expect(await run(UNFORMATTED, "fmt", "-", "a.scn")).toEqual({ code: 2, stdout: "", stderr: "scnc: fmt: '-' (standard input) cannot be combined with other paths\n" });
    expect(await run(undefined, "fmt", "-")).toEqual({ code: 2, stdout: "", stderr: "scnc: fmt: there is no standard input to read\n" });
  });

  it("works through the shipped binary, with a BOM and CRLF line ends", () => {
    const bin = fileURLToPath(new URL("../../bin/scnc", import.meta.url));
    const piped = spawnSync(process.execPath, [bin, "fmt", "-"], { input: `\uFEFF${UNFORMATTED.replace(/\n/g, "\r\n")}`, encoding: "utf8" });
    expect({ code: piped.status, stdout: piped.stdout, stderr: piped.stderr }).toEqual({ code: 0, stdout: FORMATTED, stderr: "" });
  });
});
