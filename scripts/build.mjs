// Builds the shipped CLI: one esbuild bundle (start-up is dominated by module loading, and a
// bundle loads chevrotain's 600+ files as one). Runs on `npm ci` through the `prepare` script.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { generateValidators } from "./generate-validators.mjs";

rmSync("dist", { recursive: true, force: true });
await generateValidators();

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
