import { CompletionItemKind, InsertTextFormat, type CompletionItem, type InsertReplaceEdit, type Range, type TextEdit } from "vscode-languageserver";
import type { Analysis } from "./analysis.js";
import { blockKeys, completionContext, type CompletionContext } from "./completion-context.js";
import { keywordDocs } from "./keyword-docs.js";
import { lineEndingOf, toLspRange } from "./positions.js";

/**
 * Completion: the keys a block allows at the start of a statement (those not yet given, for keys
 * that may appear once), the words a key takes as its value, server names after `voicemail`
 * (distributed servers first: they are what `voicemail` is for), office names in `link`, and
 * device names in `accept-failure`.
 */

export interface CompletionOptions {
  /** The client accepts snippets: declarations then come with their braces and placeholders. */
  readonly snippets: boolean;
  /** The client accepts insert-or-replace edits: in the middle of a word (`rol|e`), it may then
   * replace the whole word instead of inserting before its rest (`rolee`), as its user prefers. */
  readonly insertReplace?: boolean;
}

/** Where a completion goes: the typed part of the word, and (when the client takes
 * insert-or-replace edits and the word goes on past the cursor) the whole word. */
interface Target {
  readonly insert: Range;
  readonly replace?: Range;
  /** The document's line ending, for the line breaks of snippets (not every client converts them). */
  readonly lineEnding: "\n" | "\r\n";
}

function edit(target: Target, newText: string): TextEdit | InsertReplaceEdit {
  return target.replace ? { newText, insert: target.insert, replace: target.replace } : { range: target.insert, newText };
}

const repeatableKeys = new Set(["server", "office", "link", "accept-failure"]);

const valuesOf: Readonly<Record<string, readonly string[]>> = {
  "office role": ["central", "fallback", "member"],
  "server role": ["central", "backup", "distributed"],
  "server platform": ["windows", "linux", "ucm", "application-server"],
  "server failback": ["manual", "graceful", "automatic"],
  "office uses": ["ums", "contact-store", "tts"],
  "network voicemail-password": ["env"],
};

const snippets: Readonly<Record<string, string>> = {
  network: 'network "${1:Name}" {\n\trelease ${2:6.0}\n\t$0\n}',
  server: "server ${1:name} {\n\trole ${2|central,backup,distributed|}\n\taddress ${3:10.0.0.10}\n}",
  office: "office ${1:name} {\n\taddress ${2:10.0.0.1}\n}",
  link: "link ${1:from} -- ${2:to} { group-id ${3:100} }",
  licenses: "licenses { ${1:preferred-edition} }",
  "voicemail-password": 'voicemail-password env "${1:VM_PASSWORD}"',
  "accept-failure": 'accept-failure ${1:device} "${2:why losing voicemail in this failure is accepted}"',
};

function keywordItem(word: string, kind: CompletionItemKind, target: Target, options: CompletionOptions): CompletionItem {
  const doc = keywordDocs[word];
  const snippet = options.snippets ? snippets[word]?.replaceAll("\n", target.lineEnding) : undefined;
  return {
    label: word,
    kind,
    ...(doc ? { detail: doc.usage, documentation: { kind: "markdown", value: doc.meaning } } : {}),
    textEdit: edit(target, snippet ?? word),
    ...(snippet ? { insertTextFormat: InsertTextFormat.Snippet } : {}),
  };
}

function keyItems(context: CompletionContext, target: Target, options: CompletionOptions): CompletionItem[] {
  const given = context.givenKeys;
  // Two names of one licence: either one counts as given for both.
  const edition = given.has("preferred-edition") || given.has("voicemail-pro");
  return blockKeys[context.block]
    .filter((key) => repeatableKeys.has(key) || !(given.has(key) || (edition && (key === "preferred-edition" || key === "voicemail-pro"))))
    .map((key) => keywordItem(key, CompletionItemKind.Keyword, target, options));
}

function valueItems(words: readonly string[], target: Target, options: CompletionOptions): CompletionItem[] {
  return words.map((word) => keywordItem(word, word === "env" ? CompletionItemKind.Keyword : CompletionItemKind.EnumMember, target, { ...options, snippets: false }));
}

function serverItems(analysis: Analysis, target: Target): CompletionItem[] {
  return analysis.result.network.servers.filter((server) => !server.isDuplicate).map((server) => {
    const role = server.role?.value;
    return {
      label: server.name,
      kind: CompletionItemKind.Reference,
      detail: `${role ?? "no role"} server${server.address ? ` at ${server.address.value.text}` : ""}`,
      sortText: `${role === "distributed" ? 0 : 1}${server.name}`,
      textEdit: edit(target, server.name),
    };
  });
}

function officeItems(analysis: Analysis, target: Target, except: string | undefined): CompletionItem[] {
  return analysis.result.network.offices
    .filter((office) => !office.isDuplicate && office.name !== except)
    .map((office) => ({
      label: office.name,
      kind: CompletionItemKind.Reference,
      detail: `${office.role} office${office.address ? ` at ${office.address.value.text}` : ""}`,
      textEdit: edit(target, office.name),
    }));
}

/** After `accept-failure`: a device (office or server) at the start and after each comma, an office
 * after `A --` (not A itself), and the next statement's keys once the reason is written. */
function acceptFailureItems(analysis: Analysis, values: readonly string[], context: CompletionContext, target: Target, options: CompletionOptions): CompletionItem[] {
  const last = values.at(-1);
  if (last === undefined || last === ",") return [...officeItems(analysis, target, undefined), ...serverItems(analysis, target)];
  if (last === "--") return officeItems(analysis, target, values.at(-2));
  return values.some((value) => value.startsWith('"')) ? keyItems(context, target, options) : [];
}

export function completions(analysis: Analysis, offset: number, options: CompletionOptions): CompletionItem[] {
  const context = completionContext(analysis.text, offset, analysis.result.source);
  if (!context || /^[0-9]/.test(analysis.text.slice(context.word.start, context.word.end))) return [];
  const insert = toLspRange(analysis.lineIndex, context.word);
  // Only snippets carry line breaks.
  const lineEnding = options.snippets ? lineEndingOf(analysis.text) : "\n";
  const target: Target = options.insertReplace && context.wordEnd > context.word.end
    ? { insert, replace: toLspRange(analysis.lineIndex, { start: context.word.start, end: context.wordEnd }), lineEnding }
    : { insert, lineEnding };
  const [key, ...values] = context.statement.map((token) => token.image);
  if (key === undefined) {
    return context.block === "file" && analysis.result.source.network ? [] : keyItems(context, target, options);
  }
  const choices = valuesOf[`${context.block} ${key}`];
  switch (key) {
    case "network":
    case "server":
    case "office":
      return []; // a new name, then `{`
    case "link":
      if (values.length === 0) return officeItems(analysis, target, undefined);
      if (values.length === 2 && values[1] === "--") return officeItems(analysis, target, values[0]);
      return values.length < 3 ? [] : keyItems(context, target, options);
    case "voicemail":
      return values.length === 0 ? serverItems(analysis, target) : keyItems(context, target, options);
    case "accept-failure":
      return acceptFailureItems(analysis, values, context, target, options);
    case "uses": {
      const remaining = (choices ?? []).filter((feature) => !values.includes(feature));
      return [...valueItems(remaining, target, options), ...(values.length > 0 ? keyItems(context, target, options) : [])];
    }
    case "voicemail-password":
      if (values.length === 0) return valueItems(choices ?? [], target, options);
      return values[0] === "env" && values.length === 1 ? [] : keyItems(context, target, options);
    case "preferred-edition":
    case "voicemail-pro":
      return keyItems(context, target, options);
    default:
      if (values.length > 0) return keyItems(context, target, options);
      return choices ? valueItems(choices, target, options) : [];
  }
}
