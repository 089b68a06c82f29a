import type { Server } from "../../ir/types.js";
import { parseRelease, releaseBelow } from "../../ir/values.js";
import type { CompileContext } from "../context.js";
import type { ServerDocument } from "../documents.js";
import { passwordSetting, setting, spansOf, StepList } from "./build.js";
import type { Step } from "./model.js";

const PREFERENCES = ["Administration", "Preferences"];

/** The server sends or receives server-to-server mail: backup sync, or distributed forwarding (to
 * the central server, which then receives it). */
function exchangesMail(document: ServerDocument, context: CompileContext): boolean {
  if (document.sync || document.forwardsMessagesTo) return true;
  return document.role === "central" && context.network.servers.some((server) => !server.isDuplicate && server.role?.value === "distributed");
}

/** R6/R7 servers exchange that mail through the IIS SMTP service on their Windows PC (S1, S2, S3,
 * S23). Before R8 Voicemail Pro ran on Windows only, so an undeclared platform is taken as Windows,
 * marked inferred. */
function smtpServiceStep(list: StepList, document: ServerDocument, server: Server, context: CompileContext): void {
  const version = parseRelease(document.version);
  if (!version.ok || releaseBelow(version.value, 6) || !releaseBelow(version.value, 8)) return;
  if (!exchangesMail(document, context) || (document.platform !== null && document.platform !== "windows")) return;
  list.add({
    id: "smtp-service",
    tool: "Windows",
    changeClass: "server",
    section: "smtp-service",
    menuPath: ["Windows"],
    action: "install the IIS SMTP service and set it to start automatically",
    settings: [],
    notes: [`Voicemail Pro ${document.version} exchanges server-to-server mail through the IIS SMTP service on its own PC`],
    inferred: true,
    sources: ["S1", "S2", "S3", "S23"],
    spans: spansOf(server.version, server.platform),
  });
}

function generalSteps(list: StepList, document: ServerDocument, server: Server, context: CompileContext): void {
  const general = document.preferences.general;
  const path = [...PREFERENCES, "General"];
  list.add({
    id: "general:voicemail-password",
    tool: "Voicemail Pro client",
    changeClass: "server",
    section: "preferences-general",
    menuPath: path,
    // On servers other than the central one only Debug Level is editable from R12.2 (DOMAIN.md rule 39).
    settings: [passwordSetting(general.voicemailPassword, context.network,
      { inferred: document.role !== "central", sources: ["S9"], sameAs: "in the offices' Security Settings" })],
  });
  if (general.failbackOption) {
    // Which server holds the failback setting is unverified (DOMAIN.md §3.2). It governs the return
    // from a backup server (S9, S10): say so where the network has none.
    list.add({ id: "general:failback", tool: "Voicemail Pro client", changeClass: "server", section: "preferences-general", menuPath: path,
      settings: [setting("Failback Option", general.failbackOption, {
        inferred: true, sources: ["S9", "S10"], spans: spansOf(server.failback),
        ...(document.sync === undefined ? { note: "it matters only with a backup server, and this network has none" } : {}),
      })] });
  }
  if (general.failbackTimeoutMinutes !== undefined) {
    list.add({ id: "general:failback-timeout", tool: "Voicemail Pro client", changeClass: "server", section: "preferences-general", menuPath: path,
      settings: [setting("Failback Option timeout (minutes)", general.failbackTimeoutMinutes, { inferred: true, sources: ["S10"], spans: spansOf(server.failback?.minutes) })] });
  }
}

/** The first SMTP Sender entry is the one Voicemail Pro uses; the receiver takes mail for the same
 * domain (DOMAIN.md rule 34; S23). The SMTP server and port are not in the .scn file. */
function emailSteps(list: StepList, document: ServerDocument, server: Server): void {
  const { smtpSender, smtpReceiver } = document.preferences.email;
  const path = [...PREFERENCES, "Email"];
  const domainSpans = spansOf(server.mailDomain);
  if (smtpSender.mailDomain === null) return;
  const version = parseRelease(document.version);
  const iis = version.ok && !releaseBelow(version.value, 6) && releaseBelow(version.value, 8) && document.platform !== "linux";
  list.add({
    id: "email:smtp-sender",
    tool: "Voicemail Pro client",
    changeClass: "server",
    section: "preferences-email",
    menuPath: [...path, "SMTP Sender"],
    action: "the first entry (Voicemail Pro uses only the first)",
    settings: [
      setting("Mail Domain", smtpSender.mailDomain, { sources: ["S23"], spans: domainSpans }),
      setting("Server", iis ? "localhost" : null, { inferred: true, sources: ["S23"],
        note: iis ? "the IIS SMTP service on this PC" : "the SMTP server this server sends its mail through" }),
      setting("Port", null, { inferred: true, sources: ["S23"], note: "the port that SMTP server listens on (25 unless it was changed)" }),
    ],
    sources: ["S23"],
  });
  list.add({
    id: "email:smtp-receiver",
    tool: "Voicemail Pro client",
    changeClass: "server",
    section: "preferences-email",
    menuPath: [...path, "SMTP Receiver"],
    settings: [
      // DOMAIN.md rule 34 and §3.2 (S23) give this receiver mode for Windows servers only.
      setting("Receiver", smtpReceiver.mode, { inferred: document.platform !== "windows", sources: ["S23"], spans: spansOf(server.platform) }),
      setting("Port", null, { inferred: true, sources: ["S23"], note: "the port the other servers send to (25 unless it was changed)" }),
      setting("Domain", smtpReceiver.domain, { sources: ["S23"], spans: domainSpans, note: "the same as the first SMTP Sender's Mail Domain" }),
    ],
  });
  if (document.sync) {
    list.add({
      id: "email:sync-check",
      tool: "Voicemail Pro client",
      changeClass: "server",
      section: "preferences-email",
      menuPath: path,
      action: `check that mail to ${document.sync.recipient ?? "(no mail domain)"} reaches ${document.sync.peer}: the two servers synchronize through it`,
      settings: [],
      inferred: true,
      sources: ["S23"],
    });
  }
  if (document.forwardsMessagesTo) {
    const { server: central, domain } = document.forwardsMessagesTo;
    list.add({
      id: "email:forward-check",
      tool: "Voicemail Pro client",
      changeClass: "server",
      section: "preferences-email",
      menuPath: path,
      action: `check that mail to mailboxes at ${domain ?? "(no mail domain)"} reaches ${central}: this server forwards every message it records there`,
      settings: [],
      inferred: true,
      sources: ["S3", "S23"],
    });
  }
}

/** One server's steps: the SMTP service where the version needs it, then the Voicemail Pro client's
 * Preferences in their tab order (General, Email). */
export function serverSteps(document: ServerDocument, server: Server, context: CompileContext): Step[] {
  const list = new StepList({ kind: "server", name: document.name });
  smtpServiceStep(list, document, server, context);
  generalSteps(list, document, server, context);
  emailSteps(list, document, server);
  return [...list.steps];
}
