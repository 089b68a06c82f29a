import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { registerBuild } from "./build.js";
import { registerCheck } from "./check.js";
import { registerExplain } from "./explain.js";
import { registerFmt } from "./fmt.js";
import { registerGraph } from "./graph.js";
import { registerLicenses } from "./licenses.js";
import { registerLsp } from "./lsp.js";
import { registerPlan } from "./plan.js";
import { registerRules } from "./rules.js";
import { registerSimulate } from "./simulate.js";

/** Each command lives in its own file and registers itself here. */
export function registerCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  registerCheck(program, io, setExitCode);
  registerBuild(program, io, setExitCode);
  registerPlan(program, io, setExitCode);
  registerSimulate(program, io, setExitCode);
  registerGraph(program, io, setExitCode);
  registerLicenses(program, io, setExitCode);
  registerRules(program, io, setExitCode);
  registerExplain(program, io, setExitCode);
  registerFmt(program, io, setExitCode);
  registerLsp(program, io, setExitCode);
}
