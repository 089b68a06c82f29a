import type { OfficeDocument, OfficeDocumentRole } from "../documents.js";
import type { Step, StepSection } from "../steps/model.js";
import { Checklist, escapeMarkdown } from "./markdown.js";

const ROLE_TEXT: Record<OfficeDocumentRole, string> = {
  central: "central office: hosts the central Voicemail Pro server",
  fallback: "fallback office: takes control of the central Voicemail Pro server when the central office fails",
  member: "member office on centralized voicemail",
  "distributed-member": "member office on a distributed Voicemail Pro server",
};

/** The order of the work (OUTPUT.md "Checklists"): Manager's configuration, sent once, then the
 * Security Settings on the running system. */
export const OFFICE_SECTIONS: readonly StepSection[] = ["licences", "lines", "system", "system-voicemail", "send", "security"];

const EMPTY: Partial<Record<StepSection, string>> = {
  licences: "No licences declared for this office.",
  lines: "No SCN lines: this office has no links.",
};

const INTRO: Partial<Record<StepSection, string>> = {
  licences: "Manager adds a licence as a licence key tied to the system's feature key [S37]; a system in subscription mode has none to add.",
};

/** An office's checklist: its steps (steps/office.ts) under a header that says what the office is. */
export function officeChecklist(office: OfficeDocument, steps: readonly Step[]): string {
  return new Checklist(`Office ${office.name}: IP Office Manager settings`)
    .paragraph([
      `- Network: ${escapeMarkdown(office.network)}`,
      `- Role: ${ROLE_TEXT[office.role]}`,
      `- Release: ${office.release}`,
      `- Address: ${office.address ?? "not declared"}`,
    ].join("\n"))
    .paragraph("Work through the steps in order. Make every IP Office Manager change in one session and send the configuration " +
      "once; then, on the running system, the Security Settings. *(inferred)* marks a label or value that no Avaya document read " +
      "for scnc confirms: check it against the Manager help for your release. [S1] and the like name the sources, listed with their titles at the end (docs/sources.md has their addresses).")
    .sections(steps, OFFICE_SECTIONS, EMPTY, INTRO)
    .render();
}
