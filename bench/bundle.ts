// Benchmarks measure the code users run: an esbuild bundle built the way scripts/build.mjs builds
// dist/cli.js. Running src/ through tsx would measure something else: tsx compiles with esbuild's
// keepNames, which wraps every function and closure in `__name(…)`, and that makes the parser two
// to five times slower than the shipped bundle. So each benchmark's measuring half is a small entry
// file that this module bundles into .tmp/bench/ and that runs in a child `node` process.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outdir = path.join(root, ".tmp/bench");
const built = new Map<string, Promise<string>>();

/** Bundles bench/NAME.ts (once per run) and returns the path of the bundle. */
export function bundled(entry: string): Promise<string> {
  let output = built.get(entry);
  if (!output) {
    const outfile = path.join(outdir, `${path.basename(entry, ".ts")}.mjs`);
    output = build({
      entryPoints: [path.join(root, "bench", entry)],
      outfile,
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      // As scripts/build.mjs: bundled CommonJS dependencies (chevrotain's, ajv) call `require`.
      banner: { js: "import { createRequire as __scncCreateRequire } from 'node:module'; const require = __scncCreateRequire(import.meta.url);" },
      legalComments: "none",
      logLevel: "warning",
    }).then(() => outfile);
    built.set(entry, output);
  }
  return output;
}

/** Runs a bundle in a fresh `node` with `args` and returns what it printed on stdout as JSON. */
export async function runBundled<T>(entry: string, args: readonly string[], nodeOptions: readonly string[] = []): Promise<T> {
  const script = await bundled(entry);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeOptions, script, ...args], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`node ${path.relative(root, script)} ${args.join(" ")} exited with ${code}`));
      else resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")) as T);
    });
  });
}
