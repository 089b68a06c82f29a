import type { ServerDocument, ServerDocumentRole } from "../documents.js";
import type { Step, StepSection } from "../steps/model.js";
import { Checklist, escapeMarkdown } from "./markdown.js";

const ROLE_TEXT: Record<ServerDocumentRole, string> = {
  central: "central Voicemail Pro server: stores every message and does message waiting and collection for the network",
  backup: "backup Voicemail Pro server: idle and kept in sync with the central server, which it replaces if that fails",
  distributed: "distributed Voicemail Pro server: answers for the offices that use it and forwards their messages to the central server",
};

/** Why a server has its role; nothing in the Voicemail Pro client sets it (DOMAIN.md §3.2; S2, S4). */
const ROLE_NOTE: Record<ServerDocumentRole, string> = {
  central: "Its offices reach it through the central office's Voicemail IP Address (see the offices' checklists).",
  backup: "Install Voicemail Pro normally: a backup server is not configured as one. It becomes the backup because the " +
    "central office's Backup Voicemail IP Address names it.",
  distributed: "Install Voicemail Pro normally: the offices that use it name it in their Voicemail IP Address.",
};

export const SERVER_SECTIONS: readonly StepSection[] = ["smtp-service", "preferences-general", "preferences-email"];

function list(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

/** A server's checklist: its steps (steps/server.ts) under a header that says what the server is. */
export function serverChecklist(server: ServerDocument, steps: readonly Step[]): string {
  const empty: Partial<Record<StepSection, string>> = server.preferences.email.smtpSender.mailDomain === null
    ? { "preferences-email": "No mail domain is declared for this server: it exchanges no mail with other Voicemail Pro servers." }
    : {};
  return new Checklist(`Server ${server.name}: Voicemail Pro settings`)
    .paragraph([
      `- Network: ${escapeMarkdown(server.network)}`,
      `- Role: ${ROLE_TEXT[server.role]}`,
      `- Version: ${server.version}`,
      `- Platform: ${server.platform ?? "not declared"}`,
      `- Address: ${server.address ?? "not declared"}`,
      `- Controlled by: ${list(server.controlledBy)}`,
      `- Answers voicemail for: ${list(server.serves)}`,
    ].join("\n"))
    .paragraph(ROLE_NOTE[server.role])
    .paragraph("Open the Voicemail Pro client and work through the steps in order. *(inferred)* marks a label or value " +
      "that no Avaya document read for scnc confirms: check it against the Voicemail Pro help for your version. " +
      "[S1] and the like name the sources, listed with their titles at the end (docs/sources.md has their addresses).")
    .sections(steps, SERVER_SECTIONS, empty)
    .render();
}
