// `npm run package:vscode`: builds editors/vscode/scnc-vscode.vsix. The extension and the language
// server are each one esbuild bundle (dist/extension.js, dist/server.mjs), so the .vsix holds no
// node_modules and needs no `npm install` in editors/vscode; vsce then packages the directory
// offline (--no-dependencies: everything it needs is in the bundles).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const extension = path.join(root, "editors/vscode");
const out = path.join(extension, "dist");
rmSync(out, { recursive: true, force: true });
mkdirSync(path.join(extension, "syntaxes"), { recursive: true });
copyFileSync(path.join(root, "grammar/scn.tmLanguage.json"), path.join(extension, "syntaxes/scn.tmLanguage.json"));
copyFileSync(path.join(root, "grammar/language-configuration.json"), path.join(extension, "language-configuration.json"));
// The rule pages that diagnostics link to (the server finds them beside its package.json).
rmSync(path.join(extension, "docs"), { recursive: true, force: true });
cpSync(path.join(root, "docs/rules"), path.join(extension, "docs/rules"), { recursive: true });


const common = { bundle: true, platform: "node", target: "node20", legalComments: "none", logLevel: "warning", absWorkingDir: root };
// The client: VS Code provides `vscode`; vscode-languageclient comes from the repository's node_modules.
await build({ ...common, entryPoints: [path.join(extension, "extension.js")], outfile: path.join(out, "extension.js"), format: "cjs", external: ["vscode"] });
// The server, as `scnc lsp --stdio` runs it. Prettier's standalone build formats with the scnc
// plugin alone, so none of Prettier's built-in language plugins are bundled.
await build({
  ...common,
  entryPoints: [path.join(root, "src/lsp/stdio-main.ts")],
  outfile: path.join(out, "server.mjs"),
  format: "esm",
  plugins: [{
    name: "prettier-standalone",
    setup(builder) {
      builder.onResolve({ filter: /^prettier$/ }, () => ({ path: createRequire(import.meta.url).resolve("prettier/standalone") }));
    },
  }],
  banner: { js: "import { createRequire as __scncCreateRequire } from 'node:module'; const require = __scncCreateRequire(import.meta.url);" },
});

const vsce = createRequire(import.meta.url).resolve("@vscode/vsce/vsce");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--out", "scnc-vscode.vsix"], { cwd: extension, stdio: "inherit" });
