// scnc highlighting from scnc's own lexer (src/language/lexer.ts): no second grammar. Each token
// and comment the lexer finds becomes a mark with a class by kind; the lexer runs over the whole
// document on each change (it is linear and fast).
import { RangeSetBuilder } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { lex } from "../../src/language/lexer.js";

const marks = new Map<string, Decoration>();
function mark(kind: string): Decoration {
  let decoration = marks.get(kind);
  if (!decoration) marks.set(kind, (decoration = Decoration.mark({ class: `scn-${kind}` })));
  return decoration;
}

function kindOf(tokenName: string): string | undefined {
  if (tokenName.startsWith("Keyword_")) return "keyword";
  switch (tokenName) {
    case "StringLiteral": return "string";
    case "Integer": case "Release": case "Ipv4Address": case "Ipv6Address": case "MalformedNumber": return "number";
    case "Identifier": return "name";
    case "LeftBrace": case "RightBrace": return "brace";
    case "LinkDash": case "Comma": case "Semicolon": return "punctuation";
    default: return undefined;
  }
}

function decorations(view: EditorView): DecorationSet {
  const { tokens, comments } = lex(view.state.doc.toString());
  const ranges: { from: number; to: number; kind: string }[] = [];
  for (const token of tokens) {
    const kind = kindOf(token.tokenType.name);
    if (kind) ranges.push({ from: token.startOffset, to: token.startOffset + token.image.length, kind });
  }
  for (const comment of comments) ranges.push({ from: comment.span.start, to: comment.span.end, kind: "comment" });
  ranges.sort((first, second) => first.from - second.from);
  const builder = new RangeSetBuilder<Decoration>();
  let end = 0;
  for (const range of ranges) {
    if (range.from < end || range.to <= range.from) continue;
    builder.add(range.from, range.to, mark(range.kind));
    end = range.to;
  }
  return builder.finish();
}

export function scncHighlighting() {
  return ViewPlugin.fromClass(class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorations(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged) this.decorations = decorations(update.view);
    }
  }, { decorations: (plugin) => plugin.decorations });
}
