import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
import pc from "picocolors";
import type { ChangeKind, FileChange } from "./changes.js";
import { fieldChanges, type FieldChange } from "./field-changes.js";
import type { OutputFormat } from "./output.js";
import { SecretRedactor } from "./redact.js";
import { printable } from "../text/printable.js";

export interface PlanOptions {
  /** The output directory as messages show it. */
  readonly directory: string;
  /** The same for file names in diffs, which patch and git read with `/` on every platform
   * (default: `directory`). */
  readonly patchDirectory?: string;
  readonly format: OutputFormat;
  readonly color: boolean;
  /** `scnc runbook FILE --from DIR`: the plan's last line points at the ordered change. */
  readonly runbookCommand: string;
}

const SYMBOL: Record<ChangeKind, string> = { created: "+", changed: "~", removed: "-" };

/** Fields Manager cannot merge: sending a change to them reboots the office (S20, S36). */
const OFFLINE_FIELDS = new Set(["voicemail.voicemailType", "voicemail.voicemailIpAddress"]);

function label(change: FileChange): string {
  return printable(change.device ? `${change.device.kind} ${change.device.name}` : change.path);
}

function shown(value: unknown): string {
  if (value === undefined) return "(none)";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

function parsed(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text ?? "") };
  } catch {
    return { ok: false };
  }
}

/** "office east: voicemail.voicemailIpAddress 10.2.0.10 → 10.2.0.20" for each changed field. */
function fieldLines(change: FileChange, redactor: SecretRedactor): string[] {
  const before = parsed(change.before);
  const after = parsed(change.after);
  if (!before.ok || !after.ok) return [`${label(change)}: the file in the output directory is not valid JSON`];
  const device = change.device !== undefined;
  return fieldChanges(before.value, after.value)
    // The manifest's file hashes and line numbers change with every device change; only its other
    // fields are news.
    .filter((field: FieldChange) => device || !/^(files|lineNumbers)\b/.test(field.path))
    .map((field) => {
      const from = shown(redactor.field(field.path, field.before));
      const to = shown(redactor.field(field.path, field.after));
      const note = device && change.device?.kind === "office" && OFFLINE_FIELDS.has(field.path) ? " (not mergeable: needs a Reboot)" : "";
      return `${label(change)}: ${printable(`${redactor.plain(field.path)} ${from} → ${to}`)}${note}`;
    });
}

function diff(change: FileChange, options: PlanOptions, redactor: SecretRedactor, colors: ReturnType<typeof pc.createColors>): string {
  const name = `${options.patchDirectory ?? options.directory}/${change.path}`;
  const patch = createTwoFilesPatch(
    change.kind === "created" ? "/dev/null" : name,
    change.kind === "removed" ? "/dev/null" : name,
    redactor.text(change.before ?? ""),
    redactor.text(change.after ?? ""),
    undefined,
    undefined,
    { headerOptions: FILE_HEADERS_ONLY },
  );
  return patch
    .trimEnd()
    .split("\n")
    // A file in the output directory can hold anything; its lines are shown escaped, then coloured.
    .map(printable)
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return colors.bold(line);
      if (line.startsWith("+")) return colors.green(line);
      if (line.startsWith("-")) return colors.red(line);
      if (line.startsWith("@@")) return colors.cyan(line);
      return line;
    })
    .join("\n");
}

function count(changes: readonly FileChange[], kind: ChangeKind): number {
  return changes.filter((change) => change.kind === kind && change.device).length;
}

/**
 * What `scnc plan` prints: a line per device that would be created, changed or removed; then, for
 * changed JSON files, one line per changed field; then unified diffs; then a one-line total.
 * Passwords are redacted throughout. Pure.
 */
export function renderPlan(changes: readonly FileChange[], options: PlanOptions): string {
  const colors = pc.createColors(options.color);
  // Every file's passwords are learnt first, so each is masked wherever it occurs, in any file.
  const redactor = new SecretRedactor().learn(changes.flatMap((change) => [change.before, change.after]));
  const devices = changes.filter((change) => change.device);
  const manifest = changes.find((change) => !change.device);
  if (changes.length === 0) return `No changes: ${printable(options.directory)} is up to date.\n`;
  const next = `To make this change on the devices, in a safe order: ${options.runbookCommand}`;

  const paint = { created: colors.green, changed: colors.yellow, removed: colors.red };
  const blocks: string[] = [];
  const summary = devices.map((change) => paint[change.kind](`${SYMBOL[change.kind]} ${label(change)} (${change.kind})`));
  if (devices.length === 0 && manifest) summary.push(colors.yellow(`${SYMBOL[manifest.kind]} ${manifest.path} (${manifest.kind})`));
  blocks.push(summary.join("\n"));

  const changed = changes.filter((change) => change.kind === "changed" && (change.device === undefined || options.format === "json"));
  const fields = changed.flatMap((change) => fieldLines(change, redactor));
  if (fields.length > 0) blocks.push(fields.join("\n"));

  for (const change of devices) blocks.push(diff(change, options, redactor, colors));

  const totals = `Plan: ${count(changes, "created")} to create, ${count(changes, "changed")} to change, ${count(changes, "removed")} to remove.`;
  blocks.push(`${colors.bold(totals)}\n${next}`);
  return blocks.join("\n\n") + "\n";
}
