import type { Parser } from "prettier";
import type { SyntaxErrorInfo } from "../language/ast.js";
import { LineIndex } from "../language/line-index.js";
import { parse } from "../language/parse.js";
import { enforceCanonicalOptions } from "./options.js";
import type { FormatNode, FormatRoot } from "./tree.js";

/** A syntax error in the form Prettier's CLI shows with a code frame (`loc`, 1-based). That frame
 * quotes the file as it is, like Prettier's own output of it; `scnc fmt` masks passwords in its
 * frames, as `check` does. */
export class ScnSyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };

  constructor(text: string, errors: readonly SyntaxErrorInfo[]) {
    const first = errors[0] as SyntaxErrorInfo;
    const lineIndex = new LineIndex(text);
    const start = lineIndex.positionAt(first.span.start);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more syntax error${errors.length > 2 ? "s" : ""})` : "";
    super(`${first.message}${more} (${start.line}:${start.column})`);
    this.loc = { start, end: lineIndex.positionAt(first.span.end) };
  }
}

/** The project's own parser (src/language/parse.ts), so the formatter reads exactly what `check`
 * reads. Text with syntax errors is never formatted: guessing would rewrite what the user meant. */
export function parseForFormatting(text: string): FormatRoot {
  const source = parse(text);
  if (source.syntaxErrors.length > 0 || !source.network) throw new ScnSyntaxError(text, source.syntaxErrors);
  return { kind: "file", network: source.network, comments: source.comments.map((comment) => ({ ...comment, value: comment.text })), span: { start: 0, end: text.length } };
}

export const scnParser: Parser<FormatNode> = {
  // The layout is canonical: a `.prettierrc` cannot change its width, indentation or line ends.
  preprocess: (text, options) => {
    enforceCanonicalOptions(options as unknown as Record<string, unknown>);
    return text;
  },
  parse: (text) => parseForFormatting(text),
  astFormat: "scn",
  locStart: (node) => node.span.start,
  locEnd: (node) => node.span.end,
};
