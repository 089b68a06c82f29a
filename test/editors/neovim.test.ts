import { execFile } from "node:child_process";
import { mkdtemp, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { commandRuns, EDITOR_TESTS_REQUIRED, NETWORK } from "./support.js";

// Neovim driven headless, as a user's Neovim would run: the set-up file that docs/editors.md shows
// is loaded unchanged, opens a .scn file, and the driver reads back the buffer's diagnostics, the
// hover window (K) and where go-to-definition lands. Debian 12 has Neovim 0.7.2 only, older than
// both set-ups' Neovim: there the driver defines a shim for vim.lsp.start (0.8+, as 0.8 defines it:
// start_client + buf_attach_client, one client per name and root_dir) and vim.fs.root (0.10+), and
// only when they are missing; on a newer Neovim the set-ups run with Neovim's own. nvim-lspconfig is
// its v0.1.6 (the last release line for Neovim 0.7), vendored under test/editors/vendor/.
// .ci/run installs Debian's neovim and makes the test required in CI.
const root = path.resolve(import.meta.dirname, "../..");
const required = EDITOR_TESTS_REQUIRED;
const neovim = commandRuns("nvim", ["--version"]);
if (!neovim && !required) console.log("skipped: Neovim is not installed (apt-get install neovim, or SCNC_EDITOR_TESTS=required to fail instead)");

interface Result {
  error?: string;
  clients: { name: string; root_dir?: string }[];
  running: number;
  diagnostics: [number, string, string][];
  hover: string | null;
  definition: { file: string; line: number };
}

async function drive(setup: string, runtimepath?: string): Promise<{ result: Result; directory: string }> {
  const directory = await realpath(await mkdtemp(path.join(os.tmpdir(), "scnc-neovim-")));
  const file = path.join(directory, "net.scn");
  await writeFile(file, NETWORK);
  // The marker both set-ups look for, so the client's root is the customer directory.
  await writeFile(path.join(directory, "scnc.json"), "{}\n");
  await writeFile(path.join(directory, "other.scn"), 'network "Other" {\n  release 6\n}\n');
  try {
    const { stdout } = await promisify(execFile)("nvim", [
      "--headless", "-u", "NONE", "-c", `luafile ${path.join(root, "test/editors/neovim-driver.lua")}`,
    ], {
      cwd: directory,
      timeout: 120_000,
      env: {
        ...process.env,
        SCNC_TEST_FILE: file,
        SCNC_SETUP: path.join(root, setup),
        ...(runtimepath ? { SCNC_RUNTIMEPATH: path.join(root, runtimepath) } : {}),
        PATH: `${path.join(root, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
      },
    }).catch((error: { stdout?: string; message: string }) => ({ stdout: error.stdout ?? error.message }));
    const line = stdout.split("\n").find((text) => text.startsWith("SCNC-RESULT "));
    if (!line) throw new Error(`the driver printed no result:\n${stdout}`);
    return { result: JSON.parse(line.slice("SCNC-RESULT ".length)) as Result, directory };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function expectWhatTheUserSees({ result, directory }: { result: Result; directory: string }): void {
  expect(result.error).toBeUndefined();
  expect(result.clients).toEqual([{ name: "scnc", root_dir: directory }]);
  expect(result.running, "one server for the directory's two files").toBe(1);
  expect(result.diagnostics).toContainEqual([4, "syntax-error", expect.stringMatching(/found 'linx'; did you mean 'linux'\?/)]);
  expect(result.hover).toMatch(/\*\*server\*\* `vm-east` — distributed Voicemail Pro server/);
  expect(result.definition).toEqual({ file: path.join(directory, "net.scn"), line: 4 });
}

describe.skipIf(!neovim && !required)("Neovim", () => {
  it("with editors/neovim/vim-lsp-start.lua: shows a diagnostic, hovers and goes to a definition", async () => {
    expectWhatTheUserSees(await drive("editors/neovim/vim-lsp-start.lua"));
  });

  it("with editors/neovim/lspconfig.lua and nvim-lspconfig v0.1.6: shows a diagnostic, hovers and goes to a definition", async () => {
    expectWhatTheUserSees(await drive("editors/neovim/lspconfig.lua", "test/editors/vendor/nvim-lspconfig"));
  });
});
