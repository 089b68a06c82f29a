import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { networkText } from "../../bench/networks.js";
import { checkText } from "../../src/check.js";
import { compileNetwork } from "../../src/compile/compile.js";
import { DOCUMENT_KEYS, manifestJson, officeJson, serverJson } from "../../src/compile/document-json.js";
import type { Line, OfficeDocument, PasswordOutput, ServerDocument } from "../../src/compile/documents.js";
import { canonicalJson } from "../../src/compile/json.js";
import { lineNumberList, lineNumberTable } from "../../src/compile/line-numbers.js";
import { manifestDocument, type ManifestDocument, type ManifestToPrint } from "../../src/compile/output.js";
import { examples, render } from "./examples.js";

// Strings as hostile inputs could make them: quotes, backslashes, control characters, lone and
// paired surrogates, non-ASCII, index-like names ("10" sorts before "9" by code units).
const text = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.string({ unit: "binary", maxLength: 6 }),
  fc.constantFrom("", "\"", "\\", "\n", "\u0000", "\u001f", "\u007f", "\u2028", "\ud800", "\udc00x", "😀", "ä", "10", "9", "01", "-1", "4294967295", "__proto__", "toString"),
);
const maybeText = fc.option(text, { nil: null });
const integer = fc.oneof(fc.integer(), fc.constantFrom(-0, 17, 2 ** 53, 1e21));
const maybeInteger = fc.option(integer, { nil: null });
const password: fc.Arbitrary<PasswordOutput> = fc.oneof(
  fc.constant(null), text, text.map((env) => ({ env })), fc.constant({ literal: "redacted" as const }));
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

/** The object with its undefined members dropped, as the compiler builds documents. */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

const line: fc.Arbitrary<Line> = fc.oneof(
  fc.record({
    lineNumber: integer, lineType: fc.constant("H.323" as const), outgoingGroupId: maybeInteger, peer: text, peerAddress: maybeText,
    supplementaryServices: fc.constantFrom("IP Office SCN" as const, "IP Office SCN - Fallback" as const),
  }),
  fc.record({
    lineNumber: integer, lineType: fc.constant("IP Office Line" as const), networkingLevel: fc.constant("SCN" as const),
    outgoingGroupId: maybeInteger, peer: text, peerAddress: maybeText,
    scnResiliency: optional(fc.record({ backsUpMyVoicemail: fc.boolean(), supportsResiliency: fc.constant(true as const) })),
  }).map(defined),
);

const office: fc.Arbitrary<OfficeDocument> = fc.record({
  address: maybeText,
  kind: fc.constant("office" as const),
  licenses: fc.array(fc.record({ name: fc.constantFrom("Voicemail Pro" as const, "UMS" as const, "TTS" as const), quantity: integer }), { maxLength: 3 }),
  lines: fc.array(line, { maxLength: 3 }),
  name: text,
  network: text,
  release: text,
  role: fc.constantFrom("central" as const, "fallback" as const, "member" as const, "distributed-member" as const),
  security: optional(fc.record({ voicemailPassword: password })),
  voicemail: fc.record({
    backupVoicemailIpAddress: maybeText,
    voicemailDestination: maybeInteger,
    voicemailIpAddress: maybeText,
    voicemailType: fc.constantFrom("Voicemail Pro" as const, "Centralized Voicemail" as const, "Distributed Voicemail" as const),
  }),
}).map(defined);

const server: fc.Arbitrary<ServerDocument> = fc.record({
  address: maybeText,
  controlledBy: fc.array(text, { maxLength: 3 }),
  forwardsMessagesTo: optional(fc.record({ domain: maybeText, server: text })),
  kind: fc.constant("server" as const),
  name: text,
  network: text,
  platform: maybeText,
  preferences: fc.record({
    email: fc.record({
      smtpReceiver: fc.record({ domain: maybeText, mode: fc.constant("Distributed/Primary/Backup Voicemail" as const) }),
      smtpSender: fc.record({ mailDomain: maybeText }),
    }),
    general: fc.record({
      failbackOption: optional(fc.constantFrom("Manual" as const, "Graceful" as const, "Automatic" as const)),
      failbackTimeoutMinutes: optional(integer),
      voicemailPassword: password,
    }).map(defined),
  }),
  role: fc.constantFrom("central" as const, "backup" as const, "distributed" as const),
  serves: fc.array(text, { maxLength: 3 }),
  sync: optional(fc.record({ peer: text, recipient: maybeText })),
  version: text,
}).map(defined);

/** Unique names in code-unit order, as lineNumberList gives them. */
const sortedUnique = <T>(entries: [string, T][]): [string, T][] =>
  [...new Map(entries.sort(([first], [second]) => (first < second ? -1 : first > second ? 1 : 0)))];
const manifest: fc.Arbitrary<ManifestToPrint> = fc.record({
  files: fc.array(fc.record({ path: text, sha256: text }), { maxLength: 3 }),
  format: fc.constantFrom("json" as const, "checklist" as const),
  lineNumbers: fc.array(fc.tuple(text, fc.array(fc.tuple(text, integer), { maxLength: 3 }).map(sortedUnique)), { maxLength: 3 }).map(sortedUnique),
  manifestVersion: fc.constant(1 as const),
  network: text,
  scncVersion: text,
  secretsResolved: fc.boolean(),
});

/** The manifest as its JSON reads (the object canonicalJson is given). */
const asDocument = (printed: ManifestToPrint): ManifestDocument => ({ ...printed, lineNumbers: lineNumberTable(printed.lineNumbers) });

describe("the document printers", () => {
  it("print an office as canonicalJson does, for any office", () => {
    fc.assert(fc.property(office, (document) => {
      expect(officeJson(document)).toBe(canonicalJson(document));
    }), { numRuns: 2_000 });
  });

  it("print a server as canonicalJson does, for any server", () => {
    fc.assert(fc.property(server, (document) => {
      expect(serverJson(document)).toBe(canonicalJson(document));
    }), { numRuns: 2_000 });
  });

  it("print a manifest as canonicalJson does, for any manifest (office and peer names in code-unit order, index-like ones too)", () => {
    fc.assert(fc.property(manifest, (document) => {
      expect(manifestJson(document)).toBe(canonicalJson(asDocument(document)));
    }), { numRuns: 2_000 });
  });

  it("print the compiler's documents as canonicalJson does", () => {
    const compiled = [
      ...examples().flatMap((example) => (example.compiled ? [example.compiled] : [])),
      ...[0, 1, 2, 3].map((seed) => compileNetwork(checkText(networkText(seed)).network, { password: { env: "VM_PASSWORD" } })),
    ];
    for (const network of compiled) {
      for (const document of network.offices) expect(officeJson(document)).toBe(canonicalJson(document));
      for (const document of network.servers) expect(serverJson(document)).toBe(canonicalJson(document));
      const options = { format: "json", scncVersion: "0.0.0-test", secretsResolved: false } as const;
      const document = manifestDocument(network, render(network, "json").devices, options);
      expect(manifestJson({ ...document, lineNumbers: lineNumberList(network) })).toBe(canonicalJson(document));
    }
  });

  it("know every key of the document types, each list in code-unit order", () => {
    for (const keys of Object.values(DOCUMENT_KEYS)) expect([...keys]).toEqual([...keys].sort());
  });

});
