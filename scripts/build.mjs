// Builds the shipped CLI: one esbuild bundle (start-up is dominated by module loading, and a
// bundle loads chevrotain's 600+ files as one). Runs on `npm ci` through the `prepare` script.
import { build } from "esbuild";
import { rmSync } from "node:fs";
import { generateValidators } from "./generate-validators.mjs";

rmSync("dist", { recursive: true, force: true });
await generateValidators();

await build({
  entryPoints: { cli: "src/cli/entry.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: ["prettier"],
  banner: { js: "import { createRequire as __scncCreateRequire } from 'node:module'; const require = __scncCreateRequire(import.meta.url);" },
  chunkNames: "chunks/[name]-[hash]",
  legalComments: "none",
  logLevel: "warning",
});
