import type {
  FailureNode, LicensesNode, LinkNode, NetworkItem, NetworkNode, OfficeItem, OfficeNode, PropertyNode, ServerNode, ValueNode,
} from "../language/ast.js";
import type { Comment } from "../language/lexer.js";
import type { Span } from "../language/span.js";

/**
 * The tree Prettier walks: the project's own syntax tree (src/language/ast.ts) under one root that
 * carries the comments. Prettier attaches each comment to a node and marks it; those marks are the
 * extra fields of `FormatComment`.
 */
export interface FormatRoot {
  readonly kind: "file";
  readonly network: NetworkNode;
  comments?: FormatComment[];
  readonly span: Span;
}

export interface FormatComment extends Comment {
  /** The text again, under the name Prettier's own error messages read. */
  readonly value: string;
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  marker?: DanglingPlace;
  enclosingNode?: FormatNode;
  precedingNode?: FormatNode;
  followingNode?: FormatNode;
}

/** Where a dangling comment is printed. Prettier leaves a comment dangling (no marker) only where
 * no node precedes or follows it inside its block's header, so that is where it goes back. */
export type DanglingPlace = "before-open-brace" | "after-open-brace" | "inside-empty-block" | "after-close-brace";

export type BlockNode = NetworkNode | ServerNode | OfficeNode | LicensesNode | LinkNode;

export type FormatNode = FormatRoot | NetworkNode | NetworkItem | OfficeItem | ValueNode | PropertyNode | FailureNode | FormatComment;

/** A node that may carry attached comments once Prettier has placed them. */
export type Commented<N> = N & { comments?: FormatComment[] };

export function isComment(node: FormatNode): node is FormatComment {
  return node.kind === "line" || node.kind === "block";
}

export function isBlockNode(node: FormatNode | undefined): node is BlockNode {
  if (!node) return false;
  return node.kind === "network" || node.kind === "server" || node.kind === "office" || node.kind === "licenses" ||
    node.kind === "link";
}

/** The items between a block's braces, in source order. */
export function blockItems(node: BlockNode): readonly (NetworkItem | OfficeItem | PropertyNode)[] {
  switch (node.kind) {
    case "network": return node.items;
    case "licenses": return node.entries;
    default: return node.properties;
  }
}

/** Where the text before a block's `{` ends: the brace is searched for from here. */
export function headerEnd(node: BlockNode): number {
  switch (node.kind) {
    case "network": return node.name?.span.end ?? node.keywordSpan.end;
    case "licenses": return node.keySpan.end;
    case "link": return node.to?.span.end ?? node.keywordSpan.end;
    default: return node.name?.span.end ?? node.keywordSpan.end;
  }
}
