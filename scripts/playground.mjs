// `npm run playground`: the browser playground as a static site in playground/dist/ (docs/playground.md).
// Classic scripts only (no ES modules, no fetch), and the worker is started from a Blob, so the
// site works from any static host and from file:// alike. Graphviz is its own script, loaded the
// first time the Graph or Report tab needs it.
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "playground/dist");
const shims = path.join(root, "playground/src/shims");

/** The Node-only modules the core reaches, replaced by what a browser can do. */
const replaced = new Map([
  ["node:net", "net.ts"],
  ["node:crypto", "crypto.ts"],
  [path.join(root, "src/lsp/configuration.ts"), "configuration.ts"],
  [path.join(root, "src/lsp/rule-docs.ts"), "rule-docs.ts"],
]);

const browserShims = {
  name: "scnc-browser-shims",
  setup(builder) {
    // Prettier's own browser build (prettier/doc works in both).
    builder.onResolve({ filter: /^prettier$/ }, (args) => builder.resolve("prettier/standalone", { kind: args.kind, resolveDir: args.resolveDir }));
    builder.onResolve({ filter: /^node:/ }, (args) => {
      const shim = replaced.get(args.path);
      if (!shim) return { errors: [{ text: `${args.path} has no browser replacement (imported by ${args.importer})` }] };
      return { path: path.join(shims, shim) };
    });
    builder.onResolve({ filter: /(configuration|rule-docs)\.js$/ }, (args) => {
      const resolved = path.join(args.resolveDir, args.path.replace(/\.js$/, ".ts"));
      const shim = replaced.get(resolved);
      return shim ? { path: path.join(shims, shim) } : undefined;
    });
  },
};

const common = {
  bundle: true,
  format: "iife",
  platform: "browser",
  target: ["chrome110", "firefox115", "safari16"],
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  plugins: [browserShims],
  write: false,
};

export async function buildPlayground() {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const worker = await build({ ...common, entryPoints: [path.join(root, "playground/src/worker.ts")] });
  const workerSource = worker.outputFiles[0].text;
  const examples = ["acme.scn", "r5-fallback-office.scn", "r6-backup-server.scn", "r6-distributed-servers.scn", "r8-r9-phased-upgrade.scn", "r11-ip-office-lines.scn"]
    .map((name) => ({ name, text: readFileSync(path.join(root, "examples", name), "utf8") }));
  const main = await build({
    ...common,
    entryPoints: [path.join(root, "playground/src/main.ts")],
    define: { SCNC_WORKER_SOURCE: JSON.stringify(workerSource), SCNC_EXAMPLES: JSON.stringify(examples) },
  });
  writeFileSync(path.join(out, "playground.js"), main.outputFiles[0].text);
  const graphviz = await build({ ...common, plugins: [], entryPoints: [path.join(root, "playground/src/graphviz.ts")] });
  writeFileSync(path.join(out, "graphviz.js"), graphviz.outputFiles[0].text);
  copyFileSync(path.join(root, "playground/index.html"), path.join(out, "index.html"));
  copyFileSync(path.join(root, "playground/playground.css"), path.join(out, "playground.css"));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildPlayground();
  console.log("playground built in playground/dist/ (open playground/dist/index.html)");
}
