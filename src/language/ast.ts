import type { IToken } from "chevrotain";
import type { Comment } from "./lexer.js";
import type { Span } from "./span.js";

/**
 * The syntax tree of one `.scn` file. Nodes keep every item in source order (the formatter prints
 * them back in that order) and a span for everything a diagnostic, hover or rename may point at.
 * After a syntax error, nodes may be partial: `recovered` marks a node whose text did not fully
 * match the grammar, and any child may be missing.
 */

export interface NameNode {
  readonly kind: "name";
  readonly text: string;
  readonly span: Span;
  /** The name is a reserved word (reported as a syntax error; kept so later stages still see it). */
  readonly reserved: boolean;
}

export interface StringNode {
  readonly kind: "string";
  /** The value, quotes removed and escapes resolved. */
  readonly value: string;
  /** The text as written, quotes included. */
  readonly raw: string;
  readonly span: Span;
}

export interface IntegerNode {
  readonly kind: "integer";
  readonly text: string;
  readonly span: Span;
}

export interface ReleaseNode {
  readonly kind: "release";
  readonly text: string;
  readonly span: Span;
}

export interface AddressNode {
  readonly kind: "address";
  readonly text: string;
  readonly span: Span;
}

/** An enum word such as `central`, `linux`, `graceful` or `ums`. */
export interface WordNode {
  readonly kind: "word";
  readonly text: string;
  readonly span: Span;
}

/** `env "NAME"`: a secret read from an environment variable. */
export interface EnvNode {
  readonly kind: "env";
  readonly variable: StringNode | undefined;
  readonly span: Span;
}

export type ValueNode = NameNode | StringNode | IntegerNode | ReleaseNode | AddressNode | WordNode | EnvNode;

export type NetworkPropertyKey = "release" | "voicemail-password";
export type ServerPropertyKey = "role" | "address" | "version" | "mail-domain" | "platform" | "failback";
export type OfficePropertyKey = "role" | "address" | "release" | "users" | "voicemail" | "uses";
export type LicenseKey = "preferred-edition" | "voicemail-pro" | "voicemail-ports" | "ums" | "contact-store" | "tts";
export type LinkPropertyKey = "group-id";
export type PropertyKey = NetworkPropertyKey | ServerPropertyKey | OfficePropertyKey | LicenseKey | LinkPropertyKey;

/** `key value…` inside a block, e.g. `role central`, `uses ums tts`, `voicemail-ports 8`. */
export interface PropertyNode {
  readonly kind: "property";
  readonly key: PropertyKey;
  readonly keySpan: Span;
  values: ValueNode[];
  span: Span;
  recovered: boolean;
}

/** `licenses { … }` inside an office. */
export interface LicensesNode {
  readonly kind: "licenses";
  readonly key: "licenses";
  readonly keySpan: Span;
  readonly entries: PropertyNode[];
  span: Span;
  recovered: boolean;
}

export type OfficeItem = PropertyNode | LicensesNode;

interface DeclarationBase {
  readonly keywordSpan: Span;
  name: NameNode | undefined;
  span: Span;
  recovered: boolean;
}

export interface ServerNode extends DeclarationBase {
  readonly kind: "server";
  readonly properties: PropertyNode[];
}

export interface OfficeNode extends DeclarationBase {
  readonly kind: "office";
  readonly properties: OfficeItem[];
}

export interface LinkNode {
  readonly kind: "link";
  readonly keywordSpan: Span;
  from: NameNode | undefined;
  to: NameNode | undefined;
  /** Whether the link has a `{ … }` block (the formatter keeps `link a -- b {}` as written). */
  hasBlock: boolean;
  readonly properties: PropertyNode[];
  span: Span;
  recovered: boolean;
}

/** One device of an `accept-failure`: an office or server name (`to` undefined), or a link `from -- to`. */
export interface FailureNode {
  readonly kind: "failure";
  from: NameNode | undefined;
  to: NameNode | undefined;
  /** Whether `--` was written (a link), even if the second name is missing. */
  isLink: boolean;
  span: Span;
}

/** `accept-failure A--B, C "reason"`: the owner accepts what these devices failing together do to voicemail. */
export interface AcceptFailureNode {
  readonly kind: "accept-failure";
  readonly keywordSpan: Span;
  readonly failures: FailureNode[];
  reason: StringNode | undefined;
  span: Span;
  recovered: boolean;
}

export type NetworkItem = PropertyNode | ServerNode | OfficeNode | LinkNode | AcceptFailureNode;

export interface NetworkNode {
  readonly kind: "network";
  readonly keywordSpan: Span;
  name: StringNode | undefined;
  readonly items: NetworkItem[];
  span: Span;
  recovered: boolean;
  /** Names that text the parser had to skip seems to declare (`offce hq { … }` declares hq):
   * references to them are not reported as unknown, since the real mistake is the skipped text. */
  unreadableNames?: string[];
}

export interface SyntaxErrorInfo {
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly { readonly message: string; readonly span: Span }[];
}

export interface SourceFile {
  readonly text: string;
  /** Absent when the text holds no `network` declaration at all. */
  readonly network: NetworkNode | undefined;
  readonly comments: readonly Comment[];
  /** The lexer's tokens (comments apart), in text order: the language server's hover and completion
   * read them rather than lexing the document again. */
  readonly tokens: readonly IToken[];
  readonly syntaxErrors: readonly SyntaxErrorInfo[];
}
