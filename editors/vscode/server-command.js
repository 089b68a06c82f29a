// @ts-check
// How the extension starts `scnc lsp` when the `scnc.path` setting names a command. Kept apart
// from extension.js (which needs the editor's `vscode` module) so that a test can run it.
"use strict";

/**
 * The command and spawn options for the setting's value (trimmed, `${workspaceFolder}` already
 * replaced). npm installs scnc as a `.cmd` shim on Windows, which only a shell can start (Node
 * refuses to spawn a .cmd without one since 20.12.2), and Node hands the shell the command and its
 * arguments joined by spaces: a path there is quoted, or cmd.exe would stop at its first space
 * (`C:\Users\Jo Smith\…`, where `${workspaceFolder}` often leads) and read a `/` in it
 * (`${workspaceFolder}/node_modules/.bin/scnc`) as the start of a switch, so it is given with `\`.
 * A bare name (`scnc`, found on the PATH) is left as it is, and so is a value the user quoted.
 * @param {string} command
 * @param {NodeJS.Platform} platform
 * @returns {{ command: string, options: { shell: boolean } }}
 */
function serverCommandFor(command, platform) {
  if (platform !== "win32") return { command, options: { shell: false } };
  const isPath = /[\\/]/.test(command) && !command.startsWith('"');
  return { command: isPath ? `"${command.replaceAll("/", "\\")}"` : command, options: { shell: true } };
}

module.exports = { serverCommandFor };
