import type { SourceFile, SyntaxErrorInfo } from "../language/ast.js";
import type { Span } from "../language/span.js";

/**
 * The intermediate form: one network with every name resolved, effective releases computed and
 * each value checked and converted. Rules and the compiler read only this. Every value keeps the
 * span it came from so that diagnostics can point at it.
 */

export type OfficeRole = "central" | "fallback" | "member";
export type ServerRole = "central" | "backup" | "distributed";
export type Platform = "windows" | "linux" | "ucm" | "application-server";
export type FailbackMode = "manual" | "graceful" | "automatic";
export type Feature = "ums" | "contact-store" | "tts";
export type EditionLicense = "preferred-edition" | "voicemail-pro";

/** A value and where it was written. `propertySpan` covers the whole property (key and values). */
export interface Located<T> {
  readonly value: T;
  readonly span: Span;
  readonly propertySpan: Span;
}

export interface Release {
  readonly major: number;
  readonly minor: number;
  /** Canonical text, e.g. "6.0". */
  readonly text: string;
}

/** A release or version as it applies to a device: its own, or inherited from the network. */
export interface EffectiveRelease extends Located<Release> {
  readonly inherited: boolean;
}

export interface Address {
  /** Normalized text (IPv6 compressed and lower-case), so equal addresses compare equal. */
  readonly text: string;
  readonly family: 4 | 6;
}

export type Secret =
  | { readonly kind: "env"; readonly variable: string; readonly span: Span; readonly propertySpan: Span }
  /** A password written in the file. Its value must never be printed; `serialize` redacts it. */
  | { readonly kind: "literal"; readonly value: string; readonly span: Span; readonly propertySpan: Span };

export interface Licenses {
  readonly edition?: Located<EditionLicense>;
  readonly voicemailPorts?: Located<number>;
  readonly ums?: Located<number>;
  readonly contactStore?: Located<number>;
  readonly tts?: Located<number>;
  /** The `licenses { … }` property, when present. */
  readonly span?: Span;
}

/** Properties whose written value could not be used (a syntax error or an invalid value). Rules
 * that need such a value stay silent, so one mistake gives one diagnostic. */
export type UnknownProperties = ReadonlySet<string>;

interface DeviceBase {
  readonly name: string;
  readonly nameSpan: Span;
  /** The whole declaration. */
  readonly span: Span;
  /** Position among the network's devices of this kind, in declaration order. */
  readonly index: number;
  readonly address?: Located<Address>;
  readonly unknown: UnknownProperties;
  /** A later declaration of a name already declared (`duplicate-name` reports it). */
  readonly isDuplicate: boolean;
}

export interface VoicemailReference {
  readonly name: string;
  readonly span: Span;
  readonly propertySpan: Span;
  /** The server named; undefined when the name is not a declared server. */
  readonly server: Server | undefined;
}

export interface Office extends DeviceBase {
  readonly kind: "office";
  readonly role: OfficeRole;
  /** The `role` value; absent when the role is the default (`member`). */
  readonly roleSpan?: Span;
  readonly release?: EffectiveRelease;
  readonly users?: Located<number>;
  readonly voicemail?: VoicemailReference;
  readonly features: readonly Located<Feature>[];
  readonly licenses: Licenses;
  /** Links that join this office, in declaration order. */
  readonly links: Link[];
}

export interface Failback {
  readonly mode: Located<FailbackMode>;
  readonly minutes?: Located<number>;
  readonly propertySpan: Span;
}

export interface Server extends DeviceBase {
  readonly kind: "server";
  readonly role?: Located<ServerRole>;
  readonly version?: EffectiveRelease;
  readonly mailDomain?: Located<string>;
  readonly platform?: Located<Platform>;
  readonly failback?: Failback;
  /** Offices whose `voicemail` names this server, in declaration order. */
  readonly usedBy: Office[];
}

export type Device = Office | Server;

export interface LinkEnd {
  readonly name: string;
  readonly span: Span;
  /** The office named; undefined when the name is not a declared office. */
  readonly office: Office | undefined;
}

export interface Link {
  readonly kind: "link";
  readonly index: number;
  readonly from: LinkEnd;
  readonly to: LinkEnd;
  readonly groupId?: Located<number>;
  readonly span: Span;
  readonly keywordSpan: Span;
  readonly unknown: UnknownProperties;
}

/** One device an `accept-failure` names, resolved like `simulate --fail`. */
export interface AcceptedDevice {
  /** As written, the way `simulate --fail` names it: `hq`, or `hq--dr` for a link. */
  readonly name: string;
  readonly span: Span;
  /** The office, server or link named; undefined when nothing declared matches (unknown-reference). */
  readonly target: Office | Server | Link | undefined;
  /** For a link, its two ends as written. */
  readonly ends?: readonly [LinkEnd, LinkEnd];
}

/** `accept-failure A--B, C "reason"`: the owner accepts what these devices failing together do. */
export interface AcceptedFailure {
  readonly index: number;
  readonly devices: readonly AcceptedDevice[];
  /** Absent only after a syntax error (a reason is required). */
  readonly reason?: Located<string>;
  readonly span: Span;
  readonly keywordSpan: Span;
}

export interface InvalidValue {
  readonly span: Span;
  readonly message: string;
}

export interface DuplicateProperty {
  readonly key: string;
  /** Where the block is, e.g. "office 'hq'". */
  readonly owner: string;
  readonly first: Span;
  /** The repeated property (the whole of it, so a fix can remove it). */
  readonly repeated: Span;
  readonly repeatedKeySpan: Span;
}

export interface Network {
  readonly name: string;
  readonly nameSpan?: Span;
  readonly span: Span;
  readonly release?: Located<Release>;
  readonly voicemailPassword?: Secret;
  /** Network properties whose written value could not be used. */
  readonly unknown: UnknownProperties;
  readonly offices: readonly Office[];
  readonly servers: readonly Server[];
  readonly links: readonly Link[];
  /** The `accept-failure` declarations, in declaration order. */
  readonly acceptedFailures: readonly AcceptedFailure[];
  /** First declaration of each name. */
  readonly devicesByName: ReadonlyMap<string, Device>;
  /** Names that unreadable text seems to declare (see NetworkNode.unreadableNames): a reference
   * to one of them is not reported as unknown. Absent when there are none. */
  readonly unreadableNames?: ReadonlySet<string>;
  readonly invalidValues: readonly InvalidValue[];
  readonly duplicateProperties: readonly DuplicateProperty[];
  readonly syntaxErrors: readonly SyntaxErrorInfo[];
  /** False when the text has no network declaration at all; then only syntax errors are reported. */
  readonly declared: boolean;
  /** Text at the network level could not be read (a mistyped declaration keyword, an unclosed
   * comment, …), so a declaration may be missing: rules that report that something is absent from
   * the whole network ("no central office") stay silent. Absent when false. */
  readonly partial?: boolean;
  readonly source: SourceFile;
  /** Facts derived from the network on first use (see derived.ts). */
  readonly derived: Map<object, unknown>;
}
