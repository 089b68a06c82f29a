import path from "node:path";
import { configFileIn, readConfigFile, type LoadedConfig } from "./load.js";

export interface ConfigLookupOptions {
  /** Where relative paths start, and what file names in messages are relative to. */
  readonly cwd: string;
  /** --config: this file (relative to `cwd`) for every input, instead of the nearest scnc.json. */
  readonly explicitPath?: string;
  /** Name files in messages by their absolute path (the language server has no current directory). */
  readonly absolutePaths?: boolean;
}

/**
 * The one way scnc finds the configuration of an input: the file given with --config, else the
 * nearest scnc.json in the input's directory or a parent (as Prettier and `.eslintrc` find theirs),
 * else the defaults. `check`, every other command that runs the rules, and the language server all
 * ask this. Each directory is searched once and each scnc.json read once, so a batch of thousands
 * of files in a few directories costs a few reads; a file that cannot be used rejects every input
 * under it with the same ConfigError.
 */
export class ConfigLookup {
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly loaded = new Map<string, Promise<LoadedConfig>>();
  private readonly byDirectory = new Map<string, Promise<LoadedConfig>>();

  constructor(private readonly options: ConfigLookupOptions) {}

  /** The configuration of `file` (absolute, or relative to `cwd`; "-" style stand-ins are the caller's to name). */
  forFile(file: string): Promise<LoadedConfig> {
    const directory = path.dirname(path.resolve(this.options.cwd, file));
    // The same answer for every file of a directory: a batch of thousands asks once per folder.
    let pending = this.byDirectory.get(directory);
    if (!pending) {
      pending = this.forDirectory(directory);
      this.byDirectory.set(directory, pending);
    }
    return pending;
  }

  /** The configuration of an input in `directory` (standard input without a name: the current directory). */
  async forDirectory(directory: string): Promise<LoadedConfig> {
    const file = this.options.explicitPath !== undefined
      ? path.resolve(this.options.cwd, this.options.explicitPath)
      : await this.nearest(path.resolve(this.options.cwd, directory));
    if (file === undefined) return { path: undefined, config: { rules: {} } };
    let pending = this.loaded.get(file);
    if (!pending) {
      pending = readConfigFile(file, this.shown(file));
      this.loaded.set(file, pending);
    }
    return pending;
  }

  /** scnc.json in `directory` or its nearest parent; each directory on the way is looked at once per run. */
  private nearest(directory: string): Promise<string | undefined> {
    let pending = this.found.get(directory);
    if (!pending) {
      pending = configFileIn(directory).then((file) => {
        const parent = path.dirname(directory);
        return file ?? (parent === directory ? undefined : this.nearest(parent));
      });
      this.found.set(directory, pending);
    }
    return pending;
  }

  /** The file as messages name it: as the user spelt --config, else relative to the current directory. */
  private shown(file: string): string {
    if (this.options.explicitPath !== undefined && !this.options.absolutePaths) return this.options.explicitPath;
    if (this.options.absolutePaths) return file;
    const relative = path.relative(this.options.cwd, file);
    return relative === "" ? file : relative;
  }
}
