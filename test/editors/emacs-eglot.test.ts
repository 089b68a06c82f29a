import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { commandRuns, EDITOR_TESTS_REQUIRED, NETWORK } from "./support.js";

// Emacs driven headless, as a user's Emacs would run: editors/emacs/scn-mode.el (the set-up that
// docs/editors.md shows) picks the mode from auto-mode-alist and starts `scnc lsp --stdio` through
// eglot; the driver reads back flymake's diagnostics, a hover and go-to-definition through xref.
// Debian's emacs-nox and elpa-eglot; .ci/run installs them and makes the test required in CI.
const root = path.resolve(import.meta.dirname, "../..");
const required = EDITOR_TESTS_REQUIRED;
const emacs = commandRuns("emacs", ["--batch", "--no-init-file", "--eval", "(require 'eglot)"]);
if (!emacs && !required) console.log("skipped: Emacs with eglot is not installed (apt-get install emacs-nox elpa-eglot)");

describe.skipIf(!emacs && !required)("Emacs eglot with editors/emacs/scn-mode.el", () => {
  it("shows a diagnostic, hovers and goes to a definition", async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), "scnc-emacs-"));
    try {
      const file = path.join(directory, "net.scn");
      await writeFile(file, NETWORK);
      const { stdout } = await promisify(execFile)("emacs", [
        "--batch", "--no-init-file",
        "-l", path.join(root, "editors/emacs/scn-mode.el"),
        "-l", path.join(root, "test/editors/emacs-eglot-driver.el"),
      ], { cwd: directory, env: { ...process.env, SCNC_TEST_FILE: file, PATH: `${path.join(root, "bin")}${path.delimiter}${process.env.PATH ?? ""}` } });
      const line = stdout.split("\n").find((text) => text.startsWith("SCNC-RESULT "));
      const result = JSON.parse(line?.slice("SCNC-RESULT ".length) ?? "null") as {
        diagnostics: [number, string][]; hover: string; definition: { file: string; line: number };
      };
      expect(result.diagnostics).toContainEqual([4, expect.stringMatching(/syntax-error.*found 'linx'; did you mean 'linux'\?/)]);
      expect(result.hover).toMatch(/\*\*server\*\* `vm-east` — distributed Voicemail Pro server/);
      expect(result.definition).toEqual({ file, line: 4 });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
