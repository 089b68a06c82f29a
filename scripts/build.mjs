// Builds the shipped CLI: one esbuild bundle (start-up is dominated by module loading, and a
// bundle loads chevrotain's 600+ files as one). Runs on `npm ci` through the `prepare` script.
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateValidators } from "./generate-validators.mjs";

rmSync("dist", { recursive: true, force: true });
await generateValidators();

// Built-in modules that only some runs use, loaded on first use instead of at start-up: commander
// requires child_process (for executable subcommands, which scnc has none of), crypto serves
// only a written file's temporary name, a build lock and SARIF fingerprints, worker_threads only
// parallel jobs and build's writer, net only IPv6 addresses, and v8 only a batch's heap settings. Each costs a few
// milliseconds of every `scnc check` (bench/startup.ts). The stand-in has every export of the real
// module as a getter, so named imports and `require` both work unchanged.
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    build.onResolve({ filter: /^(node:)?(child_process|crypto|worker_threads|net|v8)$/ }, (args) =>
      args.namespace === "lazy-builtin" ? undefined : { path: `node:${args.path.replace(/^node:/, "")}`, namespace: "lazy-builtin" });
    build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, async (args) => {
      const names = Object.keys(await import(args.path)).filter((name) => name !== "default");
      return {
        loader: "js",
        contents: `let loaded; const load = () => (loaded ??= require(${JSON.stringify(args.path)}));\n` +
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });\n`,
      };
    });
  },
};

const banner = { js: "import { createRequire as __scncCreateRequire } from 'node:module'; const require = __scncCreateRequire(import.meta.url);" };

await build({
  entryPoints: { cli: "src/cli/entry.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["prettier"],
  banner,
  chunkNames: "chunks/[name]-[hash]",
  plugins: [lazyBuiltins],
  legalComments: "none",
  logLevel: "warning",
});

// `scnc check` and `scnc build` again, each as one CommonJS file that bin/scnc compiles with V8's
// code cache (dist/check.cjs.cache, dist/build.cjs.cache): Node 20 has no compile cache for ES
// modules, and compiling the code is a third of a cold `scnc check` (and 0.1 s of main-thread time
// of a batch build of 1,000 networks). Each cache is made here by running its command with the
// bundle, so it holds the functions that command compiles; a Node that cannot use it (another
// version, other V8 flags) rejects it and compiles as usual.
// Only the command's own code: the other commands' loaders (src/cli/commands/index.ts) are left out
// of its bundle, since bin/scnc runs it for that command alone (build also uses check's options).
const commandOnly = (command, kept) => ({
  name: `${command}-only`,
  setup(build) {
    build.onResolve({ filter: /^\.\/[a-z]+\.js$/ }, (args) =>
      /[\\/]src[\\/]cli[\\/]commands[\\/]index\.ts$/.test(args.importer) && !kept.includes(args.path)
        ? { path: args.path, namespace: `not-in-${command}` } : undefined);
    build.onLoad({ filter: /.*/, namespace: `not-in-${command}` }, (args) =>
      ({ loader: "js", contents: `throw new Error(${JSON.stringify(`dist/${command}.cjs runs only scnc ${command}, not ${args.path}`)});` }));
  },
});
const cacheRunOutput = mkdtempSync(path.join(os.tmpdir(), "scnc-code-cache-"));
const codeCacheRuns = {
  check: ["check", "examples/acme.scn"],
  // A batch build, so that the cache holds the batch's code (the writer thread, the index) too.
  build: ["build", "examples", "-o", path.join(cacheRunOutput, "out")],
};
try {
  for (const [command, args] of Object.entries(codeCacheRuns)) {
    await build({
      entryPoints: { [command]: "src/cli/process-main.ts" },
      outdir: "dist",
      outExtension: { ".js": ".cjs" },
      bundle: true,
      format: "cjs",
      platform: "node",
      target: "node20",
      external: ["prettier"],
      plugins: [lazyBuiltins, commandOnly(command, [...new Set(["./check.js", "./summaries.js", `./${command}.js`])])],
      legalComments: "none",
      logLevel: "warning",
    });
    const cacheRun = spawnSync(process.execPath, ["bin/scnc", ...args], { stdio: "ignore", env: { ...process.env, SCNC_WRITE_CODE_CACHE: "1" } });
    if (cacheRun.error || !existsSync(`dist/${command}.cjs.cache`)) {
      throw new Error(`build: could not make dist/${command}.cjs.cache (${cacheRun.error?.message ?? `exit ${cacheRun.status}`})`);
    }
  }
} finally {
  rmSync(cacheRunOutput, { recursive: true, force: true });
}

// The Prettier plugin as one file for Prettier's own CLI: `prettier --plugin ./dist/prettier-plugin.js`.
await build({
  entryPoints: { "prettier-plugin": "src/format/plugin.ts" },
  outdir: "dist",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["prettier"],
  banner,
  legalComments: "none",
  logLevel: "warning",
});
