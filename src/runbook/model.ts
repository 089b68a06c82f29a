import type { ChangeClass, StepDevice, StepSection, StepSetting } from "../compile/steps/model.js";

/**
 * The runbook as data (OUTPUT.md "The runbook"): the whole network's change as one ordered list of
 * phases across devices. It is made of the checklist steps (compile/steps/), reordered and
 * annotated, never relabelled: each runbook step keeps its checklist step's tool, change class,
 * menu path and settings. schemas/runbook.schema.json describes exactly this shape; the Markdown
 * and JSON renderers print it. No field ever holds a password.
 */

/** The program the engineer works in: the checklist's tools, and the installer of a new server. */
export type RunbookTool = "Manager" | "Security Settings" | "Voicemail Pro client" | "Windows" | "Voicemail Pro installer" | "System Status Application";

export type PhaseKind = "server" | "office" | "security" | "voicemail-pro";

/** A checklist setting as the runbook shows it: the .scn lines it comes from instead of offsets. */
export interface RunbookSetting extends Omit<StepSetting, "spans"> {
  /** 1-based .scn lines the value comes from. */
  readonly lines: readonly number[];
}

/** One office that loses something while a step is in progress, from the failure simulator. */
export interface AffectedOffice {
  readonly office: string;
  /** The simulator's status (never `served` or `down` here). */
  readonly status: "without-answering" | "without-message-waiting" | "split";
  readonly answeredBy: string | null;
  readonly collectedBy: string | null;
}

/** What a step costs in service, from `simulate` with the devices it takes down failed. */
export interface Impact {
  /** The devices out of service while the step is in progress (an office restarting, a server
   * being installed); empty when the step restarts nothing. */
  readonly takesDown: readonly string[];
  /** Devices not yet in service at this point of the runbook (new offices not yet configured,
   * new servers not yet installed), simulated as failed too. */
  readonly notYetInService: readonly string[];
  /** The offices, other than those above, that lose voicemail answering, message waiting or
   * collection while the step is in progress (compared with just before it), in declaration order. */
  readonly affected: readonly AffectedOffice[];
  /** The office that takes control of the central server while the step is in progress, if it is
   * not the central office. */
  readonly takeover: { readonly office: string; readonly server: string } | null;
  /** The impact in words. */
  readonly summary: string;
  readonly inferred: boolean;
  readonly sources: readonly string[];
}

export interface RunbookStep {
  /** 1-based, through the whole runbook. */
  readonly number: number;
  /** Unique within the runbook: device kind, name and the checklist step's id, e.g. "office:hq:send". */
  readonly id: string;
  readonly device: StepDevice;
  readonly tool: RunbookTool;
  /** The checklist's change class; `none` for the runbook's own checks, which change nothing. */
  readonly changeClass: ChangeClass | "none";
  /** The checklist section the step comes from, or `check` for the runbook's own checks. */
  readonly section: StepSection | "install" | "check";
  readonly menuPath: readonly string[];
  readonly action?: string;
  readonly settings: readonly RunbookSetting[];
  readonly notes: readonly string[];
  readonly inferred: boolean;
  /** Every source the step and its settings cite, sorted by number. */
  readonly sources: readonly string[];
  /** Every .scn line behind the step and its settings, ascending. */
  readonly lines: readonly number[];
  readonly impact: Impact;
}

export type VerificationKind = "test-call" | "message-waiting" | "failover" | "check";

/** A check the engineer makes after a phase. */
export interface Verification {
  readonly kind: VerificationKind;
  /** The device the check is made from or on. */
  readonly device: string;
  /** What to do. */
  readonly action: string;
  /** What the engineer should observe. */
  readonly expect: readonly string[];
  readonly inferred: boolean;
  readonly sources: readonly string[];
}

export interface Phase {
  /** 1-based. */
  readonly number: number;
  readonly kind: PhaseKind;
  readonly title: string;
  /** Why the phase comes where it does. */
  readonly why: string;
  readonly steps: readonly RunbookStep[];
  readonly verification: readonly Verification[];
}

export interface Runbook {
  readonly runbookVersion: 1;
  readonly network: string;
  /** `full`: every step of the network; `change`: only what changes from a previous build (--from). */
  readonly mode: "full" | "change";
  /** The order in which the offices are changed, and why (chosen with the failure simulator). */
  readonly officeOrder: { readonly offices: readonly string[]; readonly why: string };
  readonly phases: readonly Phase[];
  /** Devices the previous build had that the network no longer declares (with --from). */
  readonly retired: readonly StepDevice[];
}
