import { toRange, type Range } from "../diagnostics/checked-file.js";
import type { LineIndex } from "../language/line-index.js";
import type { Network, Secret } from "./types.js";

/** The intermediate form as plain JSON, per schemas/ir.schema.json (`scnc check --emit-ir`).
 * References become names (the IR itself is a graph), and a literal password is redacted. */
export interface NetworkJson {
  readonly irVersion: 1;
  readonly name: string;
  readonly release: string | null;
  readonly voicemailPassword: { env: string } | { literal: "redacted" } | null;
  readonly offices: readonly unknown[];
  readonly servers: readonly unknown[];
  readonly links: readonly unknown[];
  readonly acceptedFailures: readonly unknown[];
}

function secretJson(secret: Secret | undefined): NetworkJson["voicemailPassword"] {
  if (!secret) return null;
  return secret.kind === "env" ? { env: secret.variable } : { literal: "redacted" };
}

export function serializeNetwork(network: Network, lineIndex: LineIndex): NetworkJson {
  const range = (span: { start: number; end: number }): Range => toRange(lineIndex, span);
  return {
    irVersion: 1,
    name: network.name,
    release: network.release?.value.text ?? null,
    voicemailPassword: secretJson(network.voicemailPassword),
    offices: network.offices.map((office) => ({
      name: office.name,
      role: office.role,
      address: office.address?.value.text ?? null,
      release: office.release?.value.text ?? null,
      releaseInherited: office.release?.inherited ?? false,
      users: office.users?.value ?? null,
      voicemail: office.voicemail?.name ?? null,
      features: office.features.map((feature) => feature.value),
      licenses: {
        edition: office.licenses.edition?.value ?? null,
        voicemailPorts: office.licenses.voicemailPorts?.value ?? null,
        ums: office.licenses.ums?.value ?? null,
        contactStore: office.licenses.contactStore?.value ?? null,
        tts: office.licenses.tts?.value ?? null,
      },
      links: office.links.map((link) => link.index),
      range: range(office.nameSpan),
    })),
    servers: network.servers.map((server) => ({
      name: server.name,
      role: server.role?.value ?? null,
      address: server.address?.value.text ?? null,
      version: server.version?.value.text ?? null,
      versionInherited: server.version?.inherited ?? false,
      mailDomain: server.mailDomain?.value ?? null,
      platform: server.platform?.value ?? null,
      failback: server.failback
        ? { mode: server.failback.mode.value, minutes: server.failback.minutes?.value ?? null }
        : null,
      usedBy: server.usedBy.map((office) => office.name),
      range: range(server.nameSpan),
    })),
    links: network.links.map((link) => ({
      from: link.from.name,
      to: link.to.name,
      resolved: link.from.office !== undefined && link.to.office !== undefined,
      groupId: link.groupId?.value ?? null,
      range: range(link.keywordSpan),
    })),
    acceptedFailures: network.acceptedFailures.map((accepted) => ({
      failed: accepted.devices.map((device) => ({ name: device.name, resolved: device.target !== undefined })),
      reason: accepted.reason?.value ?? null,
      range: range(accepted.keywordSpan),
    })),
  };
}
