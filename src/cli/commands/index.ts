import { Help, type Command } from "commander";
import type { CliIo } from "../io.js";
import { COMMAND_SUMMARIES, type CommandName } from "./summaries.js";

type Register = (program: Command, io: CliIo, setExitCode: (code: number) => void) => void;

/**
 * Each command lives in its own file and registers itself here. Each is loaded only when needed,
 * so `scnc check` does not load the compiler, the simulator or the language server at start-up
 * (bench/startup.ts measures it).
 */
export type CommandLoaders = ReadonlyMap<CommandName, () => Promise<Register>>;

export const commandLoaders: CommandLoaders = new Map<CommandName, () => Promise<Register>>([
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

/** Registers the command the command line names (`scnc build …`, `scnc help build`). Otherwise
 * (`--help`, `--version`, no command, a misspelt one) it registers only each command's summary, so
 * that help lists them and commander can suggest the closest name, without loading their code. */
export async function registerCommands(program: Command, io: CliIo, setExitCode: (code: number) => void, argv: readonly string[] = [],
  loaders: CommandLoaders = commandLoaders): Promise<void> {
  // The command is the first word that is not an option (`scnc --no-color check …`): scnc's own
  // options before it take no value.
  const words = argv.filter((argument) => !argument.startsWith("-"));
  const named = commandNamed(words[0] === "help" ? words[1] : words[0]);
  if (named) {
    (await (loaders.get(named) as () => Promise<Register>)())(program, io, setExitCode);
    return;
  }
  for (const [name, summary] of Object.entries(COMMAND_SUMMARIES)) program.command(name).description(summary.description);
  const help = new Help();
  program.configureHelp({
    subcommandTerm: (command) => {
      const summary = COMMAND_SUMMARIES[command.name() as CommandName] as { usage: string } | undefined;
      return summary ? `${command.name()}${summary.usage ? ` ${summary.usage}` : ""}` : help.subcommandTerm(command);
    },
  });
}

/** Every command, loaded: what the tests compare the summaries with. */
export async function registerAllCommands(program: Command, io: CliIo, setExitCode: (code: number) => void): Promise<void> {
  for (const load of commandLoaders.values()) (await load())(program, io, setExitCode);
}

function commandNamed(word: string | undefined): CommandName | undefined {
  return word !== undefined && Object.hasOwn(COMMAND_SUMMARIES, word) ? (word as CommandName) : undefined;
}
