import type { Span } from "../../language/span.js";

/**
 * The checklist as data: what an engineer does on each device, in the order that works, one step
 * per action. `scnc build --format checklist` renders these steps as Markdown (../checklist/);
 * the runbook orders and annotates the same steps across devices instead of deriving them again.
 *
 * A step never holds a password: where one is entered, the setting's `value` is null and its
 * `note` says where the engineer finds it. Steps can therefore be printed or serialized freely.
 *
 * Order within a device (OUTPUT.md "Checklists"): on an office, licences → lines → System (SNTP)
 * → System > Voicemail → send the configuration (Merge or Reboot) → Security Settings, online;
 * on a server, the Windows SMTP service where it is needed → Preferences > General → Preferences
 * > Email.
 */

/** The program the engineer works in. */
export type StepTool = "Manager" | "Security Settings" | "Voicemail Pro client" | "Windows";

/**
 * How a change reaches the device:
 * - `merge`: part of the configuration Manager sends without a reboot (S36);
 * - `reboot`: part of that configuration, but not mergeable: sending it reboots the system (S20, S36);
 * - `online`: edited on the running system in Security Settings, never in an offline configuration (S35);
 * - `server`: on a Voicemail Pro server (its client, or the Windows machine it runs on).
 */
export type ChangeClass = "merge" | "reboot" | "online" | "server";

/** The checklist section a step belongs to; sections appear in this order. */
export type StepSection =
  | "licences"
  | "lines"
  | "system"
  | "system-voicemail"
  | "send"
  | "security"
  | "smtp-service"
  | "preferences-general"
  | "preferences-email";

export type SettingValue = string | number | boolean | null;

/** One field and the value to give it. */
export interface StepSetting {
  /** The field's label in the tool, e.g. "Voicemail IP Address". */
  readonly label: string;
  /** The tab of the form that holds the field, where the form has tabs (e.g. "VoIP Settings"). */
  readonly tab?: string;
  /** What to enter or choose; null when there is nothing to type (see `note`). */
  readonly value: SettingValue;
  /** Plain text after the value: why, or what to do when `value` is null. */
  readonly note?: string;
  /** No source read for scnc confirms this label or value. */
  readonly inferred: boolean;
  /** Source ids (S1…) that back the label and value. */
  readonly sources: readonly string[];
  /** The .scn text the value comes from (0-based UTF-16 offsets into the network's file). */
  readonly spans: readonly Span[];
}

export interface StepDevice {
  readonly kind: "office" | "server";
  readonly name: string;
}

export interface Step {
  /** Unique within its device and stable across builds: e.g. "licence:ums", "line:17" (line numbers
   * are stable), "voicemail:voicemail-ip-address", "send". */
  readonly id: string;
  readonly device: StepDevice;
  readonly tool: StepTool;
  readonly changeClass: ChangeClass;
  readonly section: StepSection;
  /** Where the engineer goes, in the tool's labels: ["System", "Voicemail"]. */
  readonly menuPath: readonly string[];
  /** What the step does when it is more than setting its fields (e.g. "New H323 Line"); plain text. */
  readonly action?: string;
  readonly settings: readonly StepSetting[];
  /** Plain-text remarks that apply to the whole step. */
  readonly notes: readonly string[];
  /** The menu path or action is not confirmed by a source (each setting carries its own flag). */
  readonly inferred: boolean;
  /** Sources of the menu path and action; every setting adds its own. */
  readonly sources: readonly string[];
  /** .scn text behind the step as a whole (e.g. a licence entry); every setting adds its own. */
  readonly spans: readonly Span[];
}

/** One device's steps, in the order the engineer does them. */
export interface DeviceSteps {
  readonly device: StepDevice;
  readonly steps: readonly Step[];
}

/** Every source a step cites, its own and its settings', sorted by number (S2 before S10). */
export function stepSources(step: Step): string[] {
  const ids = new Set([...step.sources, ...step.settings.flatMap((setting) => setting.sources)]);
  return [...ids].sort((first, second) => Number(first.slice(1)) - Number(second.slice(1)));
}

/** Every .scn span behind a step, in text order. */
export function stepSpans(step: Step): Span[] {
  return [...step.spans, ...step.settings.flatMap((setting) => setting.spans)].sort((first, second) => first.start - second.start || first.end - second.end);
}

/** A step or setting is inferred when its label or any of its values is. */
export function stepInferred(step: Step): boolean {
  return step.inferred || step.settings.some((setting) => setting.inferred);
}
