// What `scnc --help` lists for each command: its usage after the name, and its description, which
// the command's own file reads from here too. One table, so that `--help` and `--version` answer
// without loading any command's code (start-up); test/cli/help.test.ts holds each usage to the
// real command's.

export interface CommandSummary {
  /** What commander prints after the command's name in the list (`[options] <file>`). */
  readonly usage: string;
  readonly description: string;
}

export const COMMAND_SUMMARIES = {
  check: { usage: "[options] <paths...>", description: "parse .scn files and run every rule" },
  build: { usage: "[options] <inputs...>", description: "check a network, then write what to set on each office and server (JSON files or checklists) into a directory" },
  plan: { usage: "[options] <inputs...>", description: "show what build would change in a directory: a line per device, the changed fields, and diffs" },
  runbook: { usage: "[options] <file>", description: "the network's change as one ordered runbook: phases, change classes, service impact per step from the simulator" },
  report: { usage: "[options] <file>", description: "a self-contained HTML handover report: topology, diagnostics, survivability matrix, licences, device settings, runbook" },
  simulate: { usage: "[options] <file>", description: "show what each office's voicemail does when devices or links fail" },
  graph: { usage: "[options] <file>", description: "draw the topology: offices, servers, links with group ids, and the server each office uses" },
  licenses: { usage: "[options] <file>", description: "per office, the licences its role and features need against what it holds; exit 1 when anything is short" },
  rules: { usage: "[options]", description: "list every rule with its default severity and summary" },
  explain: { usage: "<rule-id>", description: "print a rule's page: what it checks, why (with the Avaya source), a failing and a fixed example" },
  fmt: { usage: "[options] <paths...>", description: "rewrite .scn files in the canonical layout (comments kept, meaning unchanged)" },
  lsp: { usage: "[options]", description: "run the language server (diagnostics, hover, navigation, rename, completion, formatting)" },
} as const satisfies Record<string, CommandSummary>;

export type CommandName = keyof typeof COMMAND_SUMMARIES;
