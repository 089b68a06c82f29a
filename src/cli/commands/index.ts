import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { registerBuild } from "./build.js";
import { registerCheck } from "./check.js";
import { registerFmt } from "./fmt.js";
import { registerLsp } from "./lsp.js";
import { registerPlan } from "./plan.js";

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  registerCheck(program, io, setExitCode);
  registerBuild(program, io, setExitCode);
  registerPlan(program, io, setExitCode);
  registerFmt(program, io, setExitCode);
  registerLsp(program, io, setExitCode);
}
