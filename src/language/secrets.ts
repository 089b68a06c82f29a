import type { IToken, TokenType } from "chevrotain";
import type { LexResult } from "./lexer.js";
import { blockStarters } from "./messages.js";
import type { Span } from "./span.js";
import { editDistance } from "../rules/suggestion.js";
import * as T from "./tokens.js";

/** What scnc shows instead of a password: always the same length, so it does not tell how long the
 * password is either. The one mask of every diagnostic message, code frame and hover. */
export const SECRET_MASK = "********";

const PASSWORD_KEY = "voicemail-password";

/** `voicemail-password`, or a word close enough that it was meant (`voicemail-pasword`). */
export function namesThePassword(word: string): boolean {
  return word === PASSWORD_KEY || (Math.abs(word.length - PASSWORD_KEY.length) <= 2 && editDistance(word, PASSWORD_KEY, 2) <= 2);
}

interface SecretMark {
  secret?: true;
}

/** Whether the token is (part of) a password, as marked by secretSpans(). */
export function isSecretToken(token: IToken): boolean {
  return (token as SecretMark).secret === true;
}

/** A token's text as a message may quote it: a password is replaced by the mask. */
export function shownImage(token: IToken): string {
  return isSecretToken(token) ? SECRET_MASK : token.image;
}

/** Tokens that end what follows a password key: a brace, a `;`, or a word that starts a
 * declaration or property of any block (the value is missing, and the next item begins). */
let stoppers: ReadonlySet<TokenType> | undefined;

/** Built on first use: messages.ts, which holds blockStarters, imports this module too. */
function isStopper(token: IToken): boolean {
  stoppers ??= new Set([T.LeftBrace, T.RightBrace, T.Semicolon, T.Network, ...Object.values(blockStarters).flatMap((starters) => [...starters])]);
  return stoppers.has(token.tokenType);
}

/**
 * Where the text holds a password, written right or wrong: whatever follows `voicemail-password` (or
 * a misspelling of it) up to the end of its line, a comment, a brace or the next property. That
 * covers a quoted password, an unquoted one (`voicemail-password LitPw_Zq81x`), a second string after
 * it, characters the lexer refused inside it, and a value moved to the next line. After `env` the
 * variable's name is not secret, and stays; anything after the name on its line is.
 *
 * Tokens inside a span are marked (isSecretToken), so that the parser's messages quote the mask
 * instead of them; the spans are what code frames and hovers mask.
 */
export function secretSpans(text: string, lexed: Pick<LexResult, "tokens" | "comments">): Span[] {
  const { tokens, comments } = lexed;
  const spans: Span[] = [];
  let comment = 0;
  for (let index = 0; index < tokens.length; index++) {
    const key = tokens[index] as IToken;
    if (key.tokenType !== T.VoicemailPassword && !(key.tokenType === T.Identifier && namesThePassword(key.image))) continue;
    let next = index + 1;
    let from = end(key);
    const first = tokens[next];
    if (first?.tokenType === T.Env) {
      from = end(first);
      next++;
      const variable = tokens[next];
      if (variable && !isStopper(variable) && sameLine(text, from, variable.startOffset)) {
        from = end(variable);
        next++;
      }
    }
    // The run ends at a line end once it has begun (the value itself may stand on the next line).
    let firstToken: IToken | undefined;
    let last: IToken | undefined;
    while (next < tokens.length) {
      const token = tokens[next] as IToken;
      if (isStopper(token) || (last && !sameLine(text, end(last), token.startOffset))) break;
      // A comment ends the run once it has begun; before it, the value may follow a comment line.
      while (comment < comments.length && (comments[comment] as { span: Span }).span.start < (last ? end(last) : from)) comment++;
      if (last && (comments[comment]?.span.start ?? Infinity) < token.startOffset) break;
      (token as SecretMark).secret = true;
      firstToken ??= token;
      last = token;
      next++;
    }
    // Refused characters before the first token belong to the password too, unless the value
    // stands on the next line (the line break is not masked).
    const visible = firstVisible(text, from);
    const start = firstToken && !sameLine(text, visible, firstToken.startOffset) ? firstToken.startOffset : visible;
    const stop = lineEnd(text, last ? end(last) : start, comments[comment]?.span.start ?? Infinity, tokens[next]?.startOffset ?? Infinity);
    if (stop > start) spans.push({ start, end: stop });
    index = next - 1;
  }
  return spans;
}

function end(token: IToken): number {
  return token.startOffset + token.image.length;
}

function sameLine(text: string, from: number, to: number): boolean {
  for (let offset = from; offset < to; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 10 || code === 13) return false;
  }
  return true;
}

/** The first character after `from` that is not a space or tab (characters the lexer refused, such
 * as the `!` of `voicemail-password !x`, count: they are part of the password). */
function firstVisible(text: string, from: number): number {
  let offset = from;
  while (text[offset] === " " || text[offset] === "\t") offset++;
  return offset;
}

/** Where the run that ends at `from` stops: refused characters right after the last token (`x!!`)
 * are part of it, up to a space, the line end, a comment or the next token. */
function lineEnd(text: string, from: number, comment: number, nextToken: number): number {
  let offset = from;
  while (offset < text.length && offset < comment && offset < nextToken && !/[\s]/.test(text[offset] as string)) offset++;
  return offset;
}

/** The text with every span masked: each character becomes `*`, so that lines, columns and ranges
 * stay where they were. */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end: stop } of spans) {
    if (start < at) continue;
    parts.push(text.slice(at, start));
    // Quotes stay (not an escaped one) and so do spaces: the frame still shows a string's shape.
    parts.push(text.slice(start, stop).replace(/\\"|[^"\s]/g, (hidden) => "*".repeat(hidden.length)));
    at = stop;
  }
  parts.push(text.slice(at));
  return parts.join("");
}
