import type { ExistingOutput } from "../compile/changes.js";
import type { CompiledNetwork, DeviceDocument, OfficeDocument, PasswordOutput, ServerDocument } from "../compile/documents.js";
import { canonicalJson } from "../compile/json.js";
import { deviceOfPath, renderOutput, type ManifestDocument } from "../compile/output.js";
import type { Step, StepDevice } from "../compile/steps/model.js";
import type { ChangeSet } from "./changes.js";

/**
 * `scnc runbook --from DIR`: what changes between the build in DIR (what is deployed now) and the
 * network. From a JSON build, step by step: each checklist step is compared with the fields of the
 * previous document it sets. From a checklist build (Markdown, which scnc does not read back),
 * device by device: a device whose checklist is unchanged has no steps, a changed one all of them.
 * Pure: the caller reads DIR (readPreviousBuild, which follows no link).
 */

type Key = `${StepDevice["kind"]}:${string}`;

function key(device: StepDevice): Key {
  return `${device.kind}:${device.name}`;
}

/** Equal as JSON, whatever the key order (the previous build's files have their keys sorted). */
function same(first: unknown, second: unknown): boolean {
  return (first === undefined) === (second === undefined) && (first === undefined || canonicalJson(first) === canonicalJson(second));
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A password written resolved (build --resolve-secrets) cannot be compared with a reference
 * without resolving it, which the runbook never does: it counts as unchanged. */
function samePassword(before: PasswordOutput | undefined, after: PasswordOutput | undefined): boolean {
  if (typeof before === "string" && after !== null && typeof after === "object") return true;
  return same(before, after);
}

function hasDistributed(servers: Iterable<DeviceDocument>): boolean {
  return [...servers].some((document) => document.kind === "server" && document.role === "distributed");
}

function licenceChanged(step: Step, before: OfficeDocument, after: OfficeDocument): boolean {
  const entry = after.licenses.find((license) => step.action?.includes(`the ${license.name} licence`));
  if (!entry) return true;
  return !same(before.licenses.find((license) => license.name === entry.name), entry);
}

const VOICEMAIL_FIELDS: Record<string, keyof OfficeDocument["voicemail"]> = {
  "voicemail:voicemail-type": "voicemailType",
  "voicemail:voicemail-ip-address": "voicemailIpAddress",
  "voicemail:backup-voicemail-ip-address": "backupVoicemailIpAddress",
  "voicemail:voicemail-destination": "voicemailDestination",
};

function officeStepChanged(step: Step, before: OfficeDocument, after: OfficeDocument, hadDistributed: boolean): boolean {
  // Manager's labels depend on the release: an upgrade redoes the office. A new role shows in
  // the fields themselves (Voicemail Type, the addresses, Security Settings).
  if (before.release !== after.release) return true;
  if (step.id.startsWith("licence:")) return licenceChanged(step, before, after);
  const line = /^line:(\d+)$/.exec(step.id);
  if (line) {
    const number = Number(line[1]);
    return !same(before.lines.find((item) => item.lineNumber === number), after.lines.find((item) => item.lineNumber === number));
  }
  if (step.id === "system:sntp") return !hadDistributed;
  const field = VOICEMAIL_FIELDS[step.id];
  if (field) return !same(before.voicemail[field], after.voicemail[field]);
  if (step.id === "security:voicemail-password") {
    return before.security === undefined || !samePassword(before.security.voicemailPassword, after.security?.voicemailPassword);
  }
  return true;
}

/** The IIS SMTP service step depends on whether the server exchanges mail (steps/server.ts). */
function exchangedMail(before: ServerDocument, hadDistributed: boolean): boolean {
  return before.sync !== undefined || before.forwardsMessagesTo !== undefined || (before.role === "central" && hadDistributed);
}

function serverStepChanged(step: Step, before: ServerDocument, after: ServerDocument, hadDistributed: boolean): boolean {
  if (before.version !== after.version || before.platform !== after.platform || before.role !== after.role) return true;
  const general = before.preferences.general;
  const email = before.preferences.email;
  switch (step.id) {
    case "smtp-service": return !exchangedMail(before, hadDistributed);
    case "general:voicemail-password": return !samePassword(general.voicemailPassword, after.preferences.general.voicemailPassword);
    case "general:failback": return general.failbackOption !== after.preferences.general.failbackOption || (before.sync === undefined) !== (after.sync === undefined);
    case "general:failback-timeout": return general.failbackTimeoutMinutes !== after.preferences.general.failbackTimeoutMinutes;
    case "email:smtp-sender": return !same(email.smtpSender, after.preferences.email.smtpSender);
    case "email:smtp-receiver": return !same(email.smtpReceiver, after.preferences.email.smtpReceiver);
    case "email:sync-check": return !same(before.sync, after.sync);
    case "email:forward-check": return !same(before.forwardsMessagesTo, after.forwardsMessagesTo);
    default: return true;
  }
}

/** A line the previous build has and this one does not: its link was deleted. */
function deletedLineStep(device: StepDevice, lineNumber: number, peer: string): Step {
  return {
    id: `line:${lineNumber}:delete`,
    device,
    tool: "Manager",
    changeClass: "merge",
    section: "lines",
    menuPath: ["Line", `Line ${lineNumber}`],
    action: `delete this line (to office ${peer}): the link no longer exists`,
    settings: [],
    notes: [],
    inferred: true,
    sources: [],
    spans: [],
  };
}

/** A licence the previous build listed and this one does not. */
function removedLicenceStep(device: StepDevice, name: string): Step {
  return {
    id: `licence-removed:${name}`,
    device,
    tool: "Manager",
    changeClass: "merge",
    section: "licences",
    menuPath: ["License"],
    action: `remove the ${name} licence: the network no longer declares it`,
    settings: [],
    notes: [],
    inferred: true,
    sources: ["S37"],
    spans: [],
  };
}

/** A server that moves to another address: the offices' fields follow in their own steps. */
function readdressStep(device: StepDevice, before: string | null, after: string | null): Step {
  return {
    id: "address",
    device,
    tool: "Windows",
    changeClass: "server",
    section: "smtp-service",
    menuPath: [],
    action: `give the server its new address ${after ?? "(none declared)"} (it was ${before ?? "not declared"})`,
    settings: [],
    notes: ["the offices that point at it reach it at the new address only once their own steps below are sent"],
    inferred: true,
    sources: [],
    spans: [],
  };
}

interface PreviousDevices {
  readonly format: ManifestDocument["format"];
  /** By device: the parsed JSON document, or the checklist text. */
  readonly files: ReadonlyMap<Key, { readonly text: string; readonly document: DeviceDocument | undefined }>;
}

function previousDevices(existing: ExistingOutput): PreviousDevices {
  const manifest = parsed(existing.manifestText ?? "") as ManifestDocument | undefined;
  const format = manifest?.format === "checklist" ? "checklist" : "json";
  const files = new Map<Key, { text: string; document: DeviceDocument | undefined }>();
  for (const path of existing.ownedPaths) {
    const device = deviceOfPath(path);
    const text = existing.files.get(path);
    if (!device || text === undefined) continue;
    const document = format === "json" ? parsed(text) as DeviceDocument | undefined : undefined;
    files.set(key(device), { text, document });
  }
  return { format, files };
}

/** The checklist text build would write now for each device, to compare with a checklist build. */
function checklistsNow(compiled: CompiledNetwork): Map<Key, string> {
  const output = renderOutput(compiled, { format: "checklist", scncVersion: "runbook", secretsResolved: false });
  return new Map(output.devices.flatMap((file) => (file.device ? [[key(file.device), file.content] as const] : [])));
}

export function changesFrom(existing: ExistingOutput, compiled: CompiledNetwork): ChangeSet {
  const previous = previousDevices(existing);
  const documents = new Map<Key, DeviceDocument>([...compiled.offices, ...compiled.servers].map((document) => [key(document), document]));
  const hadDistributed = hasDistributed([...previous.files.values()].flatMap((file) => (file.document ? [file.document] : [])));
  const checklists = previous.format === "checklist" ? checklistsNow(compiled) : undefined;
  const beforeOf = (device: StepDevice): DeviceDocument | undefined => previous.files.get(key(device))?.document;

  const changes = (step: Step): boolean => {
    const file = previous.files.get(key(step.device));
    if (!file) return true;
    if (checklists) return checklists.get(key(step.device)) !== file.text;
    const before = file.document;
    const after = documents.get(key(step.device));
    if (!before || !after || before.kind !== after.kind) return true;
    return before.kind === "office"
      ? officeStepChanged(step, before, after as OfficeDocument, hadDistributed)
      : serverStepChanged(step, before, after as ServerDocument, hadDistributed);
  };

  const extraSteps = (device: StepDevice): Step[] => {
    const before = beforeOf(device);
    const after = documents.get(key(device));
    if (before?.kind === "server" && after?.kind === "server" && before.address !== after.address) {
      return [readdressStep(device, before.address, after.address)];
    }
    if (before?.kind !== "office" || after?.kind !== "office" || !Array.isArray(before.lines)) return [];
    const licences = new Set(after.licenses.map((license) => license.name));
    const kept = new Set(after.lines.map((line) => line.lineNumber));
    return [
      ...(Array.isArray(before.licenses) ? before.licenses : []).filter((license) => !licences.has(license.name)).map((license) => removedLicenceStep(device, license.name)),
      ...before.lines.filter((line) => !kept.has(line.lineNumber)).map((line) => deletedLineStep(device, line.lineNumber, line.peer)),
    ];
  };

  // A line number the deployed build already uses: the line is there, to be edited, not added.
  const notesFor = (step: Step): string[] => {
    const before = beforeOf(step.device);
    const number = /^line:(\d+)$/.exec(step.id)?.[1];
    if (before?.kind !== "office" || number === undefined || !Array.isArray(before.lines)) return [];
    const existing = before.lines.find((line) => line.lineNumber === Number(number));
    return existing ? [`line ${number} exists already (to office ${existing.peer}): open it and change these fields rather than adding a new line`] : [];
  };

  const notInService = (next: CompiledNetwork): string[] => [...next.offices, ...next.servers]
    .filter((document) => !previous.files.has(key(document))).map((document) => document.name);


  const retired = [...previous.files.keys()].filter((name) => !documents.has(name)).sort().map((name): StepDevice => {
    const [kind, ...rest] = name.split(":");
    return { kind: kind as StepDevice["kind"], name: rest.join(":") };
  });

  return { changes, isNew: (device) => !previous.files.has(key(device)), extraSteps, notesFor, notInService, retired };
}
