import type { Server } from "../ir/types.js";
import type { ServerDocument } from "../compile/documents.js";
import { spansOf } from "../compile/steps/build.js";
import type { Step, StepDevice } from "../compile/steps/model.js";
import type { PlannedStep } from "./steps.js";

/**
 * The steps the runbook adds to the checklists' steps: installing a new server, and checking that
 * an office's SCN lines are up before its System > Voicemail. They have the checklist steps' shape;
 * the fields the checklist model has no value for (the installer, a check) are set as overrides.
 */

/** A new server is installed normally; its role comes from the offices that point at it (S2, S4). */
export function installStep(document: ServerDocument, server: Server): PlannedStep {
  const platform = document.platform === null ? "" : ` on ${document.platform === "windows" ? "Windows" : "Linux"}`;
  const step: Step = {
    id: "install",
    device: { kind: "server", name: document.name },
    tool: "Windows",
    changeClass: "server",
    section: "smtp-service",
    menuPath: [],
    action: `install Voicemail Pro ${document.version}${platform} at ${document.address ?? "its address"} and start its service`,
    settings: [],
    notes: [`installed normally: its role (${document.role}) comes from the offices that point at it, not from the installation`],
    inferred: false,
    sources: ["S2", "S4"],
    spans: [server.nameSpan, ...spansOf(server.address, server.version, server.platform)],
  };
  return { step, tool: "Voicemail Pro installer", section: "install" };
}

/** Between the lines and System > Voicemail: the voicemail settings reach the central server over
 * these lines, so they must be up first (the check itself is inferred). A line whose far end is an
 * office changed later in the runbook comes up then, and is checked there; the caller adds the
 * step only when some line can be up now. */
export function lineCheckStep(device: StepDevice, lines: readonly { step: Step; peer: string; later: boolean }[]): PlannedStep {
  const named = (items: typeof lines): string => items.map(({ step, peer }) => `${step.id.replace("line:", "line ")} to office ${peer}`).join(", ");
  const now = lines.filter((line) => !line.later);
  const later = lines.filter((line) => line.later);
  const step: Step = {
    id: "check:lines",
    device,
    tool: "Manager",
    changeClass: "merge",
    section: "lines",
    menuPath: ["Trunks"],
    action: `check that the SCN ${now.length === 1 ? "line is" : "lines are"} up (${named(now)}) before going on`,
    settings: [],
    notes: [
      "voicemail reaches the central server over the SCN lines: set System > Voicemail only once they are up",
      ...(later.length > 0 ? [`${named(later)}: up once the far end is configured, later in this runbook`] : []),
    ],
    inferred: true,
    sources: [],
    spans: [],
  };
  return { step, tool: "System Status Application", changeClass: "none", section: "check" };
}
