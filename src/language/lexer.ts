import type { IToken, TokenType } from "chevrotain";
import type { Span } from "./span.js";
import * as T from "./tokens.js";

export interface Comment {
  readonly kind: "line" | "block";
  /** The comment as written, delimiters included. */
  readonly text: string;
  readonly span: Span;
  /** A block comment that is never closed: it runs to the end of the file. */
  readonly unterminated?: true;
}

export interface LexError {
  readonly message: string;
  readonly span: Span;
}

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: Comment[];
  readonly errors: LexError[];
}

const TAB = 9, LINE_FEED = 10, CARRIAGE_RETURN = 13, SPACE = 32, QUOTE = 34, DASH = 45, DOT = 46,
  SLASH = 47, STAR = 42, COMMA = 44, SEMICOLON = 59, BACKSLASH = 92, LEFT_BRACE = 123, RIGHT_BRACE = 125;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isWordStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** Letters, digits and `_`, by character code: one load for the lexer's innermost loop. */
const WORD_PARTS = new Uint8Array(128);
for (let code = 0; code < 128; code++) WORD_PARTS[code] = isWordStart(code) || isDigit(code) ? 1 : 0;

function isWordPart(code: number): boolean {
  return code < 128 && WORD_PARTS[code] === 1;
}

function isWhitespace(code: number): boolean {
  return code === SPACE || code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN;
}

/** A character that can begin a token, a comment or whitespace; anything else is unexpected. */
function beginsSomething(code: number): boolean {
  return isWhitespace(code) || isWordStart(code) || isDigit(code) || code === QUOTE || code === SLASH ||
    code === LEFT_BRACE || code === RIGHT_BRACE || code === SEMICOLON || code === DASH || code === COMMA;
}

/** A token as the parser needs it. No `endOffset` (start + image length is the end): chevrotain
 * reads it only to locate concrete syntax tree nodes, which this parser does not build, and every
 * analysis keeps its tokens (the language server's hover and completion read them). */
function token(tokenType: TokenType, image: string, start: number): IToken {
  return { image, startOffset: start, tokenType, tokenTypeIdx: tokenType.tokenTypeIdx as number };
}

function describeCharacters(text: string): string {
  const shown = [...text].map((character) => {
    const code = character.codePointAt(0) as number;
    return code < 32 || code === 127 || (code >= 128 && code <= 160) || code === 0xfeff
      ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
      : character;
  });
  return shown.join("");
}

/**
 * Splits `.scn` text into tokens. Hand-written because lexing is the hot loop of every check
 * (a regex lexer runs several times slower), and because it lets every lexical error carry a
 * message written for people. It never throws: bad characters become errors and are skipped, and
 * an unterminated string still yields a string token so the parser does not cascade.
 */
export function lex(text: string): LexResult {
  const tokens: IToken[] = [];
  const comments: Comment[] = [];
  const errors: LexError[] = [];
  const length = text.length;
  // A leading byte order mark is not part of the text; offsets still count it.
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (offset < length) {
    const code = text.charCodeAt(offset);
    if (isWhitespace(code)) {
      if (code === CARRIAGE_RETURN && text.charCodeAt(offset + 1) !== LINE_FEED) reportLoneCarriageReturn(offset, errors);
      offset++;
    } else if (isWordStart(code)) {
      offset = lexWord(text, offset, tokens);
    } else if (isDigit(code)) {
      offset = lexNumber(text, offset, tokens);
    } else if (code === QUOTE) {
      offset = lexString(text, offset, tokens, errors);
    } else if (code === LEFT_BRACE) {
      tokens.push(token(T.LeftBrace, "{", offset++));
    } else if (code === RIGHT_BRACE) {
      tokens.push(token(T.RightBrace, "}", offset++));
    } else if (code === SEMICOLON) {
      tokens.push(token(T.Semicolon, ";", offset++));
    } else if (code === COMMA) {
      tokens.push(token(T.Comma, ",", offset++));
    } else if (code === DASH && text.charCodeAt(offset + 1) === DASH) {
      tokens.push(token(T.LinkDash, "--", offset));
      offset += 2;
    } else if (code === SLASH && text.charCodeAt(offset + 1) === SLASH) {
      offset = lexLineComment(text, offset, comments);
    } else if (code === SLASH && text.charCodeAt(offset + 1) === STAR) {
      offset = lexBlockComment(text, offset, comments, errors);
    } else if (isMistypedLinkDash(text, offset, tokens)) {
      errors.push({
        message: `expected '--' between the two offices of a link, as in link hq -- east, found '${text[offset]}'`,
        span: { start: offset, end: offset + 1 },
      });
      tokens.push(token(T.LinkDash, text[offset] as string, offset++));
    } else {
      offset = skipUnexpected(text, offset, errors);
    }
  }
  return { tokens, comments, errors };
}

const EN_DASH = 0x2013, EM_DASH = 0x2014;

/** A single `-` (or an en or em dash pasted from a document) between two words, as in
 * `link hq - east`: read as the `--` it stands for, with one error, so the link still parses. */
function isMistypedLinkDash(text: string, offset: number, tokens: readonly IToken[]): boolean {
  const code = text.charCodeAt(offset);
  if (code !== DASH && code !== EN_DASH && code !== EM_DASH) return false;
  const previous = tokens[tokens.length - 1];
  if (!previous || (previous.tokenType !== T.Identifier && !T.keywordsByText.has(previous.image))) return false;
  let next = offset + 1;
  while (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB) next++;
  return isWordStart(text.charCodeAt(next));
}

function lexWord(text: string, start: number, tokens: IToken[]): number {
  let offset = start + 1;
  for (;;) {
    while (offset < text.length && isWordPart(text.charCodeAt(offset))) offset++;
    // A dash continues a word only when a word character follows, so `a--b` is `a`, `--`, `b`.
    if (text.charCodeAt(offset) === DASH && isWordPart(text.charCodeAt(offset + 1))) offset += 1;
    else break;
  }
  const keyword = T.keywordAt(text, start, offset);
  tokens.push(keyword ? token(keyword.tokenType, keyword.text, start) : token(T.Identifier, text.slice(start, offset), start));
  return offset;
}

function lexNumber(text: string, start: number, tokens: IToken[]): number {
  let offset = start;
  let parts = 0;
  for (;;) {
    while (offset < text.length && isDigit(text.charCodeAt(offset))) offset++;
    parts++;
    if (text.charCodeAt(offset) === DOT && isDigit(text.charCodeAt(offset + 1))) offset++;
    else break;
  }
  const tokenType = parts === 1 ? T.Integer : parts === 2 ? T.Release : parts === 4 ? T.Ipv4Address : T.MalformedNumber;
  tokens.push(token(tokenType, text.slice(start, offset), start));
  return offset;
}

function lexString(text: string, start: number, tokens: IToken[], errors: LexError[]): number {
  const errorsBefore = errors.length;
  let offset = start + 1;
  for (;;) {
    const code = text.charCodeAt(offset);
    if (offset >= text.length || code === LINE_FEED || code === CARRIAGE_RETURN) {
      const end = unterminatedStringEnd(text, start, offset);
      // Escapes in the part given back (a trailing comment) are not in the string after all.
      while (errors.length > errorsBefore && (errors[errors.length - 1] as LexError).span.start >= end) errors.pop();
      errors.push({
        message: "unterminated string: add a closing '\"' before the end of the line",
        span: { start, end },
      });
      const recovered = token(T.StringLiteral, text.slice(start, end), start);
      (recovered as UnterminatedMark).unterminated = true;
      tokens.push(recovered);
      return end;
    }
    if (code === QUOTE) break;
    if (code === BACKSLASH) {
      const next = text.charCodeAt(offset + 1);
      if (next === QUOTE || next === BACKSLASH) {
        offset += 2;
        continue;
      }
      if (next !== LINE_FEED && next !== CARRIAGE_RETURN && offset + 1 < text.length) {
        errors.push({
          message: `unknown escape '\\${text[offset + 1]}' in a string; only \\" and \\\\ are allowed`,
          span: { start: offset, end: offset + 2 },
        });
        offset += 2;
        continue;
      }
    }
    offset++;
  }
  tokens.push(token(T.StringLiteral, text.slice(start, offset + 1), start));
  return offset + 1;
}

/**
 * Where an unterminated string most likely ends: before the first brace, semicolon or comment that
 * follows whitespace on its line, since those almost always belong to the structure
 * (`mail-domain "vm.example }`); so one missing quote gives one error, not an unclosed block too.
 */
function unterminatedStringEnd(text: string, start: number, lineEnd: number): number {
  const structure = /\s(?:[{};]|\/[/*])/.exec(text.slice(start + 1, lineEnd));
  let end = structure ? start + 1 + structure.index : lineEnd;
  while (end > start + 1 && isWhitespace(text.charCodeAt(end - 1))) end--;
  return end;
}

interface UnterminatedMark {
  unterminated?: boolean;
}

/** Whether a string token was closed by the end of its line rather than by a quote. */
export function isUnterminated(stringToken: IToken): boolean {
  return (stringToken as UnterminatedMark).unterminated === true;
}

/** The value of a string token: quotes removed, escapes resolved. */
export function stringValue(stringToken: IToken): string {
  const image = stringToken.image;
  const inner = isUnterminated(stringToken) ? image.slice(1) : image.slice(1, -1);
  return inner.indexOf("\\") === -1 ? inner : inner.replace(/\\(["\\])/g, "$1");
}

/** A line comment ends at the line end, `\r\n` or `\n`, or at a lone `\r` (reported by the caller). */
function lexLineComment(text: string, start: number, comments: Comment[]): number {
  let end = start + 2;
  while (end < text.length && text.charCodeAt(end) !== LINE_FEED && text.charCodeAt(end) !== CARRIAGE_RETURN) end++;
  comments.push({ kind: "line", text: text.slice(start, end), span: { start, end } });
  return end;
}

/**
 * LANGUAGE.md's line ends are `\n` and `\r\n`. A carriage return alone (a classic Mac OS file, a
 * damaged one) is a line end to editors and to Prettier but not to the grammar, so the two would
 * disagree about where comments end and lines begin: the first one in a file is an error.
 */
function reportLoneCarriageReturn(offset: number, errors: LexError[]): void {
  if (errors.some((error) => error.message === LONE_CARRIAGE_RETURN)) return;
  errors.push({ message: LONE_CARRIAGE_RETURN, span: { start: offset, end: offset + 1 } });
}

const LONE_CARRIAGE_RETURN = "a carriage return without a line feed is not a line end; save the file with LF or CRLF line ends";

function lexBlockComment(text: string, start: number, comments: Comment[], errors: LexError[]): number {
  const close = text.indexOf("*/", start + 2);
  if (close === -1) {
    errors.push({
      message: "unterminated comment: '/*' has no matching '*/'",
      span: { start, end: start + 2 },
    });
    comments.push({ kind: "block", text: text.slice(start), span: { start, end: text.length }, unterminated: true });
    return text.length;
  }
  const end = close + 2;
  const body = text.slice(start, end);
  comments.push({ kind: "block", text: body, span: { start, end } });
  for (let index = body.indexOf("\r"); index !== -1; index = body.indexOf("\r", index + 1)) {
    if (body.charCodeAt(index + 1) !== LINE_FEED) reportLoneCarriageReturn(start + index, errors);
  }
  return end;
}

function skipUnexpected(text: string, start: number, errors: LexError[]): number {
  let offset = start + 1;
  while (offset < text.length && !beginsSomething(text.charCodeAt(offset))) offset++;
  const characters = text.slice(start, offset);
  const plural = [...characters].length > 1;
  // `users -5`, `group-id -1`: numbers have no sign (LANGUAGE.md), which a bare "unexpected '-'" hides.
  const signedNumber = characters === "-" && isDigit(text.charCodeAt(offset));
  errors.push({
    message: signedNumber
      ? "unexpected '-' before a number: numbers are written without a sign, and none of them can be negative"
      : `unexpected character${plural ? "s" : ""} '${describeCharacters(characters)}'`,
    span: { start, end: offset },
  });
  return offset === start ? start + 1 : offset;
}
