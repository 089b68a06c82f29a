import type { AstPath, Doc, Printer } from "prettier";
import { builders } from "prettier/doc";
import { hasLineBreak, openBraceAfter } from "./source-text.js";
import {
  blockItems, headerEnd, isBlockNode, isComment, type Commented, type DanglingPlace, type FormatComment, type FormatNode,
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
 *   it dangles after the brace, so it stays on the brace's line.
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

export const handleComments: NonNullable<Printer["handleComments"]> = {
  ownLine: (comment: FormatComment, text: string) => placeInsideBlock(comment, text),
  endOfLine: (comment: FormatComment, text: string) => placeInsideBlock(comment, text),
  remaining: (comment: FormatComment, text: string) => placeInsideBlock(comment, text),
};

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
    if (comment.leading || comment.trailing || comment.marker !== place) continue;
    comment.printed = true;
    if (previous) parts.push(previous.kind === "line" ? hardline : " ");
    parts.push(printComment({ node: comment } as AstPath<FormatNode>));
    previous = comment;
  }
  if (previous?.kind === "line") parts.push(breakParent);
  return parts;
}
