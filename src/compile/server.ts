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

function general(server: Server, role: ServerDocumentRole, context: CompileContext): ServerGeneralPreferences {
  if (role !== "central") return { voicemailPassword: context.password };
  const failback = server.failback;
  // Only where the server has the setting: a version the sources show without it gets none, and in
  // the versions no document settles scnc sets it only when the network asks for it (S2, S9, S10).
  const availability = failbackOptionAt(server.version?.value);
  if (availability === "absent" || (availability === "unsettled" && !failback)) return { voicemailPassword: context.password };
  return {
    voicemailPassword: context.password,
    failbackOption: failbackOptionFor(failback?.mode.value),
    ...(failback?.mode.value === "automatic" && failback.minutes ? { failbackTimeoutMinutes: failback.minutes.value } : {}),
  };
}

/** The first SMTP Sender entry's Mail Domain is the server's own domain, and the receiver accepts
 * mail for that same domain (DOMAIN.md rule 34; S23). */
function email(server: Server): ServerEmailPreferences {
  const domain = server.mailDomain?.value ?? null;
  return { smtpSender: { mailDomain: domain }, smtpReceiver: { mode: SMTP_RECEIVER_MODE, domain } };
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
  const syncSettings = sync(role, context);
  return {
    kind: "server",
    name: server.name,
    network: context.network.name,
    address: server.address?.value.text ?? null,
    version: required(server.version, `a version for server '${server.name}'`).value.text,
    platform: server.platform?.value ?? null,
    role,
    controlledBy: role === "distributed" ? names(served) : controllers(context),
    serves: names(served),
    preferences: { general: general(server, role, context), email: email(server) },
    ...(syncSettings ? { sync: syncSettings } : {}),
    ...(role === "distributed" && centralServer
      ? { forwardsMessagesTo: { server: centralServer.name, domain: centralServer.mailDomain?.value ?? null } }
      : {}),
  };
}
