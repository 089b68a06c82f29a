import type { IToken } from "chevrotain";
import { isUnterminated, type Comment } from "../language/lexer.js";
import type { Span } from "../language/span.js";
import * as T from "../language/tokens.js";

/**
 * Where the cursor is, in terms completion needs: which block it is in, what the statement before
 * it holds so far, and which word it is typing. Read from tokens rather than the syntax tree, because
 * the text being typed rarely parses.
 */
export type BlockKind = "file" | "network" | "server" | "office" | "licenses" | "link" | "unknown";

export interface CompletionContext {
  readonly block: BlockKind;
  /** The tokens of the statement the cursor is in, before the word being typed (`role`, or
   * `link hq --`); empty at the start of a statement. */
  readonly statement: readonly IToken[];
  /** Keys already given in this block (so they are not offered twice). */
  readonly givenKeys: ReadonlySet<string>;
  /** The word being typed, from its start to the cursor (empty when none). */
  readonly word: Span;
  /** The end of the word the cursor is in (past the cursor when it is in the middle of one), for
   * clients that offer to replace the whole word rather than insert. */
  readonly wordEnd: number;
}

/** The words that start a statement in each block. */
export const blockKeys: Readonly<Record<BlockKind, readonly string[]>> = {
  file: ["network"],
  network: ["release", "voicemail-password", "server", "office", "link", "accept-failure"],
  server: ["role", "address", "version", "mail-domain", "platform", "failback"],
  office: ["role", "address", "release", "users", "voicemail", "uses", "licenses"],
  licenses: ["preferred-edition", "voicemail-pro", "voicemail-ports", "ums", "contact-store", "tts"],
  link: ["group-id"],
  unknown: [],
};

interface Frame {
  readonly block: BlockKind;
  statement: IToken[];
  readonly givenKeys: Set<string>;
}

function blockOpenedBy(frame: Frame): BlockKind {
  const first = frame.statement[0]?.image;
  if (frame.block === "file" && first === "network") return "network";
  if (frame.block === "network" && (first === "server" || first === "office" || first === "link")) return first;
  if (frame.block === "office" && first === "licenses") return "licenses";
  return "unknown";
}

function isWordCharacter(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 45;
}

/** The start of the word that ends at the cursor: letters, digits, `_` and `-` (but not `--`). */
function wordStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && isWordCharacter(text.charCodeAt(start - 1))) start--;
  const dashes = text.lastIndexOf("--", offset - 1);
  if (dashes < start) return start;
  // A cursor between the two dashes of `--` ends no word (the range must not end before it starts).
  return Math.min(dashes + 2, offset);
}

/** The end of the word the cursor is in: letters, digits, `_` and `-`, stopping before `--`. */
function wordEnd(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && isWordCharacter(text.charCodeAt(end)) && !text.startsWith("--", end)) end++;
  return end;
}

/** Whether the cursor is inside a comment or a string, where nothing should be completed. */
function insideText(tokens: readonly IToken[], comments: readonly Comment[], offset: number): boolean {
  for (const comment of comments) {
    const end = comment.kind === "line" ? comment.span.end + 1 : comment.span.end;
    if (comment.span.start < offset && offset < end) return true;
  }
  return tokens.some((token) => {
    if (token.tokenType !== T.StringLiteral || token.startOffset >= offset) return false;
    const end = token.startOffset + token.image.length;
    return offset < end || (offset === end && isUnterminated(token));
  });
}

/** `lexed`: the document's tokens and comments, as its analysis holds them (never lexed again here). */
export function completionContext(text: string, offset: number, lexed: { readonly tokens: readonly IToken[]; readonly comments: readonly Comment[] }): CompletionContext | undefined {
  const { tokens, comments } = lexed;
  if (insideText(tokens, comments, offset)) return undefined;
  const start = wordStart(text, offset);
  const stack: Frame[] = [{ block: "file", statement: [], givenKeys: new Set() }];
  for (const token of tokens) {
    if (token.startOffset + token.image.length > start) break;
    const frame = stack[stack.length - 1] as Frame;
    if (token.tokenType === T.LeftBrace) {
      stack.push({ block: blockOpenedBy(frame), statement: [], givenKeys: new Set() });
    } else if (token.tokenType === T.RightBrace) {
      if (stack.length > 1) stack.pop();
      (stack[stack.length - 1] as Frame).statement = [];
    } else if (token.tokenType === T.Semicolon) {
      frame.statement = [];
    } else if (blockKeys[frame.block].includes(token.image)) {
      frame.statement = [token];
      frame.givenKeys.add(token.image);
    } else {
      frame.statement.push(token);
    }
  }
  const frame = stack[stack.length - 1] as Frame;
  return { block: frame.block, statement: frame.statement, givenKeys: frame.givenKeys, word: { start, end: offset }, wordEnd: wordEnd(text, offset) };
}
