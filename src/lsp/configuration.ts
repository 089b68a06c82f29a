import path from "node:path";
import { fileURLToPath } from "node:url";
import { ConfigError } from "../config/load.js";
import { ConfigLookup } from "../config/lookup.js";
import type { RunOptions } from "../rules/run.js";

/**
 * scnc.json for each open document: the one in the document's directory or the nearest parent,
 * found by the same ConfigLookup as `scnc check` uses for that file. Loaded once per directory and kept until the client says
 * a scnc.json changed. A file that cannot be used is reported once, and the defaults apply meanwhile,
 * so a typo in scnc.json never silences the editor.
 */
export class DocumentConfigurations {
  private readonly loaded = new Map<string, RunOptions>();
  private readonly loading = new Map<string, Promise<RunOptions>>();
  /** Bumped by `clear`, so a load that was under way when the files changed is not kept. */
  private generation = 0;
  /** Messages name files by their full path: a language server has no current directory. */
  private lookup = DocumentConfigurations.newLookup();

  private static newLookup(): ConfigLookup {
    return new ConfigLookup({ cwd: path.resolve("/"), absolutePaths: true });
  }

  constructor(private readonly reportProblem: (message: string) => void) {}

  /** The directory whose scnc.json applies; undefined for documents that are not files. */
  private directoryOf(uri: string): string | undefined {
    if (!uri.startsWith("file:")) return undefined;
    try {
      return path.dirname(fileURLToPath(uri));
    } catch {
      return undefined;
    }
  }

  /** The options for a document if they are known now (always for documents that are not files). */
  cached(uri: string): RunOptions | undefined {
    const directory = this.directoryOf(uri);
    return directory === undefined ? {} : this.loaded.get(directory);
  }

  load(uri: string): Promise<RunOptions> {
    const directory = this.directoryOf(uri);
    if (directory === undefined) return Promise.resolve({});
    const known = this.loaded.get(directory);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(directory);
    if (!pending) {
      const generation = this.generation;
      pending = this.lookup.forDirectory(directory)
        .then(({ config }): RunOptions => ({ severities: config.rules }))
        .catch((error: unknown): RunOptions => {
          this.reportProblem(error instanceof ConfigError
            ? `scnc.json is not used: ${error.message}`
            : `scnc.json could not be read: ${error instanceof Error ? error.message : String(error)}`);
          return {};
        })
        .then((options) => {
          if (generation === this.generation) {
            this.loaded.set(directory, options);
            this.loading.delete(directory);
          }
          return options;
        });
      this.loading.set(directory, pending);
    }
    return pending;
  }

  /** Forgets every directory's configuration (a scnc.json was created, changed or deleted). */
  clear(): void {
    this.generation++;
    this.lookup = DocumentConfigurations.newLookup();
    this.loaded.clear();
    this.loading.clear();
  }
}
