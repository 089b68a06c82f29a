// Builds the shipped CLI: one esbuild bundle (start-up is dominated by module loading, and a
// bundle loads chevrotain's 600+ files as one). Runs on `npm ci` through the `prepare` script.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { generateValidators } from "./generate-validators.mjs";

rmSync("dist", { recursive: true, force: true });
await generateValidators();

// Built-in modules that only some runs use, loaded on first use instead of at start-up: commander
// requires child_process (for executable subcommands, which scnc has none of), and crypto serves
// only a written file's temporary name, a build lock and SARIF fingerprints. Each costs a few
// milliseconds of every `scnc check` (bench/startup.ts). The stand-in has every export of the real
// module as a getter, so named imports and `require` both work unchanged.
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(build) {
    build.onResolve({ filter: /^(node:)?(child_process|crypto)$/ }, (args) =>
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
