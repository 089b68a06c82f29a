import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import type { LineIndex } from "./line-index.js";
import type { Span } from "./span.js";
import { closestName } from "../rules/suggestion.js";
import { shownImage } from "./secrets.js";
import * as T from "./tokens.js";

/** A block whose `{` has been read but not yet its `}`; used to explain a missing `}`, and to know
 * which block an unknown word is in. */
export interface OpenBlock {
  readonly kind: BlockKind;
  readonly label: string;
  /** From the start of the declaration to its `{`. */
  readonly span: Span;
  /** The node an error inside the block marks as recovered. */
  readonly owner: { recovered: boolean };
}

/** What the message provider needs to know about the parse in progress. */
export interface ParseContext {
  lineIndex: LineIndex | undefined;
  readonly openBlocks: OpenBlock[];
  /** Related locations of the messages built during this parse (e.g. where an unclosed block opened). */
  readonly relatedByMessage: Map<string, { message: string; span: Span }>;
  /** Errors reported so far; counted here because chevrotain's `errors` getter copies the list. */
  errorCount: number;
}

export type BlockKind = "network" | "server" | "office" | "licenses" | "link";

/** The keywords that start an item in each kind of block. */
export const blockStarters: Readonly<Record<BlockKind, ReadonlySet<TokenType>>> = {
  network: new Set([T.ReleaseKeyword, T.VoicemailPassword, T.Server, T.Office, T.Link, T.AcceptFailure]),
  server: new Set([T.Role, T.Address, T.Version, T.MailDomain, T.Platform, T.Failback]),
  office: new Set([T.Role, T.Address, T.ReleaseKeyword, T.Users, T.Voicemail, T.Uses, T.Licenses]),
  licenses: new Set([T.PreferredEdition, T.VoicemailPro, T.VoicemailPorts, T.Ums, T.ContactStore, T.Tts]),
  link: new Set([T.GroupId]),
};

function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

const propertiesByBlock: Record<string, string> = Object.fromEntries(
  Object.entries(blockStarters).map(([block, starters]) => [block, listed([...starters].map(T.keywordText))]),
);

/** "unknown property 'rol' in an office block; did you mean 'role'? …" */
export function unknownWordMessage(word: string, block: BlockKind): string {
  const keywords = [...blockStarters[block]].map(T.keywordText);
  const suggestion = closestName(word, keywords);
  const what = block === "network" ? "declaration" : block === "licenses" ? "licence" : "property";
  const hint = suggestion ? `did you mean '${suggestion}'? ` : "";
  return `unknown ${what} '${word}' in ${article(block)} ${block} block; ${hint}${article(block)} ${block} block holds ${propertiesByBlock[block]}`;
}

/** "'voicemail-password' belongs to the network block …": a network property inside another block. */
export function misplacedNetworkPropertyMessage(word: string, block: BlockKind): string {
  if (word === "voicemail-password") {
    return `'voicemail-password' is not allowed in ${article(block)} ${block} block: one password is shared by every server and office, so set it once in the network block`;
  }
  if (word === "release" && block === "server") {
    return "'release' is not allowed in a server block; a server's release is its 'version' (version 11.1)";
  }
  return `'${word}' is not allowed in ${article(block)} ${block} block; ${article(block)} ${block} block holds ${propertiesByBlock[block]}`;
}

/** What a failed choice was choosing, by grammar rule. */
const choiceByRule: Record<string, string> = {
  officeRole: "an office role (central, fallback or member)",
  serverRole: "a server role (central, backup or distributed)",
  platform: "a platform (windows, linux, ucm or application-server)",
  failback: "a failback option (manual, graceful or automatic)",
  feature: "a feature (ums, contact-store or tts)",
  addressValue: 'an address: an IPv4 address such as 10.0.0.1, or an IPv6 address as a string such as "fd00::10"',
  secret: 'a password: env "VARIABLE" (recommended) or a string',
  networkItem: "a network property or declaration",
  serverProperty: "a server property",
  officeProperty: "an office property",
  licenseEntry: "a licence",
};

/** The words a failed choice could have been, by grammar rule: a misspelt value gets a did-you-mean,
 * as a misspelt property name does. */
const valuesByRule: Record<string, readonly string[]> = {
  officeRole: ["central", "fallback", "member"],
  serverRole: ["central", "backup", "distributed"],
  platform: ["windows", "linux", "ucm", "application-server"],
  failback: ["manual", "graceful", "automatic"],
  feature: ["ums", "contact-store", "tts"],
  officeProperty: ["ums", "contact-store", "tts"],
};

/** "; did you mean 'central'?" when the token is a near miss of one of the rule's values. */
function valueSuggestion(token: IToken, ruleName: string): string {
  const values = valuesByRule[ruleName];
  if (!values || token.tokenType === EOF || !/^[A-Za-z][\w-]*$/.test(token.image)) return "";
  const suggestion = closestName(token.image, values);
  return suggestion === undefined ? "" : `; did you mean '${suggestion}'?`;
}

const declarationKeywords = new Set([T.Network, T.Server, T.Office, T.Link, T.AcceptFailure]);

export function describeToken(token: IToken): string {
  if (token.tokenType === EOF) return "the end of the file";
  // A password is never quoted, not even its first characters.
  const shown = shownImage(token);
  const image = shown.length > 40 ? shown.slice(0, 37) + "…" : shown;
  return `'${image}'`;
}

function blockOf(ruleName: string): string {
  return ruleName === "network" || ruleName === "server" || ruleName === "office" || ruleName === "licenses" ||
    ruleName === "link" ? ruleName : "block";
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? "an" : "a";
}

function describeExpected(expected: TokenType, ruleName: string): string {
  if (expected === T.NameLike || expected === T.Identifier) {
    if (ruleName === "link") return "an office name";
    if (ruleName === "failure" || ruleName === "acceptFailure") return "a device name, or a link as A--B";
    if (ruleName === "officeProperty") return "a server name";
    return `the ${ruleName}'s name`;
  }
  if (expected === T.StringLiteral && ruleName === "network") return 'the network\'s name as a string (network "Acme" { … })';
  return expected.LABEL ?? expected.name;
}

export function createMessageProvider(context: ParseContext): IParserErrorMessageProvider {
  function position(span: Span): string {
    if (!context.lineIndex) return `offset ${span.start}`;
    const { line, column } = context.lineIndex.positionAt(span.start);
    return `${line}:${column}`;
  }

  function unclosedBlock(actual: IToken): string | undefined {
    const open = context.openBlocks[context.openBlocks.length - 1];
    if (!open) return undefined;
    const message = `unclosed block ${open.label} opened at ${position(open.span)}: expected '}' before ${describeToken(actual)}`;
    context.relatedByMessage.set(message, { message: `the block ${open.label} opens here`, span: open.span });
    return message;
  }

  const provider: IParserErrorMessageProvider = {
    buildMismatchTokenMessage({ expected, actual, ruleName }) {
      if (expected === T.RightBrace) {
        if (actual.tokenType === EOF || declarationKeywords.has(actual.tokenType)) {
          const message = unclosedBlock(actual);
          if (message) return message;
        }
        const block = blockOf(ruleName);
        const allowed = propertiesByBlock[block];
        if (T.keywordsByText.has(actual.image) && allowed) {
          return `'${actual.image}' is not allowed in ${article(block)} ${block} block; ${article(block)} ${block} block holds ${allowed}`;
        }
        return `unexpected ${describeToken(actual)} in ${article(block)} ${block} block; expected ${allowed ? `one of ${allowed}, or ` : ""}'}'`;
      }
      if (expected === EOF) {
        return `unexpected ${describeToken(actual)} after the end of the network block; a file holds one network`;
      }
      if (expected === T.Network && actual.tokenType === T.StringLiteral) {
        return `expected 'network' before the network's name, as in network ${describeToken(actual).slice(1, -1)} { … }`;
      }
      if (expected === T.Network) {
        const found = actual.tokenType === EOF ? "the file is empty" : `found ${describeToken(actual)}`;
        return `expected a network declaration such as network "Acme" { … }; ${found}`;
      }
      if (expected === T.LeftBrace && ruleName === "network") {
        return `expected '{' to open the network block, as in network "Acme" { … }; found ${describeToken(actual)}`;
      }
      if (expected === T.LinkDash) {
        return `expected '--' between the two offices of a link, as in link hq -- east, found ${describeToken(actual)}`;
      }
      if (expected === T.StringLiteral && T.keywordsByText.has(actual.image) === false && actual.tokenType === T.Identifier) {
        return `expected a string, found ${describeToken(actual)}; put text in double quotes, as in "${shownImage(actual)}"`;
      }
      return `expected ${describeExpected(expected, ruleName)}, found ${describeToken(actual)}`;
    },
    buildNotAllInputParsedMessage({ firstRedundant }) {
      return `unexpected ${describeToken(firstRedundant)} after the end of the network block; a file holds one network`;
    },
    buildNoViableAltMessage({ actual, ruleName }) {
      const first = actual[0] as IToken;
      if (ruleName === "file") {
        return `expected a network declaration such as network "Acme" { … }, found ${describeToken(first)}`;
      }
      return `expected ${choiceByRule[ruleName] ?? "something else"}, found ${describeToken(first)}${valueSuggestion(first, ruleName)}`;
    },
    buildEarlyExitMessage({ actual, ruleName }) {
      const first = actual[0] as IToken;
      if (ruleName === "officeProperty") return `expected at least one feature after 'uses' (ums, contact-store or tts), found ${describeToken(first)}${valueSuggestion(first, ruleName)}`;
      return `expected ${choiceByRule[ruleName] ?? "more input"}, found ${describeToken(first)}${valueSuggestion(first, ruleName)}`;
    },
  };
  // Chevrotain builds exactly one message per reported error, so counting messages counts errors.
  const counted = {} as IParserErrorMessageProvider;
  for (const key of Object.keys(provider) as (keyof IParserErrorMessageProvider)[]) {
    const build = provider[key] as (options: never) => string;
    (counted[key] as (options: never) => string) = (options: never) => {
      context.errorCount++;
      return build(options);
    };
  }
  return counted;
}
