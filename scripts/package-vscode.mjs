// `npm run package:vscode`: builds editors/vscode/scnc-vscode.vsix. The extension and the language
// server are each one esbuild bundle (dist/extension.js, dist/server.mjs), so the .vsix holds no
// node_modules and needs no `npm install` in editors/vscode; vsce then packages the directory
// offline (--no-dependencies: everything it needs is in the bundles).
import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

// The bundles keep no licence comments (legalComments "none"); THIRD-PARTY-NOTICES.txt carries the
// licence of every package they include instead, found from esbuild's metafile of each bundle.
const common = { bundle: true, platform: "node", target: "node20", legalComments: "none", logLevel: "warning", absWorkingDir: root, metafile: true };
// The client: VS Code provides `vscode`; vscode-languageclient comes from the repository's node_modules.
const client = await build({ ...common, entryPoints: [path.join(extension, "extension.js")], outfile: path.join(out, "extension.js"), format: "cjs", external: ["vscode"] });
// The server, as `scnc lsp --stdio` runs it. Prettier's standalone build formats with the scnc
// plugin alone, so none of Prettier's built-in language plugins are bundled.
const server = await build({
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
writeFileSync(path.join(extension, "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices([client.metafile, server.metafile]));

/** The package directory (relative to the repository) of each bundled input under node_modules, e.g.
 * node_modules/@chevrotain/types, for nested copies the innermost one. */
function bundledPackages(metafiles) {
  const directories = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replaceAll("\\", "/"));
      if (match) directories.add(match[1]);
    }
  }
  return [...directories];
}

/** One section per bundled package, sorted by name: name, version, licence and the licence text the package ships. */
function thirdPartyNotices(metafiles) {
  const packages = bundledPackages(metafiles).map((directory) => {
    const manifest = JSON.parse(readFileSync(path.join(root, directory, "package.json"), "utf8"));
    const files = readdirSync(path.join(root, directory)).sort();
    const licenceFile = files.find((name) => /^(licen[cs]e|copying)(\.|$|-)/i.test(name));
    // A package's own notices (Apache-2.0 NOTICE, Prettier's licences of what it bundles) go with it.
    const noticeFiles = files.filter((name) => /^(notice|third-party-notices)(\.|$)/i.test(name));
    return {
      name: manifest.name,
      version: manifest.version,
      license: typeof manifest.license === "string" ? manifest.license : manifest.license?.type ?? "(not stated)",
      text: licenceFile
        ? readFileSync(path.join(root, directory, licenceFile), "utf8").replaceAll("\r\n", "\n").trim()
        : "(the package ships no licence file)",
      notices: noticeFiles.map((name) => `${name} of ${manifest.name}:\n\n${readFileSync(path.join(root, directory, name), "utf8").replaceAll("\r\n", "\n").trim()}`),
    };
  });
  const unique = [...new Map(packages.map((entry) => [`${entry.name}@${entry.version}`, entry])).values()]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version < b.version ? -1 : 1));
  const rule = "-".repeat(72);
  return [
    "Third-party software bundled in dist/extension.js and dist/server.mjs of this extension.",
    "Generated by scripts/package-vscode.mjs from the bundles' inputs.",
    "",
    ...unique.map((entry) => `- ${entry.name} ${entry.version} (${entry.license})`),
    "",
    ...unique.flatMap((entry) => [rule, `${entry.name} ${entry.version}`, `License: ${entry.license}`, "", entry.text, "", ...entry.notices.flatMap((notice) => [notice, ""])]),
  ].join("\n");
}

const vsce = createRequire(import.meta.url).resolve("@vscode/vsce/vsce");
execFileSync(process.execPath, [vsce, "package", "--no-dependencies", "--out", "scnc-vscode.vsix"], { cwd: extension, stdio: "inherit" });
