import { escapeMarkdown, INFERRED, stepLines } from "../compile/checklist/markdown.js";
import type { Step } from "../compile/steps/model.js";
import { EDIT_IMPACT } from "./build.js";
import type { Phase, Runbook, RunbookStep, Verification } from "./model.js";
import { printableLines } from "../text/printable.js";

/**
 * The runbook an engineer prints for the change window. Each step is written with the checklist's
 * own words (stepLines), then its tool, change class, .scn lines and service impact.
 */

const CLASS_TEXT: Record<RunbookStep["changeClass"], string> = {
  merge: "merge",
  reboot: "**reboot**",
  online: "online",
  server: "server",
  none: "check",
};

/** The checklist step a runbook step was made from, for stepLines (which reads no number or impact). */
function asChecklistStep(step: RunbookStep): Step {
  return {
    id: step.id,
    device: step.device,
    tool: step.tool === "Voicemail Pro installer" || step.tool === "System Status Application" ? "Windows" : step.tool,
    changeClass: step.changeClass === "none" ? "merge" : step.changeClass,
    section: step.section === "install" || step.section === "check" ? "system" : step.section,
    menuPath: step.menuPath,
    ...(step.action ? { action: step.action } : {}),
    settings: step.settings.map((setting) => ({ ...setting, spans: [] })),
    notes: step.notes,
    inferred: step.inferred && step.settings.every((setting) => !setting.inferred),
    sources: step.sources,
    spans: [],
  };
}

function cite(sources: readonly string[]): string {
  return sources.length === 0 ? "" : ` [${sources.join(", ")}]`;
}

function lineText(lines: readonly number[]): string {
  if (lines.length === 0) return "";
  return ` · .scn ${lines.length === 1 ? "line" : "lines"} ${lines.join(", ")}`;
}

function stepBlock(step: RunbookStep): string {
  const [written, ...rest] = stepLines(asChecklistStep(step));
  // A step with no menu (installing a server) starts with its action.
  const first = (written ?? "").replace(/^: /, "");
  const head = `${step.number}. **${step.device.kind} ${step.device.name}** · ${step.tool} · ${CLASS_TEXT[step.changeClass]}${lineText(step.lines)}`;
  const impact = `   - Impact: ${step.impact.summary}${step.impact.inferred && !step.impact.summary.includes("(inferred)") ? ` ${INFERRED}` : ""}${cite(step.impact.sources)}`;
  // Edits in Manager have no impact until the send step, which states its own: said once, in the intro.
  const shown = step.impact.summary === EDIT_IMPACT ? [] : [impact];
  return [head, `   - ${first}`, ...rest.map((line) => `   ${line}`), ...shown].join("\n");
}

function verificationBlock(check: Verification): string {
  const head = `- [ ] **${check.kind.replace("-", " ")}** (${check.device}): ${check.action}${check.inferred ? ` ${INFERRED}` : ""}${cite(check.sources)}`;
  return [head, ...check.expect.map((line) => `  - expect: ${line}`)].join("\n");
}

function phaseBlock(phase: Phase): string {
  const blocks = [`## Phase ${phase.number}: ${phase.title}`, phase.why, phase.steps.map(stepBlock).join("\n")];
  if (phase.verification.length > 0) blocks.push(`### Verify\n\n${phase.verification.map(verificationBlock).join("\n")}`);
  return blocks.join("\n\n");
}

export function renderRunbookMarkdown(runbook: Runbook): string {
  const title = `# Runbook: ${escapeMarkdown(runbook.network)}${runbook.mode === "change" ? " (change from the deployed build)" : ""}`;
  const intro = "Work through the phases in order, one step at a time, and make each phase's checks before the next. " +
    "Each step names the device, the tool, its change class (merge, **reboot**, online, server), the .scn lines it comes from, " +
    "and its service impact from the failure simulator (an edit in Manager has none until the configuration is sent, " +
    "so only the send step states it). *(inferred)* marks what no Avaya document read for scnc confirms; " +
    "[S1] and the like name the sources (docs/sources.md). No password is ever printed: each step says where to find it.";
  const blocks = [title, intro, `## Office order\n\n${runbook.officeOrder.why}`];
  if (runbook.phases.length === 0) blocks.push("Nothing to change: the deployed build already matches the network.");
  blocks.push(...runbook.phases.map(phaseBlock));
  if (runbook.retired.length > 0) {
    blocks.push(`## No longer in the network\n\n${runbook.retired.map((device) => `- ${device.kind} ${device.name}: take it out of service once no office points at it *(inferred)*`).join("\n")}`);
  }
  return printableLines(blocks.join("\n\n") + "\n");
}
