// No scnc.json in a browser: every document is checked with the defaults (the worker also passes
// runOptions, so this is never asked for more).
import type { RunOptions } from "../../../src/rules/run.js";

const DEFAULTS: RunOptions = {};

export class DocumentConfigurations {
  constructor(_reportProblem: (message: string) => void) {}
  cached(_uri: string): RunOptions | undefined {
    return DEFAULTS;
  }
  async load(_uri: string): Promise<RunOptions> {
    return DEFAULTS;
  }
  clear(): void {}
}
