import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach } from "vitest";

/** scnc run in-process (so it counts toward coverage), output captured. */
export { runCli as scnc } from "../support/cli.js";

export const BIN = path.resolve(import.meta.dirname, "../../bin/scnc");

/** Spawns ./bin/scnc and resolves once `stderr` shows `marker`, returning the child. */
export function spawnUntil(args: readonly string[], options: { cwd: string; env: Record<string, string> }, marker: string) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env: { ...process.env, ...options.env } });
  let stderr = "";
  const reached = new Promise<void>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes(marker)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`scnc exited (${code}) before '${marker}': ${stderr}`)));
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return { child, reached, exited };
}

const temporary: string[] = [];
afterEach(() => {
  for (const directory of temporary.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A fresh directory, removed after the test. */
export function workspace(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), "scnc-build-"));
  temporary.push(directory);
  return directory;
}

/** A fresh workspace holding net.scn with the given text. */
export function project(text: string): string {
  const cwd = workspace();
  writeFileSync(path.join(cwd, "net.scn"), text);
  return cwd;
}

/** Every file under a directory, by relative path, with its bytes and inode: to prove what a
 * command did or did not touch. */
export function snapshot(directory: string): Record<string, { content: string; inode: number; mode: number }> {
  const files: Record<string, { content: string; inode: number; mode: number }> = {};
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(directory, relative), { withFileTypes: true })) {
      const entryPath = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(entryPath);
      else {
        const info = statSync(path.join(directory, entryPath));
        files[entryPath] = { content: readFileSync(path.join(directory, entryPath), "utf8"), inode: info.ino, mode: info.mode & 0o777 };
      }
    }
  };
  walk("");
  return files;
}
