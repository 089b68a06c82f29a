import { EmbeddedActionsParser, EOF, tokenMatcher, type IToken, type TokenType } from "chevrotain";
import type {
  EnvNode, LicensesNode, LinkNode, NameNode, NetworkItem, NetworkNode, OfficeItem, OfficeNode, PropertyKey,
  PropertyNode, ServerNode, StringNode, SyntaxErrorInfo, ValueNode,
} from "./ast.js";
import { isUnterminated, stringValue } from "./lexer.js";
import { blockStarters, createMessageProvider, describeToken, unknownWordMessage, type BlockKind, type ParseContext } from "./messages.js";
import type { Span } from "./span.js";
import * as T from "./tokens.js";

/** Whether a token came from the text (recovery inserts virtual tokens with no position). */
export function isReal(token: IToken | undefined): token is IToken {
  return token !== undefined && token.tokenType !== EOF && !Number.isNaN(token.startOffset);
}

function spanOf(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
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
  const span = spanOf(token);
  switch (token.tokenType) {
    case T.StringLiteral: return stringNode(token);
    case T.Integer: return { kind: "integer", text: token.image, span };
    case T.Release: return { kind: "release", text: token.image, span };
    case T.Ipv4Address: return { kind: "address", text: token.image, span };
    case T.Identifier: return nameNode(token);
    default: return { kind: "word", text: token.image, span };
  }
}

/**
 * The `.scn` grammar (LANGUAGE.md), as a chevrotain embedded-actions parser: it builds the AST
 * while it parses, with no concrete syntax tree in between, because that halves parse time.
 *
 * Recovery: every declaration and property is pushed into its parent's list as soon as its first
 * token is read, so a node whose rule fails part-way stays in the tree, marked `recovered`.
 * Chevrotain's re-sync then skips to the next token that can start a property or declaration,
 * so later declarations are still parsed and checked.
 */
class ScnParser extends EmbeddedActionsParser {
  readonly context: ParseContext;
  network: NetworkNode | undefined;
  /** Errors the grammar actions find themselves (chevrotain's own are in `errors`). */
  readonly reportedErrors: SyntaxErrorInfo[] = [];

  constructor() {
    const context: ParseContext = { lineIndex: undefined, openBlocks: [], relatedByMessage: new Map() };
    super(T.allTokenTypes as TokenType[], {
      recoveryEnabled: true,
      maxLookahead: 2,
      errorMessageProvider: createMessageProvider(context),
    });
    this.context = context;
    this.performSelfAnalysis();
  }

  begin(tokens: IToken[], context: Pick<ParseContext, "lineIndex">): void {
    this.network = undefined;
    this.reportedErrors.length = 0;
    this.context.lineIndex = context.lineIndex;
    this.context.openBlocks.length = 0;
    this.context.relatedByMessage.clear();
    this.input = tokens;
  }

  /** Never invent a `network` keyword: text that does not start with one is not a network, and
   * reading it as one would turn its first word into the network's name. */
  protected override canTokenTypeBeInsertedInRecovery(tokenType: TokenType): boolean {
    return tokenType !== T.Network;
  }

  private lastEnd(): number {
    const previous = this.LA(0);
    return isReal(previous) ? previous.startOffset + previous.image.length : 0;
  }

  /** Runs a sub-rule that adds a node to `list`, then marks the node if errors were reported in it. */
  private item<N extends { span: Span; recovered: boolean }>(list: N[], run: () => void): void {
    const errorsBefore = this.errors.length;
    const openBlocks = this.context.openBlocks.length;
    run();
    this.ACTION(() => {
      this.context.openBlocks.length = openBlocks;
      const node = list[list.length - 1];
      if (!node) return;
      const end = this.lastEnd();
      if (end > node.span.end) node.span = { start: node.span.start, end };
      if (this.errors.length > errorsBefore) node.recovered = true;
    });
  }

  /** Notes a block whose `}` is now due; `opener` is where its declaration starts (`office hq {`). */
  private openBlock(label: () => string, opener: { keywordSpan: Span }, brace: IToken): void {
    this.ACTION(() => {
      if (!isReal(brace)) return;
      this.context.openBlocks.push({ label: label(), span: { start: opener.keywordSpan.start, end: brace.startOffset + 1 } });
    });
  }

  private closeBlock(): void {
    this.ACTION(() => this.context.openBlocks.pop());
  }

  readonly file = this.RULE("file", () => {
    this.SUBRULE(this.networkRule);
    // LANGUAGE.md: a `;` may follow any declaration, the network's included.
    this.MANY(() => this.CONSUME(T.Semicolon));
  });

  private readonly networkRule = this.RULE("network", () => {
    const keyword = this.CONSUME(T.Network);
    const node: NetworkNode = {
      kind: "network", keywordSpan: spanOf(keyword), name: undefined, items: [], span: spanOf(keyword), recovered: false,
    };
    this.ACTION(() => (this.network = node));
    // A bare word or no name at all is accepted, with one precise error, so that the rest of the
    // network is still read: recovery cannot re-sync inside the network's own header.
    const name = this.OPTION(() => this.OR1([
      { ALT: () => this.CONSUME(T.StringLiteral) },
      { ALT: () => this.CONSUME(T.NameLike) },
    ]));
    this.ACTION(() => this.networkName(node, name));
    const brace = this.CONSUME(T.LeftBrace);
    this.openBlock(() => (node.name ? `'network ${node.name.raw}'` : "'network'"), node, brace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.item(node.items, () => this.SUBRULE(this.networkProperty, { ARGS: [node.items] })) },
        { ALT: () => this.item(node.items, () => this.SUBRULE(this.server, { ARGS: [node.items] })) },
        { ALT: () => this.item(node.items, () => this.SUBRULE(this.office, { ARGS: [node.items] })) },
        { ALT: () => this.item(node.items, () => this.SUBRULE(this.link, { ARGS: [node.items] })) },
        { ALT: () => this.SUBRULE(this.unknownItem, { ARGS: ["network", node] }) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
    this.CONSUME(T.RightBrace);
    this.closeBlock();
    this.ACTION(() => (node.span = { start: node.span.start, end: this.lastEnd() }));
  });


  /**
   * Recovery for a word that starts nothing in this block (`offce hq { … }`, `licences { … }`,
   * `rol central`): one error naming the closest keyword, then the word is skipped up to the next
   * item of the block, together with any `{ … }` that follows it. Chevrotain's own re-sync would
   * skip to the next `}` instead, and lose every declaration up to it.
   */
  private readonly unknownItem = this.RULE("unknownItem", (block: BlockKind, owner: { recovered: boolean }) => {
    const word = this.CONSUME(T.Identifier);
    this.ACTION(() => {
      owner.recovered = true;
      const name = this.LA(1);
      if (block === "network" && owner === this.network && tokenMatcher(name, T.NameLike) && this.LA(2).tokenType === T.LeftBrace) {
        (this.network.unreadableNames ??= []).push(name.image);
      }
      this.reportedErrors.push({ message: unknownWordMessage(word.image, block), span: spanOf(word) });
      for (;;) {
        const next = this.LA(1);
        if (next.tokenType === EOF || next.tokenType === T.RightBrace || next.tokenType === T.Semicolon) break;
        if (blockStarters[block].has(next.tokenType)) break;
        this.SKIP_TOKEN();
        if (next.tokenType === T.LeftBrace) {
          this.skipBlockBody();
          break;
        }
      }
    });
  });

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
    this.reportedErrors.push({
      message: `expected the network's name as a string before '{', as in network "Acme" { … }`,
      span: spanOf(next),
    });
  }

  private addValue(node: PropertyNode, token: IToken): void {
    const value = node.key === "voicemail" ? nameNode(token) : valueNode(token);
    if (value) this.pushValue(node, value, token);
  }

  /** An unterminated string was already reported by the lexer; its property counts as unreadable,
   * so no rule also reports its (truncated) value. */
  private pushValue(node: PropertyNode, value: ValueNode, lastToken: IToken): void {
    node.values.push(value);
    node.span = { start: node.span.start, end: value.span.end };
    if (lastToken.tokenType === T.StringLiteral && isUnterminated(lastToken)) node.recovered = true;
  }

  /**
   * `key value…`: the node is created outside ACTION (harmless while chevrotain records the grammar,
   * when tokens are placeholders) so that sub-rules can be handed the node itself.
   */
  private property(list: unknown[], keyType: TokenType, key: PropertyKey, values: (node: PropertyNode) => void): void {
    const keyToken = this.CONSUME(keyType);
    const node: PropertyNode = {
      kind: "property", key, keySpan: spanOf(keyToken), values: [], span: spanOf(keyToken), recovered: false,
    };
    this.ACTION(() => list.push(node));
    values(node);
  }

  /** `key VALUE` where VALUE is a single token of `valueType`. */
  private simpleProperty(list: unknown[], keyType: TokenType, key: PropertyKey, valueType: TokenType, occurrence: number): void {
    this.property(list, keyType, key, (node) => {
      const value = this.consume(occurrence, valueType);
      this.ACTION(() => this.addValue(node, value));
    });
  }

  private readonly networkProperty = this.RULE("networkProperty", (list: NetworkItem[]) => {
    this.OR([
      { ALT: () => this.simpleProperty(list, T.ReleaseKeyword, "release", T.Release, 1) },
      {
        ALT: () => this.property(list, T.VoicemailPassword, "voicemail-password", (node) => {
          const value = this.SUBRULE(this.secret);
          this.ACTION(() => {
            if (value) this.pushValue(node, value, this.LA(0));
          });
        }),
      },
    ]);
  });

  private readonly secret = this.RULE("secret", (): StringNode | EnvNode | undefined => {
    return this.OR([
      { ALT: () => {
        const token = this.CONSUME(T.StringLiteral);
        return this.ACTION(() => stringNode(token));
      } },
      { ALT: () => {
        const env = this.CONSUME(T.Env);
        const variable = this.CONSUME2(T.StringLiteral);
        return this.ACTION((): EnvNode => {
          const variableNode = stringNode(variable);
          return { kind: "env", variable: variableNode, span: { start: env.startOffset, end: variableNode?.span.end ?? env.startOffset + 3 } };
        });
      } },
    ]);
  });

  private readonly server = this.RULE("server", (list: NetworkItem[]) => {
    const keyword = this.CONSUME(T.Server);
    const node: ServerNode = { kind: "server", keywordSpan: spanOf(keyword), name: undefined, properties: [], span: spanOf(keyword), recovered: false };
    this.ACTION(() => list.push(node));
    const name = this.CONSUME(T.NameLike);
    this.ACTION(() => (node.name = nameNode(name)));
    const brace = this.CONSUME(T.LeftBrace);
    this.openBlock(() => `'server ${node.name?.text ?? ""}'`.replace(" '", "'"), node, brace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.item(node.properties, () => this.SUBRULE(this.serverProperty, { ARGS: [node.properties] })) },
        { ALT: () => this.SUBRULE(this.unknownItem, { ARGS: ["server", node] }) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
    this.CONSUME(T.RightBrace);
    this.closeBlock();
  });

  private readonly serverProperty = this.RULE("serverProperty", (list: PropertyNode[]) => {
    this.OR([
      { ALT: () => this.property(list, T.Role, "role", (node) => this.SUBRULE(this.serverRole, { ARGS: [node] })) },
      { ALT: () => this.property(list, T.Address, "address", (node) => this.SUBRULE(this.addressValue, { ARGS: [node] })) },
      { ALT: () => this.simpleProperty(list, T.Version, "version", T.Release, 1) },
      { ALT: () => this.simpleProperty(list, T.MailDomain, "mail-domain", T.StringLiteral, 2) },
      { ALT: () => this.property(list, T.Platform, "platform", (node) => this.SUBRULE(this.platform, { ARGS: [node] })) },
      { ALT: () => this.property(list, T.Failback, "failback", (node) => this.SUBRULE(this.failback, { ARGS: [node] })) },
    ]);
  });

  /** One of several keyword tokens, added as the property's value. */
  private wordChoice(node: PropertyNode, words: TokenType[]): void {
    const token = this.OR(words.map((word) => ({ ALT: () => this.CONSUME(word) })));
    this.ACTION(() => this.addValue(node, token));
  }

  private readonly serverRole = this.RULE("serverRole", (node: PropertyNode) => {
    this.wordChoice(node, [T.Central, T.Backup, T.Distributed]);
  });

  private readonly officeRole = this.RULE("officeRole", (node: PropertyNode) => {
    this.wordChoice(node, [T.Central, T.Fallback, T.Member]);
  });

  private readonly platform = this.RULE("platform", (node: PropertyNode) => {
    this.wordChoice(node, [T.Windows, T.Linux, T.Ucm, T.ApplicationServer]);
  });

  /** The grammar accepts a number after any option so that `failback-timeout-range` can explain it. */
  private readonly failback = this.RULE("failback", (node: PropertyNode) => {
    this.wordChoice(node, [T.Manual, T.Graceful, T.Automatic]);
    this.OPTION(() => {
      const minutes = this.CONSUME(T.Integer);
      this.ACTION(() => this.addValue(node, minutes));
    });
  });

  private readonly addressValue = this.RULE("addressValue", (node: PropertyNode) => {
    const token = this.OR([
      { ALT: () => this.CONSUME(T.Ipv4Address) },
      { ALT: () => this.CONSUME(T.StringLiteral) },
    ]);
    this.ACTION(() => this.addValue(node, token));
  });

  private readonly feature = this.RULE("feature", (node: PropertyNode) => {
    this.wordChoice(node, [T.Ums, T.ContactStore, T.Tts]);
  });

  private readonly office = this.RULE("office", (list: NetworkItem[]) => {
    const keyword = this.CONSUME(T.Office);
    const node: OfficeNode = { kind: "office", keywordSpan: spanOf(keyword), name: undefined, properties: [], span: spanOf(keyword), recovered: false };
    this.ACTION(() => list.push(node));
    const name = this.CONSUME(T.NameLike);
    this.ACTION(() => (node.name = nameNode(name)));
    const brace = this.CONSUME(T.LeftBrace);
    this.openBlock(() => `'office ${node.name?.text ?? ""}'`.replace(" '", "'"), node, brace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.item(node.properties, () => this.SUBRULE(this.officeProperty, { ARGS: [node.properties] })) },
        { ALT: () => this.SUBRULE(this.unknownItem, { ARGS: ["office", node] }) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
    this.CONSUME(T.RightBrace);
    this.closeBlock();
  });

  private readonly officeProperty = this.RULE("officeProperty", (list: OfficeItem[]) => {
    this.OR([
      { ALT: () => this.property(list, T.Role, "role", (node) => this.SUBRULE(this.officeRole, { ARGS: [node] })) },
      { ALT: () => this.property(list, T.Address, "address", (node) => this.SUBRULE(this.addressValue, { ARGS: [node] })) },
      { ALT: () => this.simpleProperty(list, T.ReleaseKeyword, "release", T.Release, 1) },
      { ALT: () => this.simpleProperty(list, T.Users, "users", T.Integer, 2) },
      { ALT: () => this.simpleProperty(list, T.Voicemail, "voicemail", T.NameLike, 3) },
      {
        ALT: () => this.property(list, T.Uses, "uses", (node) => {
          this.AT_LEAST_ONE(() => this.SUBRULE(this.feature, { ARGS: [node] }));
        }),
      },
      { ALT: () => this.SUBRULE(this.licenses, { ARGS: [list] }) },
    ]);
  });

  private readonly licenses = this.RULE("licenses", (list: OfficeItem[]) => {
    const keyword = this.CONSUME(T.Licenses);
    const node: LicensesNode = { kind: "licenses", key: "licenses", keySpan: spanOf(keyword), entries: [], span: spanOf(keyword), recovered: false };
    this.ACTION(() => list.push(node));
    const brace = this.CONSUME(T.LeftBrace);
    this.openBlock(() => "'licenses'", { keywordSpan: node.keySpan }, brace);
    this.MANY(() => {
      this.OR([
        { ALT: () => this.item(node.entries, () => this.SUBRULE(this.licenseEntry, { ARGS: [node.entries] })) },
        { ALT: () => this.SUBRULE(this.unknownItem, { ARGS: ["licenses", node] }) },
        { ALT: () => this.CONSUME(T.Semicolon) },
      ]);
    });
    this.CONSUME(T.RightBrace);
    this.closeBlock();
    this.ACTION(() => (node.span = { start: node.span.start, end: this.lastEnd() }));
  });

  private readonly licenseEntry = this.RULE("licenseEntry", (list: PropertyNode[]) => {
    this.OR([
      { ALT: () => this.property(list, T.PreferredEdition, "preferred-edition", () => undefined) },
      { ALT: () => this.property(list, T.VoicemailPro, "voicemail-pro", () => undefined) },
      { ALT: () => this.simpleProperty(list, T.VoicemailPorts, "voicemail-ports", T.Integer, 1) },
      { ALT: () => this.simpleProperty(list, T.Ums, "ums", T.Integer, 2) },
      { ALT: () => this.simpleProperty(list, T.ContactStore, "contact-store", T.Integer, 3) },
      { ALT: () => this.simpleProperty(list, T.Tts, "tts", T.Integer, 4) },
    ]);
  });

  private readonly link = this.RULE("link", (list: NetworkItem[]) => {
    const keyword = this.CONSUME(T.Link);
    const node: LinkNode = {
      kind: "link", keywordSpan: spanOf(keyword), from: undefined, to: undefined, hasBlock: false, properties: [],
      span: spanOf(keyword), recovered: false,
    };
    this.ACTION(() => list.push(node));
    const from = this.CONSUME(T.NameLike);
    this.ACTION(() => (node.from = nameNode(from)));
    this.CONSUME(T.LinkDash);
    const to = this.CONSUME2(T.NameLike);
    this.ACTION(() => (node.to = nameNode(to)));
    this.OPTION(() => {
      const brace = this.CONSUME(T.LeftBrace);
      this.ACTION(() => (node.hasBlock = true));
      this.openBlock(() => `'link ${node.from?.text ?? "?"} -- ${node.to?.text ?? "?"}'`, node, brace);
      this.MANY(() => {
        this.OR([
          { ALT: () => this.item(node.properties, () => this.simpleProperty(node.properties, T.GroupId, "group-id", T.Integer, 1)) },
          { ALT: () => this.SUBRULE(this.unknownItem, { ARGS: ["link", node] }) },
          { ALT: () => this.CONSUME(T.Semicolon) },
        ]);
      });
      this.CONSUME(T.RightBrace);
      this.closeBlock();
    });
  });
}

let sharedParser: ScnParser | undefined;

/** The parser is built once per process: chevrotain's grammar analysis is its expensive part. */
export function getParser(): ScnParser {
  sharedParser ??= new ScnParser();
  return sharedParser;
}

export type { ScnParser };
