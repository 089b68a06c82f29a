import { EmbeddedActionsParser, EOF, tokenMatcher, type IOrAlt, type IToken, type ParserMethod, type TokenType } from "chevrotain";
import type {
  AcceptFailureNode, EnvNode, FailureNode, LicensesNode, LinkNode, NameNode, NetworkNode, OfficeItem, OfficeNode, PropertyKey,
  PropertyNode, ServerNode, StringNode, SyntaxErrorInfo, ValueNode,
} from "./ast.js";
import { isUnterminated, stringValue } from "./lexer.js";
import { failureText } from "./names.js";
import {
  blockStarters, createMessageProvider, misplacedNetworkPropertyMessage, unknownWordMessage, type BlockKind, type OpenBlock, type ParseContext,
} from "./messages.js";
import { shownImage } from "./secrets.js";
import type { Span } from "./span.js";
import * as T from "./tokens.js";

/** Whether a token came from the text (recovery inserts virtual tokens with no position). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

function spanOf(token: IToken): Span {
  // `| 0` keeps offsets small integers: while chevrotain records the grammar, tokens are
  // placeholders with NaN offsets, and one NaN stored here makes V8 box the numbers of every span
  // in the program (≈ 9 % of peak memory on 100,000 offices). Real offsets are below 2^31.
  const start = token.startOffset | 0;
  return { start, end: start + token.image.length };
}

function nameNode(token: IToken): NameNode | undefined {
  if (!isReal(token)) return undefined;
  return { kind: "name", text: token.image, span: spanOf(token), reserved: token.tokenType !== T.Identifier };
}

function stringNode(token: IToken): StringNode | undefined {
  if (!isReal(token)) return undefined;
  return { kind: "string", value: stringValue(token), raw: token.image, span: spanOf(token) };
}

function valueNode(token: IToken): ValueNode | undefined {
  if (!isReal(token)) return undefined;
  switch (token.tokenType) {
    case T.StringLiteral: return stringNode(token);
    case T.Integer: return { kind: "integer", text: token.image, span: spanOf(token) };
    case T.Release: return { kind: "release", text: token.image, span: spanOf(token) };
    case T.Ipv4Address: return { kind: "address", text: token.image, span: spanOf(token) };
    case T.Identifier: return nameNode(token);
    default: return { kind: "word", text: token.image, span: spanOf(token) };
  }
}

/** Adds a value to a property and widens the property to it. Most properties have one value, so
 * the first makes an array of exactly one: an empty array's first push reserves 16 slots. */
function appendValue(node: PropertyNode, value: ValueNode): void {
  if (node.values.length === 0) node.values = [value];
  else node.values.push(value);
  node.span = { start: node.span.start, end: value.span.end };
}

type Block = { span: Span; recovered: boolean };

/**
 * A block whose `}` is due. Its label and span are made only when a message asks for them (an
 * unclosed block): every block of every check opens one, almost none is ever described.
 */
class PendingBlock<N extends Block> implements OpenBlock {
  constructor(
    readonly kind: BlockKind,
    private readonly describe: (owner: N) => string,
    private readonly start: number,
    private readonly braceEnd: number,
    readonly owner: N,
  ) {}

  get label(): string {
    return this.describe(this.owner);
  }

  get span(): Span {
    return { start: this.start, end: this.braceEnd };
  }
}

// How messages name each kind of block, from its node (its names are read before the block opens).
const networkLabel = (node: NetworkNode): string => (node.name ? `'network ${node.name.raw}'` : "'network'");
const serverLabel = (node: ServerNode): string => (node.name ? `'server ${node.name.text}'` : "'server'");
const officeLabel = (node: OfficeNode): string => (node.name ? `'office ${node.name.text}'` : "'office'");
const licensesLabel = (): string => "'licenses'";
const linkLabel = (node: LinkNode): string => `'link ${node.from?.text ?? "?"} -- ${node.to?.text ?? "?"}'`;

/**
 * The `.scn` grammar (LANGUAGE.md; grammar/scn.ebnf), as a chevrotain embedded-actions parser that
 * builds the AST while it parses, with no concrete syntax tree in between.
 *
 * Speed: this runs for every file of a batch and on every keystroke in the editor, so it follows
 * chevrotain's performance guide: the alternatives of each OR are built once and cached, actions
 * test RECORDING_PHASE instead of allocating ACTION closures, and the nodes being filled are parser
 * fields rather than rule arguments.
 *
 * Recovery: a declaration or property is added to its parent as soon as its first token is read, so
 * a node whose rule fails part-way stays in the tree, marked `recovered`. Chevrotain's re-sync then
 * skips to the next token that can start a property or declaration, so later declarations are still
 * parsed and checked.
 */
class ScnParser extends EmbeddedActionsParser {
  readonly context: ParseContext;
  network: NetworkNode | undefined;
  /** Errors the grammar actions find themselves (chevrotain's own are in `errors`). */
  readonly reportedErrors: SyntaxErrorInfo[] = [];
  /** The list the property being parsed belongs to, and the property receiving values. */
  private properties: (PropertyNode | LicensesNode)[] = [];
  private property: PropertyNode | undefined;
  private networkNode: NetworkNode | undefined;

  /** `validateGrammar` checks the grammar's own definition (ambiguities, duplicate occurrence
   * indexes, …), which halves construction speed; the tests do it once, start-up never. */
  constructor(options: { validateGrammar?: boolean } = {}) {
    const context: ParseContext = { lineIndex: undefined, openBlocks: [], relatedByMessage: new Map(), errorCount: 0 };
    super(T.allTokenTypes as TokenType[], {
      recoveryEnabled: true,
      skipValidations: options.validateGrammar !== true,
      maxLookahead: 2,
      errorMessageProvider: createMessageProvider(context),
    });
    this.context = context;
    this.performSelfAnalysis();
  }

  begin(tokens: IToken[], context: Pick<ParseContext, "lineIndex">): void {
    this.network = undefined;
    this.reportedErrors.length = 0;
    this.networkNode = undefined;
    this.property = undefined;
    this.context.lineIndex = context.lineIndex;
    this.context.openBlocks.length = 0;
    this.context.relatedByMessage.clear();
    this.context.errorCount = 0;
    this.input = tokens;
  }

  private get acting(): boolean {
    return !this.RECORDING_PHASE;
  }

  /** Invent a missing `network` keyword only before a quoted name (`"Acme" { … }`): before anything
   * else (`office hq { … }`) the text is not a network, and the keyword would make its first word
   * the network's name. */
  protected override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return tokenType !== T.Network || this.LA(1).tokenType === T.StringLiteral;
  }

  private emptySpanBeforeNextToken(): Span {
    const next = this.LA(1);
    const offset = isReal(next) ? next.startOffset : this.lastEnd();
    return { start: offset, end: offset };
  }

  private lastEnd(): number {
    const previous = this.LA(0);
    return isReal(previous) ? previous.startOffset + previous.image.length : 0;
  }

  /** After a sub-rule added a node to `list`: widen the node to what was consumed, mark it if
   * errors were reported inside it, and forget blocks it left unclosed. */
  private finishItem(list: readonly Block[], errorsBefore: number, openBlocks: number): void {
    // Setting an array's length is a call into the runtime even when nothing changes (2 % of a check).
    if (this.context.openBlocks.length !== openBlocks) this.context.openBlocks.length = openBlocks;
    const node = list[list.length - 1];
    if (!node) return;
    const end = this.lastEnd();
    if (end > node.span.end) node.span = { start: node.span.start, end };
    if (this.context.errorCount > errorsBefore) node.recovered = true;
  }

  /** Notes a block whose `}` is now due. Its span runs from where the declaration starts to the
   * brace (`office hq {`); `owner` is the node an unknown word inside it marks as recovered. */
  private openBlock<N extends Block>(kind: BlockKind, label: (owner: N) => string, start: number, owner: N, brace: IToken): void {
    if (isReal(brace)) this.context.openBlocks.push(new PendingBlock(kind, label, start, brace.startOffset + 1, owner));
  }

  /** A sub-rule that adds one node to `list`, followed by finishItem. The rule and the list are
   * passed as they are, not wrapped in closures: every item of every block made two of them. */
  private member(rule: ParserMethod<[], void>, list: readonly Block[] | undefined): void {
    const errorsBefore = this.context.errorCount;
    const openBlocks = this.context.openBlocks.length;
    this.SUBRULE(rule);
    if (this.acting && list) this.finishItem(list, errorsBefore, openBlocks);
  }

  /** A link's `group-id N`, as member() does it for a sub-rule (the grammar has no rule of its own for it). */
  private groupIdMember(): void {
    const errorsBefore = this.context.errorCount;
    const openBlocks = this.context.openBlocks.length;
    const list = this.properties;
    this.simpleProperty(T.GroupId, "group-id", T.Integer, 1);
    if (this.acting) this.finishItem(list, errorsBefore, openBlocks);
  }

  readonly file = this.RULE("file", () => {
    this.SUBRULE(this.networkRule);
    // LANGUAGE.md: a `;` may follow any declaration, the network's included.
    this.MANY(() => this.CONSUME(T.Semicolon));
  });

  private readonly networkItems: IOrAlt<void>[] = [
    { ALT: () => this.member(this.networkProperty, this.networkNode?.items) },
    { ALT: () => this.member(this.server, this.networkNode?.items) },
    { ALT: () => this.member(this.office, this.networkNode?.items) },
    { ALT: () => this.member(this.link, this.networkNode?.items) },
    { ALT: () => this.member(this.acceptFailure, this.networkNode?.items) },
    { ALT: () => this.SUBRULE(this.unknownItem) },
    { ALT: () => { this.CONSUME(T.Semicolon); } },
  ];

  private readonly networkRule = this.RULE("network", () => {
    const keyword = this.CONSUME(T.Network);
    // Recovery may insert a missing `network` keyword: it has no position, so it gets an empty
    // span where it belongs (before the next token), and the node is marked recovered.
    const inserted = !isReal(keyword) && !this.RECORDING_PHASE;
    const keywordSpan = inserted ? this.emptySpanBeforeNextToken() : spanOf(keyword);
    const node: NetworkNode = {
      kind: "network", keywordSpan, name: undefined, items: [], span: keywordSpan, recovered: inserted,
    };
    if (this.acting) this.network = this.networkNode = node;
    // A bare word or no name at all is accepted, with one precise error, so that the rest of the
    // network is still read: recovery cannot re-sync inside the network's own header.
    const name = this.OPTION(() => this.OR1(this.networkNameForms));
    if (this.acting) this.networkName(node, name);
    const brace = this.CONSUME(T.LeftBrace);
    if (this.acting) this.openBlock("network", networkLabel, node.keywordSpan.start, node, brace);
    this.MANY(() => this.OR(this.networkItems));
    this.CONSUME(T.RightBrace);
    if (this.acting) {
      this.context.openBlocks.pop();
      node.span = { start: node.span.start, end: this.lastEnd() };
    }
  });

  private readonly networkNameForms: IOrAlt<IToken>[] = [
    { ALT: () => this.CONSUME(T.StringLiteral) },
    { ALT: () => this.CONSUME(T.NameLike) },
  ];

  private networkName(node: NetworkNode, name: IToken | undefined): void {
    if (name?.tokenType === T.StringLiteral) {
      node.name = stringNode(name);
      return;
    }
    if (isReal(name)) {
      node.name = { kind: "string", value: name.image, raw: `"${name.image}"`, span: spanOf(name) };
      this.reportedErrors.push({
        message: `expected the network's name as a string, found '${name.image}'; put it in double quotes: network "${name.image}" { … }`,
        span: spanOf(name),
      });
      return;
    }
    // Without a name or a `{`, the parser's own "expected '{'" says it once.
    const next = this.LA(1);
    if (next.tokenType !== T.LeftBrace) return;
    this.reportedErrors.push({ message: `expected the network's name as a string before '{', as in network "Acme" { … }`, span: spanOf(next) });
  }

  /**
   * Recovery for a word that starts nothing in its block (`offce hq { … }`, `licences { … }`,
   * `rol central`): one error naming the closest keyword, then the word is skipped up to the next
   * item of the block, together with any `{ … }` that follows it. Chevrotain's own re-sync would
   * skip to the next `}` instead, and lose every declaration up to it.
   */
  private readonly unknownItem = this.RULE("unknownItem", () => {
    const word = this.CONSUME(T.Identifier);
    if (this.acting) this.skipUnknownItem(word);
  });

  /**
   * Recovery for a network property written inside another block (`voicemail-password` in an
   * office, `release` in a server): the network's own rule would take the word as its next item,
   * close the block early, and lose the rest of the block to errors. One error, then the property
   * is skipped like an unknown word.
   */
  private readonly misplacedPassword = this.misplacedNetworkProperty("misplacedPassword", T.VoicemailPassword);
  private readonly misplacedRelease = this.misplacedNetworkProperty("misplacedRelease", T.ReleaseKeyword);

  /** One rule per keyword: a block that takes `release` itself (an office) must not also offer this
   * rule for it, or the two alternatives would be ambiguous. */
  private misplacedNetworkProperty(name: string, keyword: TokenType) {
    return this.RULE(name, () => {
      const word = this.CONSUME(keyword);
      if (this.acting) this.skipUnknownItem(word, misplacedNetworkPropertyMessage);
    });
  }

  private skipUnknownItem(word: IToken, describe: (word: string, block: BlockKind) => string = unknownWordMessage): void {
    const block = this.context.openBlocks[this.context.openBlocks.length - 1];
    const kind = block?.kind ?? "network";
    const owner = block?.owner ?? this.networkNode;
    if (owner) owner.recovered = true;
    this.reportedErrors.push({ message: describe(shownImage(word), kind), span: spanOf(word) });
    const name = this.LA(1);
    if (kind === "network" && this.networkNode && tokenMatcher(name, T.NameLike) && this.LA(2).tokenType === T.LeftBrace) {
      (this.networkNode.unreadableNames ??= []).push(name.image);
    }
    for (;;) {
      const next = this.LA(1);
      if (next.tokenType === EOF || next.tokenType === T.RightBrace || next.tokenType === T.Semicolon) return;
      if (blockStarters[kind].has(next.tokenType)) return;
      this.SKIP_TOKEN();
      if (next.tokenType === T.LeftBrace) {
        this.skipBlockBody();
        return;
      }
    }
  }

  /** Skips to the `}` that matches a `{` just skipped. */
  private skipBlockBody(): void {
    let depth = 1;
    while (depth > 0 && this.LA(1).tokenType !== EOF) {
      const next = this.LA(1);
      this.SKIP_TOKEN();
      if (next.tokenType === T.LeftBrace) depth++;
      else if (next.tokenType === T.RightBrace) depth--;
    }
  }

  /** `key value…`: the node joins the current property list at once, so a failure later in the
   * property still leaves it in the tree. */
  private startProperty(keyType: TokenType, key: PropertyKey): void {
    const keyToken = this.CONSUME(keyType);
    if (!this.acting) return;
    // Until a value widens it, the property's span is its key's: one span object for both (spans are never changed).
    const keySpan = spanOf(keyToken);
    const node: PropertyNode = { kind: "property", key, keySpan, values: [], span: keySpan, recovered: false };
    this.properties.push(node);
    this.property = node;
  }

  private addValue(token: IToken): void {
    const node = this.property;
    if (!node) return;
    const value = node.key === "voicemail" ? nameNode(token) : valueNode(token);
    if (!value) return;
    // The lexer already reported the missing quote; the value is a guess, so rules must not use it.
    if (isUnterminated(token)) node.recovered = true;
    appendValue(node, value);
  }

  /** `key VALUE` where VALUE is one token of `valueType`. */
  private simpleProperty(keyType: TokenType, key: PropertyKey, valueType: TokenType, occurrence: number): void {
    this.startProperty(keyType, key);
    const value = this.consume(occurrence, valueType);
    if (this.acting) this.addValue(value);
  }

  private readonly networkPropertyAlternatives: IOrAlt<void>[] = [
    { ALT: () => this.simpleProperty(T.ReleaseKeyword, "release", T.Release, 1) },
    { ALT: () => {
      this.startProperty(T.VoicemailPassword, "voicemail-password");
      this.SUBRULE(this.secret);
    } },
  ];

  private readonly networkProperty = this.RULE("networkProperty", () => {
    if (this.acting) this.properties = (this.networkNode?.items ?? []) as PropertyNode[];
    this.OR(this.networkPropertyAlternatives);
  });

  private readonly secretAlternatives: IOrAlt<void>[] = [
    { ALT: () => {
      const token = this.CONSUME(T.StringLiteral);
      if (this.acting) this.addValue(token);
    } },
    { ALT: () => {
      const env = this.CONSUME(T.Env);
      const variable = this.CONSUME2(T.StringLiteral);
      if (!this.acting || !this.property) return;
      const variableNode = stringNode(variable);
      if (isUnterminated(variable)) this.property.recovered = true;
      const value: EnvNode = { kind: "env", variable: variableNode, span: { start: env.startOffset, end: variableNode?.span.end ?? env.startOffset + 3 } };
      appendValue(this.property, value);
    } },
  ];

  private readonly secret = this.RULE("secret", () => {
    this.OR(this.secretAlternatives);
  });

  private readonly serverItems: IOrAlt<void>[] = [
    { ALT: () => this.member(this.serverProperty, this.properties) },
    { ALT: () => this.SUBRULE(this.unknownItem) },
    { ALT: () => this.SUBRULE(this.misplacedPassword) },
    { ALT: () => this.SUBRULE(this.misplacedRelease) },
    { ALT: () => { this.CONSUME(T.Semicolon); } },
  ];

  private readonly server = this.RULE("server", () => {
    const keyword = this.CONSUME(T.Server);
    const keywordSpan = spanOf(keyword);
    const node: ServerNode = { kind: "server", keywordSpan, name: undefined, properties: [], span: keywordSpan, recovered: false };
    if (this.acting) this.networkNode?.items.push(node);
    const name = this.CONSUME(T.NameLike);
    if (this.acting) node.name = nameNode(name);
    const brace = this.CONSUME(T.LeftBrace);
    if (this.acting) {
      this.openBlock("server", serverLabel, keyword.startOffset, node, brace);
      this.properties = node.properties;
    }
    this.MANY(() => this.OR(this.serverItems));
    this.CONSUME(T.RightBrace);
    if (this.acting) this.context.openBlocks.pop();
  });

  private readonly serverPropertyAlternatives: IOrAlt<void>[] = [
    { ALT: () => {
      this.startProperty(T.Role, "role");
      this.SUBRULE(this.serverRole);
    } },
    { ALT: () => {
      this.startProperty(T.Address, "address");
      this.SUBRULE(this.addressValue);
    } },
    { ALT: () => this.simpleProperty(T.Version, "version", T.Release, 1) },
    { ALT: () => this.simpleProperty(T.MailDomain, "mail-domain", T.StringLiteral, 2) },
    { ALT: () => {
      this.startProperty(T.Platform, "platform");
      this.SUBRULE(this.platform);
    } },
    { ALT: () => {
      this.startProperty(T.Failback, "failback");
      this.SUBRULE(this.failback);
    } },
  ];

  private readonly serverProperty = this.RULE("serverProperty", () => {
    this.OR(this.serverPropertyAlternatives);
  });

  /** Alternatives that each consume one keyword token and add it as the current property's value. */
  private words(tokenTypes: readonly TokenType[]): IOrAlt<void>[] {
    return tokenTypes.map((tokenType) => ({
      ALT: () => {
        const token = this.CONSUME(tokenType);
        if (this.acting) this.addValue(token);
      },
    }));
  }

  private readonly serverRoles = this.words([T.Central, T.Backup, T.Distributed]);
  private readonly serverRole = this.RULE("serverRole", () => this.OR(this.serverRoles));

  private readonly officeRoles = this.words([T.Central, T.Fallback, T.Member]);
  private readonly officeRole = this.RULE("officeRole", () => this.OR(this.officeRoles));

  private readonly platforms = this.words([T.Windows, T.Linux, T.Ucm, T.ApplicationServer]);
  private readonly platform = this.RULE("platform", () => this.OR(this.platforms));

  private readonly failbackModes = this.words([T.Manual, T.Graceful, T.Automatic]);
  /** The grammar accepts a number after any option so that `failback-timeout-range` can explain it. */
  private readonly failback = this.RULE("failback", () => {
    this.OR(this.failbackModes);
    this.OPTION(() => {
      const minutes = this.CONSUME(T.Integer);
      if (this.acting) this.addValue(minutes);
    });
  });

  private readonly addressForms = this.words([T.Ipv4Address, T.StringLiteral]);
  private readonly addressValue = this.RULE("addressValue", () => this.OR(this.addressForms));

  private readonly features = this.words([T.Ums, T.ContactStore, T.Tts]);
  private readonly feature = this.RULE("feature", () => this.OR(this.features));

  private readonly officeItems: IOrAlt<void>[] = [
    { ALT: () => this.member(this.officeProperty, this.currentOffice?.properties) },
    { ALT: () => this.SUBRULE(this.unknownItem) },
    { ALT: () => this.SUBRULE(this.misplacedPassword) },
    { ALT: () => { this.CONSUME(T.Semicolon); } },
  ];

  private currentOffice: OfficeNode | undefined;

  private readonly office = this.RULE("office", () => {
    const keyword = this.CONSUME(T.Office);
    const keywordSpan = spanOf(keyword);
    const node: OfficeNode = { kind: "office", keywordSpan, name: undefined, properties: [], span: keywordSpan, recovered: false };
    if (this.acting) {
      this.networkNode?.items.push(node);
      this.currentOffice = node;
    }
    const name = this.CONSUME(T.NameLike);
    if (this.acting) node.name = nameNode(name);
    const brace = this.CONSUME(T.LeftBrace);
    if (this.acting) this.openBlock("office", officeLabel, keyword.startOffset, node, brace);
    this.MANY(() => {
      // A licenses block switches `properties` to its entries; each office property starts from the office's own.
      if (this.acting) this.properties = node.properties;
      this.OR(this.officeItems);
    });
    this.CONSUME(T.RightBrace);
    if (this.acting) this.context.openBlocks.pop();
  });

  private readonly officePropertyAlternatives: IOrAlt<void>[] = [
    { ALT: () => {
      this.startProperty(T.Role, "role");
      this.SUBRULE(this.officeRole);
    } },
    { ALT: () => {
      this.startProperty(T.Address, "address");
      this.SUBRULE2(this.addressValue);
    } },
    { ALT: () => this.simpleProperty(T.ReleaseKeyword, "release", T.Release, 1) },
    { ALT: () => this.simpleProperty(T.Users, "users", T.Integer, 2) },
    { ALT: () => this.simpleProperty(T.Voicemail, "voicemail", T.NameLike, 3) },
    { ALT: () => {
      this.startProperty(T.Uses, "uses");
      this.AT_LEAST_ONE(() => this.SUBRULE(this.feature));
    } },
    { ALT: () => this.SUBRULE(this.licenses) },
  ];

  private readonly officeProperty = this.RULE("officeProperty", () => {
    this.OR(this.officePropertyAlternatives);
  });

  private readonly licenseItems: IOrAlt<void>[] = [
    { ALT: () => this.member(this.licenseEntry, this.properties) },
    { ALT: () => this.SUBRULE(this.unknownItem) },
    { ALT: () => this.SUBRULE(this.misplacedPassword) },
    { ALT: () => this.SUBRULE(this.misplacedRelease) },
    { ALT: () => { this.CONSUME(T.Semicolon); } },
  ];

  private readonly licenses = this.RULE("licenses", () => {
    const keyword = this.CONSUME(T.Licenses);
    const keySpan = spanOf(keyword);
    const node: LicensesNode = { kind: "licenses", key: "licenses", keySpan, entries: [], span: keySpan, recovered: false };
    if (this.acting) {
      (this.properties as OfficeItem[]).push(node);
      this.properties = node.entries;
    }
    const brace = this.CONSUME(T.LeftBrace);
    if (this.acting) this.openBlock("licenses", licensesLabel, keyword.startOffset, node, brace);
    this.MANY(() => this.OR(this.licenseItems));
    this.CONSUME(T.RightBrace);
    if (this.acting) {
      this.context.openBlocks.pop();
      node.span = { start: node.span.start, end: this.lastEnd() };
    }
  });

  private readonly licenseEntryAlternatives: IOrAlt<void>[] = [
    { ALT: () => this.startProperty(T.PreferredEdition, "preferred-edition") },
    { ALT: () => this.startProperty(T.VoicemailPro, "voicemail-pro") },
    { ALT: () => this.simpleProperty(T.VoicemailPorts, "voicemail-ports", T.Integer, 1) },
    { ALT: () => this.simpleProperty(T.Ums, "ums", T.Integer, 2) },
    { ALT: () => this.simpleProperty(T.ContactStore, "contact-store", T.Integer, 3) },
    { ALT: () => this.simpleProperty(T.Tts, "tts", T.Integer, 4) },
  ];

  private readonly licenseEntry = this.RULE("licenseEntry", () => {
    this.OR(this.licenseEntryAlternatives);
  });

  private readonly linkItems: IOrAlt<void>[] = [
    { ALT: () => this.groupIdMember() },
    { ALT: () => this.SUBRULE(this.unknownItem) },
    { ALT: () => this.SUBRULE(this.misplacedPassword) },
    { ALT: () => this.SUBRULE(this.misplacedRelease) },
    { ALT: () => { this.CONSUME(T.Semicolon); } },
  ];

  private readonly link = this.RULE("link", () => {
    const keyword = this.CONSUME(T.Link);
    const keywordSpan = spanOf(keyword);
    const node: LinkNode = {
      kind: "link", keywordSpan, from: undefined, to: undefined, hasBlock: false, properties: [], span: keywordSpan, recovered: false,
    };
    if (this.acting) this.networkNode?.items.push(node);
    const from = this.CONSUME(T.NameLike);
    if (this.acting) node.from = nameNode(from);
    this.CONSUME(T.LinkDash);
    const to = this.CONSUME2(T.NameLike);
    if (this.acting) node.to = nameNode(to);
    this.OPTION(() => {
      const brace = this.CONSUME(T.LeftBrace);
      if (this.acting) {
        node.hasBlock = true;
        this.openBlock("link", linkLabel, keyword.startOffset, node, brace);
        this.properties = node.properties;
      }
      this.MANY(() => this.OR(this.linkItems));
      this.CONSUME(T.RightBrace);
      if (this.acting) this.context.openBlocks.pop();
    });
  });

  /** `accept-failure FAILURE { "," FAILURE } STRING`. The reason is optional here so that its
   * absence gets one message saying what to write, rather than chevrotain's "expected a string". */
  private readonly acceptFailure = this.RULE("acceptFailure", () => {
    const keyword = this.CONSUME(T.AcceptFailure);
    const keywordSpan = spanOf(keyword);
    const node: AcceptFailureNode = {
      kind: "accept-failure", keywordSpan, failures: [], reason: undefined, span: keywordSpan, recovered: false,
    };
    if (this.acting) {
      this.networkNode?.items.push(node);
      this.currentAccept = node;
    }
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.failure) });
    const reason = this.OPTION(() => this.CONSUME(T.StringLiteral));
    if (!this.acting) return;
    if (isReal(reason)) {
      node.reason = stringNode(reason);
      if (isUnterminated(reason)) node.recovered = true;
      return;
    }
    node.recovered = true;
    const at = node.failures.at(-1)?.span ?? node.keywordSpan;
    this.reportedErrors.push({
      message: `accept-failure needs a reason after the failure, in double quotes: accept-failure ${this.failuresText(node)} "why losing this is accepted"`,
      span: at,
    });
  });

  private failuresText(node: AcceptFailureNode): string {
    return node.failures.length > 0 ? node.failures.map(failureText).join(", ") : "hq--dr";
  }

  /** A device name, or `A -- B` for the link between two offices. */
  private currentAccept: AcceptFailureNode | undefined;

  private readonly failure = this.RULE("failure", () => {
    const from = this.CONSUME(T.NameLike);
    const node: FailureNode = { kind: "failure", from: undefined, to: undefined, isLink: false, span: spanOf(from) };
    if (this.acting) {
      node.from = nameNode(from);
      this.currentAccept?.failures.push(node);
    }
    this.OPTION(() => {
      this.CONSUME(T.LinkDash);
      if (this.acting) node.isLink = true;
      const to = this.CONSUME2(T.NameLike);
      if (this.acting && isReal(to)) {
        node.to = nameNode(to);
        node.span = { start: node.span.start, end: spanOf(to).end };
      }
    });
  });
}

let sharedParser: ScnParser | undefined;

/** A new parser; only tests need one (to validate the grammar), everything else shares getParser's. */
export function createParser(options: { validateGrammar?: boolean } = {}): ScnParser {
  return new ScnParser(options);
}

/** The parser is built once per process: chevrotain's grammar analysis is its expensive part. */
export function getParser(): ScnParser {
  sharedParser ??= new ScnParser();
  return sharedParser;
}

export type { ScnParser };
