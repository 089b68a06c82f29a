import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { registerCheck } from "./check.js";
import { registerExplain } from "./explain.js";
import { registerRules } from "./rules.js";

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  registerCheck(program, io, setExitCode);
  registerRules(program, io, setExitCode);
  registerExplain(program, io, setExitCode);
}
