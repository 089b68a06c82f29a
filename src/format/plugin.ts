import type { Plugin } from "prettier";
import { scnParser } from "./parser.js";
import { printer } from "./printer.js";
import type { FormatNode } from "./tree.js";

/**
 * The Prettier plugin for `.scn` files. `scnc fmt` and the language server use it through
 * format.ts; Prettier's own CLI loads the bundle dist/prettier-plugin.js built from this file:
 * `npx prettier --plugin ./dist/prettier-plugin.js network.scn`, or `{"plugins": ["scnc"]}` in a project
 * that installed scnc (package.json `exports`). It enforces the canonical options (options.ts).
 */
export const languages: Plugin["languages"] = [
  { name: "SCN", parsers: ["scn"], extensions: [".scn"], vscodeLanguageIds: ["scn"] },
];

export const parsers: Plugin<FormatNode>["parsers"] = { scn: scnParser };

export const printers: Plugin<FormatNode>["printers"] = { scn: printer };

const plugin: Plugin<FormatNode> = { languages, parsers, printers };
export default plugin;
