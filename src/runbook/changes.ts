import type { CompiledNetwork } from "../compile/documents.js";
import type { Step, StepDevice } from "../compile/steps/model.js";

/**
 * What a runbook leaves out or adds because of what is deployed now. A full runbook (no --from)
 * keeps every step and starts from nothing in service; `scnc runbook --from DIR` compares with the
 * build in DIR (previous-build.ts).
 */
export interface ChangeSet {
  /** Whether the checklist step changes something on its device. */
  changes(step: Step): boolean;
  /** The device is not in the previous build (a new server is installed). */
  isNew(device: StepDevice): boolean;
  /** Steps for what the previous build has and this one drops (a deleted line, a licence). */
  extraSteps(device: StepDevice): Step[];
  /** Remarks a kept step needs because of what is deployed (a line that exists already). */
  notesFor(step: Step): string[];
  /** Devices not in service when the runbook starts: the new ones (all of them for a full runbook). */
  notInService(compiled: CompiledNetwork): string[];
  /** Devices the previous build has that the network no longer declares. */
  readonly retired: readonly StepDevice[];
}

export const FULL_RUNBOOK: ChangeSet = {
  changes: () => true,
  isNew: () => true,
  extraSteps: () => [],
  notesFor: () => [],
  notInService: (compiled) => [...compiled.offices, ...compiled.servers].map((document) => document.name),
  retired: [],
};
