import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const { serverCommandFor } = createRequire(import.meta.url)("../../editors/vscode/server-command.js") as {
  serverCommandFor: (command: string, platform: NodeJS.Platform) => { command: string; options: { shell: boolean } };
};

/** The program cmd.exe runs for a command line (Node gives the shell `[command, ...args].join(" ")`):
 * a quoted first word whole, else the text up to the first space or `/` (where a switch starts). */
function programCmdRuns(line: string): string {
  if (line.startsWith('"')) return line.slice(1, line.indexOf('"', 1));
  return /^[^ /]*/.exec(line)?.[0] ?? "";
}

describe("the VS Code extension's scnc.path on Windows", () => {
  const cmdRuns = (setting: string) => {
    const { command, options } = serverCommandFor(setting, "win32");
    expect(options.shell).toBe(true);
    return programCmdRuns([command, "lsp", "--stdio"].join(" "));
  };

  it("starts the program a path names, spaces and forward slashes included", () => {
    expect(cmdRuns("C:\\Users\\Jo Smith\\net\\node_modules\\.bin\\scnc.cmd")).toBe("C:\\Users\\Jo Smith\\net\\node_modules\\.bin\\scnc.cmd");
    expect(cmdRuns("C:\\Users\\Jo Smith\\net/node_modules/.bin/scnc")).toBe("C:\\Users\\Jo Smith\\net\\node_modules\\.bin\\scnc");
    expect(cmdRuns("C:\\Program Files\\scnc\\scnc.cmd")).toBe("C:\\Program Files\\scnc\\scnc.cmd");
  });

  it("leaves a name on the PATH and a path the user quoted as they are", () => {
    expect(serverCommandFor("scnc", "win32").command).toBe("scnc");
    expect(serverCommandFor('"C:\\Program Files\\scnc\\scnc.cmd"', "win32").command).toBe('"C:\\Program Files\\scnc\\scnc.cmd"');
  });

  it("elsewhere runs the command without a shell, unchanged", () => {
    expect(serverCommandFor("/home/jo smith/net/node_modules/.bin/scnc", "linux")).toEqual({ command: "/home/jo smith/net/node_modules/.bin/scnc", options: { shell: false } });
  });
});
