import type { ServerDocument, ServerDocumentRole } from "../documents.js";
import { Checklist, escapeMarkdown, value } from "./markdown.js";
import { passwordInstruction } from "./password.js";

const ROLE_TEXT: Record<ServerDocumentRole, string> = {
  central: "central Voicemail Pro server: stores every message and does message waiting and collection for the network",
  backup: "backup Voicemail Pro server: idle and kept in sync with the central server, which it replaces if that fails",
  distributed: "distributed Voicemail Pro server: answers for the offices that use it and forwards their messages to the central server",
};

/** Why a server has its role; nothing in the Voicemail Pro client sets it (DOMAIN.md §3.2; S2, S4). */
const ROLE_NOTE: Record<ServerDocumentRole, string> = {
  central: "Its offices reach it through their Voicemail IP Address (see their checklists).",
  backup: "Install Voicemail Pro normally: a backup server is not configured as one. It becomes the backup because the " +
    "central office's Backup Voicemail IP Address names it.",
  distributed: "Install Voicemail Pro normally: the offices that use it name it in their Voicemail IP Address.",
};

const PREFERENCES = "Administration > Preferences >";

function list(names: readonly string[]): string {
  return names.length === 0 ? "none" : names.join(", ");
}

function generalSteps(checklist: Checklist, server: ServerDocument): void {
  const general = server.preferences.general;
  checklist.section("Preferences > General");
  // On servers other than the central one only Debug Level is editable from R12.2 (DOMAIN.md rule 39).
  checklist.add(`${PREFERENCES} General > Voicemail Password: ${passwordInstruction(general.voicemailPassword)}` +
    " (the same as in the offices' Security settings)", { inferred: server.role !== "central" });
  if (general.failbackOption) {
    // Which server holds the failback setting is unverified (DOMAIN.md §3.2).
    // It governs the return from a backup server (S9, S10): say so where the network has none.
    const withoutBackup = server.sync === undefined ? " (it matters only with a backup server, and this network has none)" : "";
    checklist.add(`${PREFERENCES} General > Failback Option: ${value(general.failbackOption)}${withoutBackup}`, { inferred: true });
  }
  if (general.failbackTimeoutMinutes !== undefined) {
    checklist.add(`${PREFERENCES} General > Failback Option timeout: ${value(general.failbackTimeoutMinutes)} minutes`, { inferred: true });
  }
}

function emailSteps(checklist: Checklist, server: ServerDocument): void {
  const { smtpSender, smtpReceiver } = server.preferences.email;
  checklist.section("Preferences > Email");
  if (smtpSender.mailDomain === null) {
    checklist.paragraph("No mail domain is declared for this server: it exchanges no mail with other Voicemail Pro servers.");
    return;
  }
  checklist.add(`${PREFERENCES} Email > SMTP Sender, first entry > Mail Domain: ${value(smtpSender.mailDomain)} ` +
    "(Voicemail Pro uses only the first entry)");
  // DOMAIN.md rule 34 and §3.2 (S23) give this receiver mode for Windows servers only.
  checklist.add(`${PREFERENCES} Email > SMTP Receiver: ${value(smtpReceiver.mode)}, Domain ${value(smtpReceiver.domain ?? "")}`,
    { inferred: server.platform !== "windows" });
  if (server.sync) {
    checklist.add(`Check that mail to ${value(server.sync.recipient ?? "(no mail domain)")} reaches ${value(server.sync.peer)}: ` +
      "the two servers synchronize through it", { inferred: true });
  }
  if (server.forwardsMessagesTo) {
    const { server: central, domain } = server.forwardsMessagesTo;
    checklist.add(`Check that mail to mailboxes at ${value(domain ?? "(no mail domain)")} reaches ${value(central)}: ` +
      "this server forwards every message it records there", { inferred: true });
  }
}

/** The Voicemail Pro client's Preferences, in their tab order: General, Email. */
export function serverChecklist(server: ServerDocument): string {
  const checklist = new Checklist(`Server ${server.name}: Voicemail Pro settings`)
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
      "that no Avaya document read for scnc confirms: check it against the Voicemail Pro help for your version.");
  generalSteps(checklist, server);
  emailSteps(checklist, server);
  return checklist.render();
}
