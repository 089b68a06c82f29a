import { createToken, type TokenType } from "chevrotain";

/**
 * Token types of the `.scn` language. The lexer (lexer.ts) is hand-written for speed, so these
 * types carry no patterns: they exist for the parser, its error messages and the railroad diagram.
 * Every token type has a `LABEL` written for humans ("a release such as 6.0"), which error
 * messages use instead of chevrotain's type names.
 */

/** Any word that can stand where a name is expected. Keywords join it so that a reserved word used
 * as a name parses (and gets one precise error from the AST builder) instead of derailing recovery. */
export const NameLike = createToken({ name: "NameLike", label: "a name" });

export const Identifier = createToken({ name: "Identifier", label: "a name", categories: [NameLike] });
export const StringLiteral = createToken({ name: "StringLiteral", label: 'a string such as "Acme"' });
export const Integer = createToken({ name: "Integer", label: "a whole number" });
export const Release = createToken({ name: "Release", label: "a release such as 6.0" });
export const Ipv4Address = createToken({ name: "Ipv4Address", label: "an IPv4 address such as 10.0.0.1" });
/** Digits and dots that are neither an integer, a release nor an IPv4 address (e.g. `10.0.0`). */
export const MalformedNumber = createToken({ name: "MalformedNumber", label: "a malformed number" });

export const LeftBrace = createToken({ name: "LeftBrace", label: "'{'" });
export const RightBrace = createToken({ name: "RightBrace", label: "'}'" });
export const Semicolon = createToken({ name: "Semicolon", label: "';'" });
export const LinkDash = createToken({ name: "LinkDash", label: "'--'" });
/** Separates the devices of one `accept-failure` (LANGUAGE.md). */
export const Comma = createToken({ name: "Comma", label: "','" });

function keyword(word: string): TokenType {
  const name = "Keyword_" + word.replace(/-/g, "_");
  return createToken({ name, label: `'${word}'`, categories: [NameLike] });
}

export const Network = keyword("network");
export const Server = keyword("server");
export const Office = keyword("office");
export const Link = keyword("link");
export const Role = keyword("role");
export const ReleaseKeyword = keyword("release");
export const Address = keyword("address");
export const Users = keyword("users");
export const Uses = keyword("uses");
export const Voicemail = keyword("voicemail");
export const Licenses = keyword("licenses");
export const Env = keyword("env");
export const GroupId = keyword("group-id");
export const MailDomain = keyword("mail-domain");
export const Failback = keyword("failback");
export const Platform = keyword("platform");
export const Version = keyword("version");
export const VoicemailPassword = keyword("voicemail-password");
export const AcceptFailure = keyword("accept-failure");

export const Central = keyword("central");
export const Backup = keyword("backup");
export const Distributed = keyword("distributed");
export const Fallback = keyword("fallback");
export const Member = keyword("member");
export const Windows = keyword("windows");
export const Linux = keyword("linux");
export const Ucm = keyword("ucm");
export const ApplicationServer = keyword("application-server");
export const Manual = keyword("manual");
export const Graceful = keyword("graceful");
export const Automatic = keyword("automatic");
export const Ums = keyword("ums");
export const ContactStore = keyword("contact-store");
export const Tts = keyword("tts");
export const PreferredEdition = keyword("preferred-edition");
export const VoicemailPro = keyword("voicemail-pro");
export const VoicemailPorts = keyword("voicemail-ports");

export const keywordTokens: readonly TokenType[] = [
  Network, Server, Office, Link, Role, ReleaseKeyword, Address, Users, Uses, Voicemail, Licenses, Env,
  GroupId, MailDomain, Failback, Platform, Version, VoicemailPassword, AcceptFailure,
  Central, Backup, Distributed, Fallback, Member, Windows, Linux, Ucm, ApplicationServer,
  Manual, Graceful, Automatic, Ums, ContactStore, Tts, PreferredEdition, VoicemailPro, VoicemailPorts,
];

/** The keyword's spelling, from its token type. */
export function keywordText(tokenType: TokenType): string {
  return (tokenType.LABEL ?? tokenType.name).slice(1, -1);
}

/** Every reserved word, mapped to its token type. */
export const keywordsByText: ReadonlyMap<string, TokenType> = new Map(
  keywordTokens.map((tokenType) => [keywordText(tokenType), tokenType]),
);

/** A keyword with its spelling, for the lexer's lookup. */
interface SpelledKeyword {
  readonly text: string;
  readonly tokenType: TokenType;
}

/** The keywords by the character code of their first letter (every keyword starts with a-z). */
const keywordsByFirstCode: readonly (readonly SpelledKeyword[])[] = (() => {
  const buckets: SpelledKeyword[][] = Array.from({ length: 128 }, () => []);
  for (const [text, tokenType] of keywordsByText) (buckets[text.charCodeAt(0)] as SpelledKeyword[]).push({ text, tokenType });
  return buckets;
})();

/**
 * The keyword spelled by `text` from `start` to `end`, if any, found without copying the word out
 * of the text: the lexer asks for every word, and a copy of each, made only to look it up, was about
 * 2 % of what a language-server edit allocated (bench/lsp-allocation.ts). A keyword token's image is
 * then the keyword's own string, which every token of that keyword shares.
 */
export function keywordAt(text: string, start: number, end: number): SpelledKeyword | undefined {
  const candidates = keywordsByFirstCode[text.charCodeAt(start)];
  if (candidates === undefined) return undefined;
  const length = end - start;
  for (let index = 0; index < candidates.length; index++) {
    const candidate = candidates[index] as SpelledKeyword;
    if (candidate.text.length === length && spellsAt(text, start, candidate.text)) return candidate;
  }
  return undefined;
}

/** Whether `word` is in `text` at `start`; compared here, since `startsWith` with a position is a
 * call V8 does not inline (it was a third of the lexer's time). */
function spellsAt(text: string, start: number, word: string): boolean {
  // The first letter chose the bucket.
  for (let index = 1; index < word.length; index++) {
    if (text.charCodeAt(start + index) !== word.charCodeAt(index)) return false;
  }
  return true;
}

export const allTokenTypes: readonly TokenType[] = [
  NameLike, Identifier, StringLiteral, Integer, Release, Ipv4Address, MalformedNumber,
  LeftBrace, RightBrace, Semicolon, LinkDash, Comma, ...keywordTokens,
];
