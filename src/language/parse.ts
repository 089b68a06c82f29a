import type { IRecognitionException, IToken } from "chevrotain";
import type { NetworkNode, SourceFile, SyntaxErrorInfo } from "./ast.js";
import { lex } from "./lexer.js";
import { hasReservedName, nameOccurrences } from "./names.js";
import { LineIndex } from "./line-index.js";
import { blockStarters } from "./messages.js";
import { isReal, getParser } from "./parser.js";
import { SECRET_MASK, secretSpans } from "./secrets.js";
import type { Span } from "./span.js";
import * as T from "./tokens.js";

function tokenSpan(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

/**
 * Where a grammar error points. Usually at the token found; but when that token is on a later
 * line (or is the end of the file), what is missing belongs after the previous token, so the error
 * points there: `release` with no value is reported at `release`, not at the next line's `}`.
 * An unclosed block is the exception: it is reported where the `}` was expected at the latest.
 */
function errorSpan(error: IRecognitionException, text: string, unclosedBlock: boolean): Span {
  const previous = (error as { previousToken?: IToken }).previousToken;
  const found = isReal(error.token) ? error.token : undefined;
  if (!isReal(previous)) return found ? tokenSpan(found) : { start: text.length, end: text.length };
  const previousEnd = previous.startOffset + previous.image.length;
  const onLaterLine = !found || text.slice(previousEnd, found.startOffset).includes("\n");
  if (!onLaterLine || error.name === "NotAllInputParsedException") return found ? tokenSpan(found) : { start: previousEnd, end: previousEnd };
  if (unclosedBlock) return found ? tokenSpan(found) : { start: previousEnd, end: previousEnd };
  return tokenSpan(previous);
}

/** A file with no tokens at all gets one message saying so, rather than a grammar error. */
function emptyFileError(text: string): SyntaxErrorInfo {
  const what = text.trim() === "" ? "the file is empty" : "the file holds only comments";
  return { message: `${what}; a .scn file holds one network declaration such as network "Acme" { … }`, span: { start: 0, end: 0 } };
}

/**
 * A reserved word used as a name is reported once, where the device is declared; uses of that
 * name elsewhere then resolve as usual. A reserved word that is only referred to is reported at
 * each reference, and is not also an unknown reference.
 */
function reservedNameErrors(network: NetworkNode | undefined): SyntaxErrorInfo[] {
  // Almost every file has none: skip the lists and the set below (3 % of a language-server change).
  if (!network || !hasReservedName(network)) return [];
  const occurrences = nameOccurrences(network);
  const declared = occurrences.filter((occurrence) => occurrence.role === "declaration").map((occurrence) => occurrence.name);
  const referenced = occurrences.filter((occurrence) => occurrence.role === "reference").map((occurrence) => occurrence.name);
  const declaredNames = new Set(declared.map((name) => name.text));
  const errors: SyntaxErrorInfo[] = [];
  for (const name of [...declared, ...referenced.filter((reference) => !declaredNames.has(reference.text))]) {
    if (!name.reserved) continue;
    errors.push({
      message: `'${name.text}' is a reserved word and cannot be used as a name; choose another, such as '${name.text}-1'`,
      span: name.span,
    });
    if (!declaredNames.has(name.text)) (network.unreadableNames ??= []).push(name.text);
  }
  return errors;
}

/**
 * A `}` too many in the middle of the file (`server vm { … } }`) ends the network there, and every
 * declaration after it would be lost, and with them the central office or server the rules look
 * for. When the text after the network's `}` starts a declaration and the file holds exactly one
 * `}` more than `{`, that brace is the stray one: the index of the token to drop before parsing
 * again. A file that simply goes on after a closed network (`network … { } office x { }`) has
 * balanced braces and keeps the "after the end of the network block" error.
 */
function strayNetworkBrace(tokens: readonly IToken[], errors: readonly IRecognitionException[]): number | undefined {
  // What follows the network's `}` fails in the `file` rule itself (expected the end of the file).
  const trailing = errors.find((error) => error.context.ruleStack.length === 1 && error.context.ruleStack[0] === "file")?.token;
  if (!trailing || !(blockStarters.network.has(trailing.tokenType) || trailing.tokenType === T.Identifier)) return undefined;
  let balance = 0;
  for (const token of tokens) {
    if (token.tokenType === T.LeftBrace) balance++;
    else if (token.tokenType === T.RightBrace) balance--;
  }
  if (balance !== -1) return undefined;
  let index = tokens.indexOf(trailing) - 1;
  while (index >= 0 && tokens[index]?.tokenType === T.Semicolon) index--;
  return tokens[index]?.tokenType === T.RightBrace ? index : undefined;
}

/** A lexical error inside a password quotes what it refused (`unexpected character '!'`,
 * `unknown escape '\\q'`): that part of the message is masked too. */
function maskedLexError(error: SyntaxErrorInfo, text: string, secrets: readonly Span[]): SyntaxErrorInfo {
  const inside = secrets.some((secret) => error.span.start >= secret.start && error.span.start < secret.end);
  if (!inside) return error;
  const refused = text.slice(error.span.start, error.span.end);
  if (refused === "" || refused === '"') return error;
  const message = error.message.replaceAll(`'${refused}'`, `'${SECRET_MASK}'`).replace(/'(?:U\+[0-9A-F]{4})+'/g, `'${SECRET_MASK}'`);
  return { ...error, message };
}

/**
 * Text → syntax tree, never throwing: lexical and grammar errors come back as `syntaxErrors`
 * (sorted by position, one per recovered error), and the tree holds everything that parsed.
 */
export function parse(text: string): SourceFile {
  const lexed = lex(text);
  // Marks the password's tokens before the parser builds messages that could quote them.
  const secrets = secretSpans(text, lexed);
  const parser = getParser();
  const lineIndex = new LineIndex(text);
  parser.begin(lexed.tokens, { lineIndex });
  parser.file();
  const stray = strayNetworkBrace(lexed.tokens, parser.errors);
  const strayBrace = stray === undefined ? undefined : lexed.tokens[stray];
  if (stray !== undefined) {
    parser.begin(lexed.tokens.filter((_, index) => index !== stray), { lineIndex });
    parser.file();
  }
  const network = parser.network;

  // One error per position: a second error at the same token is a consequence of the first.
  const seen = new Set<number>();
  const syntaxErrors: SyntaxErrorInfo[] = [];
  const add = (error: SyntaxErrorInfo): void => {
    if (seen.has(error.span.start)) return;
    seen.add(error.span.start);
    syntaxErrors.push(error);
  };
  // Without a network declaration nothing after the first grammar error is read, so stray
  // characters there (a JSON or Markdown file given by a glob) would only bury that one error
  // under hundreds more: they are left out.
  const firstGrammarError = network ? undefined : parser.errors[0];
  const readUpTo = firstGrammarError && isReal(firstGrammarError.token) ? firstGrammarError.token.startOffset : Infinity;
  for (const error of lexed.errors) if (error.span.start <= readUpTo) add(maskedLexError(error, text, secrets));
  if (strayBrace) {
    add({ message: "unexpected '}': there is no block to close here, and it would end the network before the declarations that follow; remove it", span: tokenSpan(strayBrace) });
  }
  // A block comment left open swallows the rest of the file: what the parser then misses at the
  // end (closing braces) is that one mistake, already reported.
  const swallowed = lexed.comments.some((comment) => comment.unterminated === true);
  const empty = lexed.tokens.length === 0 && lexed.errors.length === 0;
  if (empty) add(emptyFileError(text));
  for (const error of empty ? [] : parser.errors) {
    if (swallowed && !isReal(error.token)) continue;
    if (network && error.context.ruleStack[error.context.ruleStack.length - 1] === "network") network.recovered = true;
    const related = parser.context.relatedByMessage.get(error.message);
    add({ message: error.message, span: errorSpan(error, text, related !== undefined), ...(related ? { related: [related] } : {}) });
  }
  if (network && swallowed) network.recovered = true;
  for (const error of parser.reportedErrors) add(error);
  for (const error of reservedNameErrors(network)) add(error);
  syntaxErrors.sort((first, second) => first.span.start - second.span.start);
  return { text, network, comments: lexed.comments, tokens: lexed.tokens, syntaxErrors };
}
