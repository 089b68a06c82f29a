import type { Command } from "commander";
import type { CliIo } from "../io.js";

type Register = (program: Command, io: CliIo, setExitCode: (code: number) => void) => void;

/**
 * Each command lives in its own file and registers itself here. Each is loaded only when needed,
 * so `scnc check` does not load the compiler, the simulator or the language server at start-up
 * (bench/startup.ts measures it).
 */
const commands: ReadonlyMap<string, () => Promise<Register>> = new Map([
  ["check", async () => (await import("./check.js")).registerCheck],
  ["build", async () => (await import("./build.js")).registerBuild],
  ["plan", async () => (await import("./plan.js")).registerPlan],
  ["runbook", async () => (await import("./runbook.js")).registerRunbook],
  ["report", async () => (await import("./report.js")).registerReport],
  ["simulate", async () => (await import("./simulate.js")).registerSimulate],
  ["graph", async () => (await import("./graph.js")).registerGraph],
  ["licenses", async () => (await import("./licenses.js")).registerLicenses],
  ["rules", async () => (await import("./rules.js")).registerRules],
  ["explain", async () => (await import("./explain.js")).registerExplain],
  ["fmt", async () => (await import("./fmt.js")).registerFmt],
  ["lsp", async () => (await import("./lsp.js")).registerLsp],
]);

/** Registers the command named first on the command line, or every command when the first
 * argument names none (help, version, a misspelt command that commander suggests a fix for). */
export async function registerCommands(program: Command, io: CliIo, setExitCode: (code: number) => void, argv: readonly string[] = []): Promise<void> {
  const named = commands.get(argv[0] ?? "");
  const loaders = named ? [named] : [...commands.values()];
  for (const register of await Promise.all(loaders.map((load) => load()))) register(program, io, setExitCode);
}
