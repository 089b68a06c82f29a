import type { AstPath, Doc, ParserOptions, Printer } from "prettier";
import { builders } from "prettier/doc";
import { canAttachComment, handleComments, isBlockComment, printComment, printCommentsAfterNetwork, printDanglingComments } from "./comments.js";
import { hasLineBreak, isNextLineBlank, openBraceAfter } from "./source-text.js";
import { blockItems, headerEnd, type BlockNode, type Commented, type FormatNode } from "./tree.js";

const { group, hardline, ifBreak, indent, join, line } = builders;

type Print = (selector?: string | number | (string | number)[] | AstPath<FormatNode>, args?: unknown) => Doc;

/**
 * The canonical layout (docs/formatting.md). The network, server and office blocks always hold one
 * item per line; `licenses { … }` and link blocks stay on one line when they fit the print width,
 * with two spaces between entries.
 * Items keep their order, and a blank line the user left between two items is kept (one at most).
 * Every node is printed through `print`, so Prettier prints the comments attached to it.
 *
 * One exception keeps suppressions meaning what they meant: `// scnc-disable-next-line` silences
 * diagnostics on the next line only, so a block right after one keeps its line structure (on one
 * line if it was written on one line, broken if it was broken), and no diagnostic moves onto or off
 * the suppressed line.
 */

/** How a block is laid out: canonically, or as written because a suppression comment precedes it. */
type BlockLayout = "canonical" | "one-line" | "broken";

/** Printer arguments: set when an enclosing block is kept on one line. */
interface PrintArguments {
  readonly oneLine?: boolean;
}

/** Between the entries of a block printed on one line: two spaces, so that an entry and its value
 * stand apart from the next (`licenses { preferred-edition  voicemail-ports 8  ums 40 }`), as in
 * LANGUAGE.md's own example. One space when comments sit inside the block: Prettier would read a
 * wider gap on one side of a `/* … *\/` as the side it does not belong to, and move it on the next
 * run. Decided from the text, which every run sees alike. */
function entryGap(node: BlockNode, text: string): string {
  const body = text.slice(openBraceAfter(text, headerEnd(node)), node.span.end);
  return body.includes("/*") || body.includes("//") ? " " : "  ";
}

const SUPPRESSION = /^\/[/*]\s*scnc-disable-next-line(?=\s|\*\/|$)/;

function blockLayout(node: BlockNode, text: string, args: unknown): BlockLayout {
  if ((args as PrintArguments | undefined)?.oneLine) return "one-line";
  const suppressed = (node as Commented<BlockNode>).comments?.some((comment) => comment.leading && SUPPRESSION.test(comment.text));
  if (!suppressed) return "canonical";
  return hasLineBreak(text, node.span.start, node.span.end) ? "broken" : "one-line";
}

function itemsKey(node: BlockNode): "items" | "entries" | "properties" {
  return node.kind === "network" ? "items" : node.kind === "licenses" ? "entries" : "properties";
}

function beforeOpenBrace(path: AstPath<FormatNode>): Doc {
  const node = path.node as Commented<BlockNode>;
  const comments = printDanglingComments(path, "before-open-brace");
  if (comments.length === 0) return "";
  // A `//` comment here would swallow the brace; comments.ts moves those before the item instead.
  const last = node.comments?.filter((comment) => comment.marker === "before-open-brace").at(-1);
  return [...comments, last?.kind === "line" ? hardline : " "];
}

function afterOpenBrace(path: AstPath<FormatNode>): Doc {
  const comments = printDanglingComments(path, "after-open-brace");
  return comments.length > 0 ? [" ", ...comments] : "";
}

/** `{ … }` broken over lines: one item per line, blank lines between items kept. */
function brokenBlock(path: AstPath<FormatNode>, options: ParserOptions<FormatNode>, print: Print): Doc {
  const node = path.node as BlockNode;
  const items = blockItems(node);
  if (items.length === 0) {
    const inside = printDanglingComments(path, "inside-empty-block");
    return [beforeOpenBrace(path), inside.length > 0 ? ["{", indent([hardline, ...inside]), hardline, "}"] : "{}"];
  }
  const parts: Doc[] = [];
  path.each((itemPath, index) => {
    parts.push(print(itemPath as AstPath<FormatNode>));
    const item = items[index];
    if (index === items.length - 1 || !item) return;
    parts.push(hardline);
    if (isNextLineBlank(options.originalText, item.span.end)) parts.push(hardline);
  }, itemsKey(node));
  return [beforeOpenBrace(path), "{", afterOpenBrace(path), indent([hardline, ...parts]), hardline, "}"];
}

/** `{ … }` on one line whatever its length (only a block that was written on one line). */
function oneLineBlock(path: AstPath<FormatNode>, print: Print, text: string): Doc {
  const node = path.node as BlockNode;
  const inside = blockItems(node).length === 0
    ? printDanglingComments(path, "inside-empty-block")
    : path.map((itemPath) => print(itemPath as AstPath<FormatNode>, { oneLine: true } satisfies PrintArguments), itemsKey(node));
  return [beforeOpenBrace(path), inside.length > 0 ? ["{", afterOpenBrace(path), " ", join(entryGap(node, text), inside), " }"] : "{}"];
}

/** `{ … }` on one line when it fits, else one item per line. */
function shortBlock(path: AstPath<FormatNode>, print: Print, text: string): Doc {
  const node = path.node as BlockNode;
  if (blockItems(node).length === 0) {
    const inside = printDanglingComments(path, "inside-empty-block");
    return [beforeOpenBrace(path), inside.length > 0 ? group(["{", indent([line, ...inside]), line, "}"]) : "{}"];
  }
  const items = path.map((itemPath) => print(itemPath as AstPath<FormatNode>), itemsKey(node));
  const separator = entryGap(node, text) === " " ? line : [ifBreak("", " "), line];
  return [beforeOpenBrace(path), group(["{", afterOpenBrace(path), indent([line, join(separator, items)]), line, "}"])];
}

/** A block in its layout: `usual` is how it is printed when no suppression precedes it. */
function block(path: AstPath<FormatNode>, options: ParserOptions<FormatNode>, print: Print, args: unknown, usual: "broken" | "short"): Doc {
  const layout = blockLayout(path.node as BlockNode, options.originalText, args);
  if (layout === "one-line") return oneLineBlock(path, print, options.originalText);
  if (layout === "broken" || usual === "broken") return brokenBlock(path, options, print);
  return shortBlock(path, print, options.originalText);
}

function print(path: AstPath<FormatNode>, options: ParserOptions<FormatNode>, print: Print, args?: unknown): Doc {
  const node = path.node;
  switch (node.kind) {
    case "file":
      return [print("network"), hardline];
    case "network":
      return ["network ", print("name"), " ", block(path, options, print, args, "broken"), ...printCommentsAfterNetwork(path, options.originalText)];
    case "server":
    case "office":
      return [node.kind, " ", print("name"), " ", block(path, options, print, args, "broken")];
    case "link": {
      const ends = ["link ", print("from"), " -- ", print("to")];
      return node.hasBlock || node.properties.length > 0 ? [...ends, " ", block(path, options, print, args, "short")] : ends;
    }
    case "licenses":
      return ["licenses ", block(path, options, print, args, "short")];
    case "accept-failure": {
      // Devices as `simulate --fail` names them (`a--b`, LANGUAGE.md's own example), one line.
      const failures = join(", ", path.map(print, "failures"));
      return node.reason ? ["accept-failure ", failures, " ", print("reason")] : ["accept-failure ", failures];
    }
    case "failure":
      return node.isLink ? [print("from"), "--", node.to ? print("to") : ""] : print("from");
    case "property":
      return node.values.length === 0 ? node.key : [node.key, " ", join(" ", path.map(print, "values"))];
    case "env":
      return ["env ", print("variable")];
    case "string":
      return node.raw;
    case "name":
    case "integer":
    case "release":
    case "address":
    case "word":
      return node.text;
    case "line":
    case "block":
      // Comments are printed through printComment; reaching here would be a bug in visitor keys.
      throw new Error(`a comment reached the node printer at offset ${node.span.start}`);
  }
}

const visitorKeys: Record<FormatNode["kind"], readonly string[]> = {
  file: ["network"],
  network: ["name", "items"],
  server: ["name", "properties"],
  office: ["name", "properties"],
  link: ["from", "to", "properties"],
  "accept-failure": ["failures", "reason"],
  failure: ["from", "to"],
  licenses: ["entries"],
  property: ["values"],
  env: ["variable"],
  string: [],
  name: [],
  integer: [],
  release: [],
  address: [],
  word: [],
  line: [],
  block: [],
};

export const printer: Printer<FormatNode> = {
  print,
  printComment,
  canAttachComment,
  isBlockComment,
  handleComments,
  getVisitorKeys: (node) => [...visitorKeys[node.kind]],
};
