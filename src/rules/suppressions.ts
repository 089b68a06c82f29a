import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Comment } from "../language/lexer.js";
import { LineIndex } from "../language/line-index.js";
import type { Span } from "../language/span.js";
import type { SourceFile } from "../language/ast.js";
import { removeItem } from "./edits.js";
import type { RuleReport } from "./rule.js";
import { closestName } from "./suggestion.js";

/**
 * `// scnc-disable-next-line RULE-ID[, RULE-ID…] -- reason` (LANGUAGE.md): the named rules report
 * nothing on the next line that holds more than comments. Block comments work the same way.
 */
export interface Suppression {
  readonly comment: Comment;
  readonly ids: readonly { readonly id: string; readonly span: Span }[];
  /** The 1-based line whose diagnostics it suppresses (0 when nothing follows). */
  readonly targetLine: number;
}

const DIRECTIVE = "scnc-disable-next-line";
const DIRECTIVE_PATTERN = /^(\/\/|\/\*)\s*scnc-disable-next-line(?=\s|\*\/|$)/;

function parseIds(comment: Comment, from: number): Suppression["ids"] {
  const body = comment.text.endsWith("*/") && comment.kind === "block" ? comment.text.slice(0, -2) : comment.text;
  // The reason starts at the first ` -- `; rule ids have single hyphens only.
  const reason = /\s--(\s|$)/.exec(body.slice(from));
  const list = body.slice(from, reason ? from + reason.index : body.length);
  const ids: { id: string; span: Span }[] = [];
  const pattern = /[^\s,]+/g;
  for (let match = pattern.exec(list); match; match = pattern.exec(list)) {
    const start = comment.span.start + from + match.index;
    ids.push({ id: match[0], span: { start, end: start + match[0].length } });
  }
  return ids;
}

/** The first line after `line` that holds something other than blanks and whole-line comments. */
function nextContentLine(line: number, lineIndex: LineIndex, commentsByStart: ReadonlyMap<number, Comment>): number {
  let candidate = line + 1;
  while (candidate <= lineIndex.lineCount) {
    const text = lineIndex.lineText(candidate);
    const indent = text.length - text.trimStart().length;
    if (indent === text.length) {
      candidate++;
      continue;
    }
    const comment = commentsByStart.get(lineIndex.lineStart(candidate) + indent);
    if (!comment) return candidate;
    const end = lineIndex.positionAt(comment.span.end);
    const rest = lineIndex.lineText(end.line).slice(end.column - 1);
    if (rest.trim() !== "" && !rest.trimStart().startsWith("//") && !rest.trimStart().startsWith("/*")) return end.line;
    candidate = end.line + 1;
  }
  return 0;
}

function isDirective(comment: Comment): boolean {
  return comment.text.includes(DIRECTIVE) && DIRECTIVE_PATTERN.test(comment.text);
}

/** Whether any comment of the file is a suppression comment (a file without one keeps every diagnostic). */
export function hasSuppressions(source: SourceFile): boolean {
  return source.comments.some(isDirective);
}

export function findSuppressions(source: SourceFile, lineIndex: LineIndex): Suppression[] {
  const directives = source.comments.filter(isDirective);
  if (directives.length === 0) return [];
  const commentsByStart = new Map(source.comments.map((comment) => [comment.span.start, comment]));
  return directives.map((comment) => {
    const from = (DIRECTIVE_PATTERN.exec(comment.text) as RegExpExecArray)[0].length;
    const endLine = lineIndex.positionAt(comment.span.end).line;
    return { comment, ids: parseIds(comment, from), targetLine: nextContentLine(endLine, lineIndex, commentsByStart) };
  });
}

export interface SuppressionOutcome {
  /** The diagnostics that remain. */
  readonly kept: Diagnostic[];
  readonly unknown: RuleReport[];
  readonly unused: RuleReport[];
}

export interface SuppressionContext {
  readonly knownIds: ReadonlySet<string>;
  /** Rules that ran: a suppression of a rule that did not run (turned off) is not called unused.
   * Only asked `has`, so the caller's map of enabled rules serves without a copy. */
  readonly ranIds: { has(id: string): boolean };
}

function unusedReport(suppression: Suppression, unusedIds: Suppression["ids"], text: string): RuleReport[] {
  const line = suppression.targetLine;
  if (unusedIds.length === suppression.ids.length) {
    const names = unusedIds.map(({ id }) => id).join(", ");
    return [{
      at: suppression.comment.span,
      message: line === 0
        ? `this suppression of ${names} has no line after it to apply to; remove it`
        : `this suppression of ${names} suppresses nothing: line ${line} has no such diagnostic; remove it`,
      fix: { message: "Remove the suppression comment", edits: [removeItem(text, suppression.comment.span)] },
    }];
  }
  return unusedIds.map(({ id, span }) => {
    const index = suppression.ids.findIndex((entry) => entry.span.start === span.start);
    const neighbour = suppression.ids[index === 0 ? 1 : index - 1] as { span: Span };
    const removal = index === 0 ? { start: span.start, end: neighbour.span.start } : { start: neighbour.span.end, end: span.end };
    return {
      at: span,
      message: `the suppression of ${id} suppresses nothing: line ${line} has no ${id} diagnostic; remove it from the list`,
      fix: { message: `Remove ${id} from the suppression`, edits: [{ at: removal, text: "" }] },
    };
  });
}

/**
 * Drops the diagnostics that suppression comments name, and reports suppressions that name an
 * unknown rule or suppress nothing. Linear in comments plus diagnostics.
 */
export function applySuppressions(source: SourceFile, diagnostics: Diagnostic[], context: SuppressionContext): SuppressionOutcome {
  // Only a comment can suppress: its few comments are checked, not the whole text searched again on
  // every check (1 % of a language-server edit's CPU).
  if (!hasSuppressions(source)) return { kept: diagnostics, unknown: [], unused: [] };
  const lineIndex = new LineIndex(source.text);
  const suppressions = findSuppressions(source, lineIndex);
  const byLineAndId = new Map<string, { used: boolean }>();
  const unknown: RuleReport[] = [];
  for (const suppression of suppressions) {
    if (suppression.ids.length === 0) {
      unknown.push({ at: suppression.comment.span, message: `${DIRECTIVE} names no rule; list the rule ids to suppress, e.g. \`// ${DIRECTIVE} group-id-default -- reason\`` });
    }
    for (const { id, span } of suppression.ids) {
      if (!context.knownIds.has(id)) {
        const suggestion = closestName(id, context.knownIds);
        unknown.push({
          at: span,
          message: `'${id}' is not a rule id, so this suppresses nothing${suggestion ? `; did you mean '${suggestion}'?` : "; `scnc rules` lists them"}`,
          ...(suggestion ? { fix: { message: `Replace with '${suggestion}'`, edits: [{ at: span, text: suggestion }] } } : {}),
        });
        continue;
      }
      if (suppression.targetLine > 0) byLineAndId.set(`${suppression.targetLine}:${id}`, { used: false });
    }
  }
  const kept = diagnostics.filter((diagnostic) => {
    const entry = byLineAndId.get(`${lineIndex.positionAt(diagnostic.span.start).line}:${diagnostic.ruleId}`);
    if (entry) entry.used = true;
    return !entry;
  });
  const unused = suppressions.flatMap((suppression) => {
    const unusedIds = suppression.ids.filter(({ id }) =>
      context.knownIds.has(id) && context.ranIds.has(id) && !byLineAndId.get(`${suppression.targetLine}:${id}`)?.used);
    return unusedIds.length > 0 ? unusedReport(suppression, unusedIds, source.text) : [];
  });
  return { kept, unknown, unused };
}
