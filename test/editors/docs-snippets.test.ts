import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Each set-up in docs/editors.md is a file under editors/ (the one the editor tests load), shown
// after a `<!-- file: PATH -->` line: the shown text must be that file, byte for byte.
const root = path.resolve(import.meta.dirname, "../..");
const page = readFileSync(path.join(root, "docs/editors.md"), "utf8");
const snippets = [...page.matchAll(/<!-- file: (\S+) -->\n```\w*\n([\s\S]*?)```/g)].map((match) => ({ file: match[1] as string, text: match[2] as string }));

describe("docs/editors.md set-ups", () => {
  it("shows the files the tests use", () => {
    expect(snippets.map((snippet) => snippet.file)).toEqual(expect.arrayContaining([
      "editors/emacs/scn-mode.el", "editors/emacs/lsp-mode.el", "editors/neovim/init.lua",
      "editors/neovim/vim-lsp-start.lua", "editors/neovim/lspconfig.lua", "editors/helix/languages.toml",
    ]));
    for (const snippet of snippets) expect(snippet.text, snippet.file).toBe(readFileSync(path.join(root, snippet.file), "utf8"));
  });
});
