import type { IRecognitionException } from "chevrotain";
import type { NameNode, NetworkNode, SourceFile, SyntaxErrorInfo } from "./ast.js";
import { lex } from "./lexer.js";
import { LineIndex } from "./line-index.js";
import { isReal, getParser } from "./parser.js";
import type { Span } from "./span.js";

function errorSpan(error: IRecognitionException, text: string): Span {
  if (isReal(error.token)) return { start: error.token.startOffset, end: error.token.startOffset + error.token.image.length };
  // At the end of the file: point just past the last token, where the missing text belongs.
  const previous = (error as { previousToken?: IRecognitionException["token"] }).previousToken;
  const end = isReal(previous) ? previous.startOffset + previous.image.length : text.length;
  return { start: end, end };
}

function* namesOf(network: NetworkNode): Generator<NameNode> {
  for (const item of network.items) {
    if (item.kind === "server" || item.kind === "office") {
      if (item.name) yield item.name;
    } else if (item.kind === "link") {
      if (item.from) yield item.from;
      if (item.to) yield item.to;
    }
    if (item.kind === "office") {
      for (const property of item.properties) {
        if (property.kind === "property" && property.key === "voicemail") {
          for (const value of property.values) if (value.kind === "name") yield value;
        }
      }
    }
  }
}

function reservedNameErrors(network: NetworkNode | undefined): SyntaxErrorInfo[] {
  if (!network) return [];
  const errors: SyntaxErrorInfo[] = [];
  for (const name of namesOf(network)) {
    if (name.reserved) {
      errors.push({
        message: `'${name.text}' is a reserved word and cannot be used as a name; choose another, such as '${name.text}-1'`,
        span: name.span,
      });
    }
  }
  return errors;
}

/**
 * Text → syntax tree, never throwing: lexical and grammar errors come back as `syntaxErrors`
 * (sorted by position, one per recovered error), and the tree holds everything that parsed.
 */
export function parse(text: string): SourceFile {
  const lexed = lex(text);
  const parser = getParser();
  const lineIndex = new LineIndex(text);
  parser.begin(lexed.tokens, { lineIndex });
  parser.file();
  const network = parser.network;

  const seen = new Set<string>();
  const syntaxErrors: SyntaxErrorInfo[] = [];
  const add = (error: SyntaxErrorInfo): void => {
    const key = `${error.span.start}:${error.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    syntaxErrors.push(error);
  };
  for (const error of lexed.errors) add(error);
  for (const error of parser.errors) {
    const related = parser.context.relatedByMessage.get(error.message);
    add({ message: error.message, span: errorSpan(error, text), ...(related ? { related: [related] } : {}) });
  }
  for (const error of reservedNameErrors(network)) add(error);
  syntaxErrors.sort((first, second) => first.span.start - second.span.start);
  return { text, network, comments: lexed.comments, syntaxErrors };
}
