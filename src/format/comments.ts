import type { AstPath, Doc, Printer } from "prettier";
import { builders } from "prettier/doc";
import { hasLineBreak, openBraceAfter } from "./source-text.js";
import type { AcceptFailureNode, PropertyNode } from "../language/ast.js";
import {
  blockItems, headerEnd, isBlockNode, isComment, type BlockNode, type Commented, type DanglingPlace, type FormatComment,
  type FormatNode, type FormatRoot,
} from "./tree.js";

const { breakParent, hardline, join, literalline } = builders;

/**
 * Comment placement. Prettier attaches most comments well by itself (a comment on its own line
 * leads the next item; one at the end of a line trails the item before it). Two places it cannot
 * know about, because braces are not nodes, are handled here:
 *
 * - a comment inside an empty block (`licenses { /* none yet *\/ }`), which has no item to
 *   attach to and would otherwise drift out of the block: it dangles inside the block;
 * - a comment right after a block's `{`, on the same line (`office branch {  // remote`):
 *   it dangles after the brace, so it stays on the brace's line;
 * - a line comment inside what prints as one line (`link hq --  // note` before `east`, or
 *   `role // note` before `central`): printed in place it would end the line early, and on the next
 *   run attach elsewhere. It moves to its own line before that item, which it then still precedes
 *   (so a `// scnc-disable-next-line` comment keeps applying to the item it was written in);
 * - comments after the network's closing brace: they dangle after it and are printed as a flat
 *   list (printCommentsAfterNetwork). As Prettier's trailing comments each would become a line
 *   suffix, and Prettier flushes pending suffixes with one spread call, which overflows the stack
 *   at some hundred thousand comments.
 */

function attachDangling(node: FormatNode, comment: FormatComment, place: DanglingPlace): true {
  const commented = node as Commented<FormatNode>;
  (commented.comments ??= []).push(comment);
  comment.leading = false;
  comment.trailing = false;
  comment.printed = false;
  comment.marker = place;
  return true;
}

function attachLeading(node: FormatNode, comment: FormatComment): true {
  const commented = node as Commented<FormatNode>;
  (commented.comments ??= []).push(comment);
  comment.leading = true;
  comment.trailing = false;
  comment.printed = false;
  return true;
}

/** The item printed as one line (a property, or a block's header up to its `{`) that strictly
 * contains `offset`, if any. */
function lineItemAround(node: BlockNode | PropertyNode | AcceptFailureNode, offset: number, text: string): FormatNode | undefined {
  if (node.kind === "property" || node.kind === "accept-failure") return node;
  const brace = openBraceAfter(text, headerEnd(node));
  if (brace === -1 || offset < brace) return node;
  for (const item of blockItems(node)) {
    if (item.span.start < offset && offset < item.span.end) return lineItemAround(item, offset, text);
  }
  return undefined;
}

function moveBeforeLineItem(comment: FormatComment, text: string, root: FormatRoot): boolean {
  if (comment.kind !== "line") return false;
  const { network } = root;
  const offset = comment.span.start;
  if (offset <= network.span.start || offset >= network.span.end) return false;
  const item = lineItemAround(network, offset, text);
  return item ? attachLeading(item, comment) : false;
}

function placeInsideBlock(comment: FormatComment, text: string): boolean {
  const block = comment.enclosingNode;
  if (!isBlockNode(block)) return false;
  const brace = openBraceAfter(text, headerEnd(block));
  if (brace === -1 || comment.span.start < brace) return false;
  const first = blockItems(block)[0];
  if (!first) return attachDangling(block, comment, "inside-empty-block");
  if (comment.span.start < first.span.start && !hasLineBreak(text, brace, comment.span.start)) {
    return attachDangling(block, comment, "after-open-brace");
  }
  return false;
}

/** A block comment between `licenses` and its `{` has no node before it, and the node after it is
 * inside the block: it stays before the brace, where it was written. */
function placeBeforeOpenBrace(comment: FormatComment, text: string): boolean {
  const block = comment.enclosingNode;
  if (!isBlockNode(block) || comment.precedingNode) return false;
  const brace = openBraceAfter(text, headerEnd(block));
  if (brace !== -1 && comment.span.start > brace) return false;
  const following = comment.followingNode;
  if (following && (brace === -1 || following.span.start < brace)) return false;
  return attachDangling(block, comment, "before-open-brace");
}

/** A comment trails the item before it only when it starts on that item's last line; after a
 * stray `;` on a line of its own it leads the next item instead, keeping comments in order. */
function leadNextItem(comment: FormatComment, text: string): boolean {
  const { precedingNode, followingNode } = comment;
  if (!precedingNode || !followingNode || !hasLineBreak(text, precedingNode.span.end, comment.span.start)) return false;
  return attachLeading(followingNode, comment);
}

function placeAfterNetwork(comment: FormatComment, root: FormatRoot): boolean {
  return comment.span.start >= root.network.span.end && attachDangling(root.network, comment, "after-close-brace");
}

function place(comment: FormatComment, text: string, _options: unknown, root: FormatRoot): boolean {
  return placeAfterNetwork(comment, root) || placeInsideBlock(comment, text) || moveBeforeLineItem(comment, text, root) || leadNextItem(comment, text) ||
    placeBeforeOpenBrace(comment, text);
}

export const handleComments: NonNullable<Printer["handleComments"]> = { ownLine: place, endOfLine: place, remaining: place };

export function canAttachComment(node: FormatNode): boolean {
  return node.kind !== "file" && !isComment(node);
}

export function isBlockComment(node: FormatNode): boolean {
  return node.kind === "block";
}

/** The comment as written, except trailing whitespace (Prettier trims it at line ends anyway).
 * A block comment spanning lines keeps its lines exactly: `literalline` does not re-indent them. */
export function printComment(path: AstPath<FormatNode>): Doc {
  const comment = path.node as FormatComment;
  if (comment.kind === "line") return comment.text.trimEnd();
  const lines = comment.text.split(/\r?\n/);
  return lines.length === 1 ? comment.text : join(literalline, lines);
}

/** The node's dangling comments for one place, separated as they were (a line comment ends its
 * line); marks them printed, since Prettier prints only leading and trailing comments itself. */
export function printDanglingComments(path: AstPath<FormatNode>, place: DanglingPlace): Doc[] {
  const node = path.node as Commented<FormatNode>;
  const parts: Doc[] = [];
  let previous: FormatComment | undefined;
  for (const comment of node.comments ?? []) {
    if (comment.leading || comment.trailing || (comment.marker ?? "before-open-brace") !== place) continue;
    comment.printed = true;
    if (previous) parts.push(previous.kind === "line" ? hardline : " ");
    parts.push(printComment({ node: comment } as AstPath<FormatNode>));
    previous = comment;
  }
  if (previous?.kind === "line") parts.push(breakParent);
  return parts;
}

/** The comments after the network's `}`, as Prettier would print them trailing it: on the brace's
 * line if written there, else each on its own line, with one blank line kept where there was one. A
 * flat list whatever their number: the doc printer walks it without recursion. */
export function printCommentsAfterNetwork(path: AstPath<FormatNode>, text: string): Doc[] {
  const node = path.node as Commented<FormatNode>;
  const parts: Doc[] = [];
  let end = node.span.end;
  let previous: FormatComment | undefined;
  for (const comment of node.comments ?? []) {
    if (comment.marker !== "after-close-brace") continue;
    comment.printed = true;
    const between = text.slice(end, comment.span.start);
    const breaks = between.split("\n").length - 1;
    if (previous?.kind === "line" || breaks > 0) parts.push(breaks > 1 ? [hardline, hardline] : hardline);
    else parts.push(" ");
    parts.push(printComment({ node: comment } as AstPath<FormatNode>));
    end = comment.span.end;
    previous = comment;
  }
  return parts;
}
