import type { Line, OfficeDocument, PasswordOutput, ServerDocument } from "./documents.js";
import type { ManifestDocument, ManifestToPrint } from "./output.js";

/**
 * The bytes canonicalJson gives for the three documents build writes (an office, a server, the
 * manifest), printed field by field instead of by JSON.stringify with an indent: a batch build of
 * 1,000 networks prints 37,000 of them, and the generic printer (with its key-order check) was
 * twice as slow as these. Keys are written in code-unit order, as canonicalJson sorts them; a key
 * whose value is undefined is left out, as JSON.stringify leaves it out. Each `*_KEYS` list below
 * must name every key of its type (the compiler says so when a key is added), so that a new field
 * cannot be forgotten here; renderOutput with `validate` compares every document with
 * canonicalJson, and test/compile/document-json.test.ts does for arbitrary documents.
 */

/** Every key of T, and nothing else: a compile error names the key a list forgets. */
type Exhaustive<T, Keys extends readonly PropertyKey[]> = [Exclude<keyof T, Keys[number]>] extends [never] ? Keys : never;

const OFFICE_KEYS = ["address", "kind", "licenses", "lines", "name", "network", "release", "role", "security", "voicemail"] as const;
const SERVER_KEYS = ["address", "controlledBy", "forwardsMessagesTo", "kind", "name", "network", "platform", "preferences", "role", "serves", "sync", "version"] as const;
const MANIFEST_KEYS = ["files", "format", "lineNumbers", "manifestVersion", "network", "scncVersion", "secretsResolved"] as const;
export const DOCUMENT_KEYS: {
  readonly office: Exhaustive<OfficeDocument, typeof OFFICE_KEYS>;
  readonly server: Exhaustive<ServerDocument, typeof SERVER_KEYS>;
  readonly manifest: Exhaustive<ManifestDocument, typeof MANIFEST_KEYS>;
} = { office: OFFICE_KEYS, server: SERVER_KEYS, manifest: MANIFEST_KEYS };

/** Characters JSON.stringify escapes (a lone surrogate too); a string without any is printed as it is. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

function text(value: string | null): string {
  if (value === null) return "null";
  return NEEDS_ESCAPE.test(value) ? JSON.stringify(value) : `"${value}"`;
}

/** As JSON.stringify prints a number: -0 as 0 (String does so too), NaN and infinities as null. */
function number(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "null" : String(value);
}

/** `indent`: the indent of the line the value starts on. */
function password(value: PasswordOutput, indent: string): string {
  if (value === null || typeof value === "string") return text(value);
  if ("env" in value) return `{\n${indent}  "env": ${text(value.env)}\n${indent}}`;
  return `{\n${indent}  "literal": ${text(value.literal)}\n${indent}}`;
}

/** An array of strings at depth 1 (a server's controlledBy and serves). */
function names(values: readonly string[]): string {
  if (values.length === 0) return "[]";
  let out = "[";
  for (let index = 0; index < values.length; index++) out += `${index === 0 ? "" : ","}\n    ${text(values[index] as string)}`;
  return `${out}\n  ]`;
}

function line(value: Line): string {
  let out = `{\n      "lineNumber": ${number(value.lineNumber)},\n      "lineType": ${text(value.lineType)},`;
  if (value.lineType === "H.323") {
    return `${out}\n      "outgoingGroupId": ${number(value.outgoingGroupId)},\n      "peer": ${text(value.peer)},` +
      `\n      "peerAddress": ${text(value.peerAddress)},\n      "supplementaryServices": ${text(value.supplementaryServices)}\n    }`;
  }
  out += `\n      "networkingLevel": ${text(value.networkingLevel)},\n      "outgoingGroupId": ${number(value.outgoingGroupId)},` +
    `\n      "peer": ${text(value.peer)},\n      "peerAddress": ${text(value.peerAddress)}`;
  const resiliency = value.scnResiliency;
  if (resiliency !== undefined) {
    out += `,\n      "scnResiliency": {\n        "backsUpMyVoicemail": ${resiliency.backsUpMyVoicemail},` +
      `\n        "supportsResiliency": ${resiliency.supportsResiliency}\n      }`;
  }
  return `${out}\n    }`;
}

export function officeJson(office: OfficeDocument): string {
  let out = `{\n  "address": ${text(office.address)},\n  "kind": ${text(office.kind)},\n  "licenses": `;
  if (office.licenses.length === 0) out += "[]";
  else {
    out += "[";
    office.licenses.forEach((license, index) => {
      out += `${index === 0 ? "" : ","}\n    {\n      "name": ${text(license.name)},\n      "quantity": ${number(license.quantity)}\n    }`;
    });
    out += "\n  ]";
  }
  out += ",\n  \"lines\": ";
  if (office.lines.length === 0) out += "[]";
  else {
    out += "[";
    office.lines.forEach((value, index) => {
      out += `${index === 0 ? "" : ","}\n    ${line(value)}`;
    });
    out += "\n  ]";
  }
  out += `,\n  "name": ${text(office.name)},\n  "network": ${text(office.network)},\n  "release": ${text(office.release)},\n  "role": ${text(office.role)},`;
  if (office.security !== undefined) out += `\n  "security": {\n    "voicemailPassword": ${password(office.security.voicemailPassword, "    ")}\n  },`;
  const voicemail = office.voicemail;
  return `${out}\n  "voicemail": {\n    "backupVoicemailIpAddress": ${text(voicemail.backupVoicemailIpAddress)},` +
    `\n    "voicemailDestination": ${number(voicemail.voicemailDestination)},\n    "voicemailIpAddress": ${text(voicemail.voicemailIpAddress)},` +
    `\n    "voicemailType": ${text(voicemail.voicemailType)}\n  }\n}\n`;
}

export function serverJson(server: ServerDocument): string {
  let out = `{\n  "address": ${text(server.address)},\n  "controlledBy": ${names(server.controlledBy)},`;
  const forwards = server.forwardsMessagesTo;
  if (forwards !== undefined) out += `\n  "forwardsMessagesTo": {\n    "domain": ${text(forwards.domain)},\n    "server": ${text(forwards.server)}\n  },`;
  const { email, general } = server.preferences;
  out += `\n  "kind": ${text(server.kind)},\n  "name": ${text(server.name)},\n  "network": ${text(server.network)},\n  "platform": ${text(server.platform)},` +
    `\n  "preferences": {\n    "email": {\n      "smtpReceiver": {\n        "domain": ${text(email.smtpReceiver.domain)},\n        "mode": ${text(email.smtpReceiver.mode)}\n      },` +
    `\n      "smtpSender": {\n        "mailDomain": ${text(email.smtpSender.mailDomain)}\n      }\n    },\n    "general": {`;
  if (general.failbackOption !== undefined) out += `\n      "failbackOption": ${text(general.failbackOption)},`;
  if (general.failbackTimeoutMinutes !== undefined) out += `\n      "failbackTimeoutMinutes": ${number(general.failbackTimeoutMinutes)},`;
  out += `\n      "voicemailPassword": ${password(general.voicemailPassword, "      ")}\n    }\n  },\n  "role": ${text(server.role)},\n  "serves": ${names(server.serves)},`;
  if (server.sync !== undefined) out += `\n  "sync": {\n    "peer": ${text(server.sync.peer)},\n    "recipient": ${text(server.sync.recipient)}\n  },`;
  return `${out}\n  "version": ${text(server.version)}\n}\n`;
}

/** An array index as an object's key ("0", "17", not "017" or "4294967295"): an object lists these
 * first, by number, whatever order they were added in. */
function isIndexKey(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 2 ** 32 - 1;
}

/** Named entries (in code-unit order) in the order canonicalJson prints the object they make: it
 * prints that object as JSON.stringify does, which lists index-like keys ("9", "10") first, by
 * number; and `__proto__` is no key of such an object (assigning it sets the prototype). The
 * compiler's names are never either, and the list is printed as it is. */
function inPrintedOrder<T extends readonly [string, unknown]>(entries: readonly T[]): readonly T[] {
  if (!entries.some(([key]) => key === "__proto__" || isIndexKey(key))) return entries;
  const named = entries.filter(([key]) => key !== "__proto__");
  const indexes = named.filter(([key]) => isIndexKey(key)).sort(([first], [second]) => Number(first) - Number(second));
  return [...indexes, ...named.filter(([key]) => !isIndexKey(key))];
}

/** `manifest.lineNumbers` as lineNumberList makes it: offices and peers in code-unit order, once each. */
export function manifestJson(manifest: ManifestToPrint): string {
  const { files } = manifest;
  let out = "{\n  \"files\": ";
  if (files.length === 0) out += "[]";
  else {
    out += "[";
    for (let index = 0; index < files.length; index++) {
      const file = files[index] as ManifestDocument["files"][number];
      out += `${index === 0 ? "" : ","}\n    {\n      "path": ${text(file.path)},\n      "sha256": ${text(file.sha256)}\n    }`;
    }
    out += "\n  ]";
  }
  out += `,\n  "format": ${text(manifest.format)},\n  "lineNumbers": `;
  const offices = inPrintedOrder(manifest.lineNumbers);
  if (offices.length === 0) out += "{}";
  else {
    out += "{";
    for (let index = 0; index < offices.length; index++) {
      const [office, list] = offices[index] as (typeof offices)[number];
      out += `${index === 0 ? "" : ","}\n    ${text(office)}: `;
      const peers = inPrintedOrder(list);
      if (peers.length === 0) {
        out += "{}";
        continue;
      }
      out += "{";
      for (let peerIndex = 0; peerIndex < peers.length; peerIndex++) {
        const [peer, lineNumber] = peers[peerIndex] as (typeof peers)[number];
        out += `${peerIndex === 0 ? "" : ","}\n      ${text(peer)}: ${number(lineNumber)}`;
      }
      out += "\n    }";
    }
    out += "\n  }";
  }
  return `${out},\n  "manifestVersion": ${number(manifest.manifestVersion)},\n  "network": ${text(manifest.network)},` +
    `\n  "scncVersion": ${text(manifest.scncVersion)},\n  "secretsResolved": ${manifest.secretsResolved}\n}\n`;
}
