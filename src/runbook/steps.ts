import type { Step, StepSetting } from "../compile/steps/model.js";
import { stepInferred, stepSources, stepSpans } from "../compile/steps/model.js";
import type { Span } from "../language/span.js";
import { LineIndex } from "../language/line-index.js";
import type { Impact, RunbookSetting, RunbookStep } from "./model.js";

/** A checklist step (or one the runbook adds in the same shape) before it gets its number and impact. */
export interface PlannedStep {
  readonly step: Step;
  /** Overrides for the runbook's own steps, which the checklist model has no value for. */
  readonly tool?: RunbookStep["tool"];
  readonly changeClass?: RunbookStep["changeClass"];
  readonly section?: RunbookStep["section"];
}

/** .scn offsets → 1-based line numbers, each once, ascending. */
export class SourceLines {
  private readonly index: LineIndex;

  constructor(text: string) {
    this.index = new LineIndex(text);
  }

  of(spans: readonly Span[]): number[] {
    const lines = new Set(spans.map((span) => this.index.positionAt(span.start).line));
    return [...lines].sort((first, second) => first - second);
  }
}

function runbookSetting(setting: StepSetting, lines: SourceLines): RunbookSetting {
  return {
    label: setting.label,
    ...(setting.tab ? { tab: setting.tab } : {}),
    value: setting.value,
    ...(setting.note ? { note: setting.note } : {}),
    inferred: setting.inferred,
    sources: [...setting.sources],
    lines: lines.of(setting.spans),
  };
}

/** The runbook step for a checklist step: the same tool, class, path and settings (one source of
 * truth for labels), with its number, runbook-wide id, .scn lines and service impact. */
export function runbookStep(planned: PlannedStep, number: number, impact: Impact, lines: SourceLines): RunbookStep {
  const { step } = planned;
  return {
    number,
    id: `${step.device.kind}:${step.device.name}:${step.id}`,
    device: step.device,
    tool: planned.tool ?? step.tool,
    changeClass: planned.changeClass ?? step.changeClass,
    section: planned.section ?? step.section,
    menuPath: [...step.menuPath],
    ...(step.action ? { action: step.action } : {}),
    settings: step.settings.map((setting) => runbookSetting(setting, lines)),
    notes: [...step.notes],
    inferred: stepInferred(step),
    sources: stepSources(step),
    lines: lines.of(stepSpans(step)),
    impact,
  };
}
