import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { commandLoaders, registerAllCommands, registerCommands } from "../../src/cli/commands/index.js";
import { COMMAND_SUMMARIES } from "../../src/cli/commands/summaries.js";
import type { CliIo } from "../../src/cli/io.js";
import { runCli } from "../support/cli.js";

// `--help` and `--version` answer from the command summaries alone (start-up), so the summaries
// must say exactly what the real commands would.
const io: CliIo = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: "/", env: {} } as unknown as CliIo;

function helpOf(program: Command): string {
  program.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  return program.helpInformation();
}

describe("command summaries", () => {
  it("name every command, and only those", () => {
    expect([...commandLoaders.keys()].sort()).toEqual(Object.keys(COMMAND_SUMMARIES).sort());
  });

  it("give the same top-level help as the loaded commands", async () => {
    const fromSummaries = new Command("scnc").description("d");
    await registerCommands(fromSummaries, io, () => undefined, ["--help"]);
    const loaded = new Command("scnc").description("d");
    await registerAllCommands(loaded, io, () => undefined);
    expect(helpOf(fromSummaries)).toBe(helpOf(loaded));
    for (const command of loaded.commands) {
      expect(command.description(), command.name()).toBe(COMMAND_SUMMARIES[command.name() as keyof typeof COMMAND_SUMMARIES].description);
    }
  });

  it("--version, --help, no command and a misspelt one load no command's code; a named command loads only its own", async () => {
    const loaded: string[] = [];
    const spying = new Map([...commandLoaders].map(([name, load]) => [name, async () => {
      loaded.push(name);
      return load();
    }]));
    for (const argv of [["--version"], ["-v"], ["--help"], [], ["chek"], ["help"]]) {
      await registerCommands(new Command("scnc"), io, () => undefined, argv, spying);
      expect(loaded, argv.join(" ")).toEqual([]);
    }
    await registerCommands(new Command("scnc"), io, () => undefined, ["help", "build"], spying);
    await registerCommands(new Command("scnc"), io, () => undefined, ["simulate", "x.scn"], spying);
    await registerCommands(new Command("scnc"), io, () => undefined, ["--no-color", "graph", "x.scn"], spying);
    expect(loaded).toEqual(["build", "simulate", "graph"]);
  });

  it("still suggest the closest command, and `scnc help build` shows build's own help", async () => {
    const misspelt = await runCli(["chek", "x.scn"]);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("(Did you mean check?)");
    const help = await runCli(["help", "build"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: scnc build [options] <inputs...>");
  });
});
