import type { Office, Server } from "../ir/types.js";
import { officeRole, required, type CompileContext } from "./context.js";
import {
  SMTP_RECEIVER_MODE, type ServerDocument, type ServerDocumentRole, type ServerEmailPreferences, type ServerGeneralPreferences,
} from "./documents.js";
import { failbackOptionAt } from "../ir/capabilities.js";
import { failbackOptionFor } from "./manager-labels.js";
import { byCodeUnits } from "./order.js";

function names(offices: readonly Office[]): string[] {
  return offices.map((office) => office.name).sort(byCodeUnits);
}

/** Offices that use this distributed server (distributed members only; see officeRole). */
function distributedMembers(server: Server): Office[] {
  return server.usedBy.filter((office) => officeRole(office) === "distributed-member");
}

/** The central server answers for every office that is not on a distributed server. */
function centrallyServed(context: CompileContext): Office[] {
  return context.network.offices.filter((office) => !office.isDuplicate && officeRole(office) !== "distributed-member");
}

/** The central and backup servers are controlled by the central office, or by the fallback office
 * when the central office is down (DOMAIN.md §1, §4; S8, S27). */
function controllers(context: CompileContext): string[] {
  const { centralOffice, fallbackOffice } = context.roles;
  return [centralOffice, fallbackOffice].filter((office) => office !== undefined).map((office) => office.name);
}

// The documents are built with their keys in code-unit order, as canonicalJson prints them (it
// then prints them without copying them first).
function general(server: Server, role: ServerDocumentRole, context: CompileContext): ServerGeneralPreferences {
  const voicemailPassword = context.password;
  if (role !== "central") return { voicemailPassword };
  const failback = server.failback;
  // Only where the server has the setting: a version the sources show without it gets none, and in
  // the versions no document settles scnc sets it only when the network asks for it (S2, S9, S10).
  const availability = failbackOptionAt(server.version?.value);
  if (availability === "absent" || (availability === "unsettled" && !failback)) return { voicemailPassword };
  const failbackOption = failbackOptionFor(failback?.mode.value);
  if (failback?.mode.value === "automatic" && failback.minutes) {
    return { failbackOption, failbackTimeoutMinutes: failback.minutes.value, voicemailPassword };
  }
  return { failbackOption, voicemailPassword };
}

/** The first SMTP Sender entry's Mail Domain is the server's own domain, and the receiver accepts
 * mail for that same domain (DOMAIN.md rule 34; S23). */
function email(server: Server): ServerEmailPreferences {
  const domain = server.mailDomain?.value ?? null;
  return { smtpReceiver: { domain, mode: SMTP_RECEIVER_MODE }, smtpSender: { mailDomain: domain } };
}

/** Central and backup servers keep each other in step by mail to vmsyncslave / vmsyncmaster at
 * the other's domain (DOMAIN.md §3.2; S23; who writes to which is inferred). */
function sync(role: ServerDocumentRole, context: CompileContext): ServerDocument["sync"] {
  const { centralServer, backupServer } = context.roles;
  if (role === "central" && backupServer) {
    return { peer: backupServer.name, recipient: recipient("vmsyncslave", backupServer) };
  }
  if (role === "backup" && centralServer) {
    return { peer: centralServer.name, recipient: recipient("vmsyncmaster", centralServer) };
  }
  return undefined;
}

function recipient(mailbox: string, server: Server): string | null {
  return server.mailDomain ? `${mailbox}@${server.mailDomain.value}` : null;
}

export function compileServer(server: Server, context: CompileContext): ServerDocument {
  const role = required(server.role, `a role for server '${server.name}'`).value;
  const { centralServer } = context.roles;
  const served = role === "central" ? centrallyServed(context) : role === "distributed" ? distributedMembers(server) : [];
  const address = server.address?.value.text ?? null;
  const controlledBy = role === "distributed" ? names(served) : controllers(context);
  const kind = "server";
  const name = server.name;
  const network = context.network.name;
  const platform = server.platform?.value ?? null;
  const preferences = { email: email(server), general: general(server, role, context) };
  const serves = names(served);
  const version = required(server.version, `a version for server '${server.name}'`).value.text;
  if (role === "distributed" && centralServer) {
    const forwardsMessagesTo = { domain: centralServer.mailDomain?.value ?? null, server: centralServer.name };
    return { address, controlledBy, forwardsMessagesTo, kind, name, network, platform, preferences, role, serves, version };
  }
  const syncSettings = sync(role, context);
  if (syncSettings) return { address, controlledBy, kind, name, network, platform, preferences, role, serves, sync: syncSettings, version };
  return { address, controlledBy, kind, name, network, platform, preferences, role, serves, version };
}
