import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

let cachedRoot: string | null | undefined;

/** The scnc package's directory: found by walking up from this module, which may be a source file
 * (tests), the bundle (dist/cli.js), one of its chunks (dist/chunks/…), or the server bundled in
 * the VS Code extension (scnc-vscode's dist/server.mjs, which ships docs/rules/ too). */
export function packageRoot(start = path.dirname(fileURLToPath(import.meta.url))): string | undefined {
  if (cachedRoot !== undefined) return cachedRoot ?? undefined;
  let directory = start;
  for (;;) {
    const manifest = path.join(directory, "package.json");
    if (existsSync(manifest)) {
      try {
        const { name } = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown };
        if (name === "scnc" || name === "scnc-vscode") {
          cachedRoot = directory;
          return directory;
        }
      } catch {
        // An unreadable package.json belongs to something else; keep walking up.
      }
    }
    const parent = path.dirname(directory);
    if (parent === directory) {
      cachedRoot = null;
      return undefined;
    }
    directory = parent;
  }
}

/** A link to a rule's page, docs/rules/<id>.md in the installed package (generated from the
 * rule's metadata, like `scnc explain`). Editors open it from the diagnostic's code. */
export function ruleDocumentationUri(ruleId: string, root = packageRoot()): string | undefined {
  if (!root) return undefined;
  return pathToFileURL(path.join(root, "docs", "rules", `${ruleId}.md`)).href;
}
