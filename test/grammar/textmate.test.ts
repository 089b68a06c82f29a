import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";
import { beforeAll, describe, expect, it } from "vitest";
import type { SourceFile } from "../../src/language/ast.js";
import { lex } from "../../src/language/lexer.js";
import { parse } from "../../src/language/parse.js";
import * as T from "../../src/language/tokens.js";
import { nameOccurrences } from "../../src/lsp/names.js";

/**
 * The TextMate grammar (grammar/scn.tmLanguage.json) against the compiler's own lexer: every token
 * of every example must get the scope its kind calls for. Where the two disagree, an editor would
 * colour the file differently from how scnc reads it.
 */

const root = path.resolve(import.meta.dirname, "../..");
const grammarPath = path.join(root, "grammar/scn.tmLanguage.json");
let grammar: textmate.IGrammar;

beforeAll(async () => {
  const wasm = readFileSync(path.join(root, "node_modules/vscode-oniguruma/release/onig.wasm"));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, "utf8"), grammarPath),
  });
  grammar = (await registry.loadGrammar("source.scn")) as textmate.IGrammar;
});

/** Scopes by offset: the scopes of the TextMate token covering each character (none for line ends). */
function scopesByOffset(text: string): string[][] {
  const scopes: string[][] = Array.from({ length: text.length }, () => []);
  let state = textmate.INITIAL;
  let lineStart = 0;
  for (const line of text.split("\n")) {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) {
      for (let column = token.startIndex; column < Math.min(token.endIndex, line.length); column++) scopes[lineStart + column] = token.scopes;
    }
    state = result.ruleStack;
    lineStart += line.length + 1;
  }
  return scopes;
}

const declarations = new Set(["network", "server", "office", "link", "accept-failure"]);
const licenceKeys = new Set(["preferred-edition", "voicemail-pro", "voicemail-ports"]);
const features = new Set(["ums", "contact-store", "tts"]);
const constants: Record<string, string> = {
  central: "role", backup: "role", distributed: "role", fallback: "role", member: "role",
  windows: "platform", linux: "platform", ucm: "platform", "application-server": "platform",
  manual: "failback", graceful: "failback", automatic: "failback",
};

function insideLicences(source: SourceFile, offset: number): boolean {
  for (const item of source.network?.items ?? []) {
    if (item.kind !== "office") continue;
    for (const property of item.properties) {
      if (property.kind === "licenses" && property.keySpan.end < offset && offset < property.span.end) return true;
    }
  }
  return false;
}

/** The scope the grammar must give a token of the lexer, from its kind and (for names) the tree. */
function expectedScope(source: SourceFile, image: string, tokenType: unknown, offset: number, names: Map<number, string>): string {
  if (tokenType === T.StringLiteral) return "string.quoted.double.scn";
  if (tokenType === T.Integer) return "constant.numeric.integer.scn";
  if (tokenType === T.Release) return "constant.numeric.release.scn";
  if (tokenType === T.Ipv4Address) return "constant.numeric.ipv4.scn";
  if (tokenType === T.LeftBrace) return "punctuation.section.block.begin.scn";
  if (tokenType === T.RightBrace) return "punctuation.section.block.end.scn";
  if (tokenType === T.Semicolon) return "punctuation.terminator.scn";
  if (tokenType === T.LinkDash) return "keyword.operator.link.scn";
  if (tokenType === T.Comma) return "punctuation.separator.failure.scn";
  const name = names.get(offset);
  if (name) return name;
  if (declarations.has(image)) return `storage.type.${image}.scn`;
  if (image === "env") return "keyword.other.env.scn";
  if (licenceKeys.has(image) || (features.has(image) && insideLicences(source, offset))) return "keyword.other.license.scn";
  if (features.has(image)) return "constant.language.feature.scn";
  const constant = constants[image];
  if (constant) return `constant.language.${constant}.scn`;
  if (T.keywordsByText.has(image)) return "keyword.other.property.scn";
  return "variable.other.name.scn";
}

function examples(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return examples(full);
    return entry.name.endsWith(".scn") ? [full] : [];
  }).sort();
}

const exampleFiles = examples(path.join(root, "examples"));

describe("the TextMate grammar", () => {
  it("has examples to check", () => {
    expect(exampleFiles.length).toBeGreaterThan(0);
  });

  it.each(exampleFiles.map((file) => [path.relative(root, file), file]))("scopes every token of %s as the lexer reads it", (_name, file) => {
    const text = readFileSync(file, "utf8").replace(/\r\n/g, "\n");
    const source = parse(text);
    // Names whose role the tree knows, reserved words used as names included.
    const names = new Map<number, string>();
    for (const occurrence of nameOccurrences(source.network)) {
      const scope = occurrence.role === "declaration" ? `entity.name.type.${occurrence.kind}.scn` : `variable.other.${occurrence.kind}.scn`;
      names.set(occurrence.name.span.start, scope);
    }
    const scopes = scopesByOffset(text);
    const { tokens, comments } = lex(text);
    const mismatches: string[] = [];
    for (const token of tokens) {
      if (token.tokenType === T.MalformedNumber) continue;
      const expected = expectedScope(source, token.image, token.tokenType, token.startOffset, names);
      const actual = scopes[token.startOffset] ?? [];
      if (source.syntaxErrors.length > 0 && expected === "variable.other.name.scn") continue;
      if (!actual.includes(expected)) mismatches.push(`${token.image} at ${token.startOffset}: expected ${expected}, got ${actual.join(" ")}`);
    }
    for (const comment of comments) {
      const scope = comment.kind === "line" ? "comment.line.double-slash.scn" : "comment.block.scn";
      for (const offset of [comment.span.start, comment.span.end - 1]) {
        if (!(scopes[offset] ?? []).includes(scope)) mismatches.push(`comment at ${offset}: expected ${scope}, got ${(scopes[offset] ?? []).join(" ")}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("scopes tricky spellings as the lexer does", () => {
    const text = [
      'network "A \\"b\\"" {',
      "  voicemail-password env \"X\" // scnc-disable-next-line plaintext-secret",
      "  office voicemail-x { voicemail vm-2 uses ums tts licenses { ums 4 voicemail-ports 2 } release 11.1 address 10.0.0.255 }",
      "  link a--b { group-id 90001 } /* block */",
      "  server central-1 { role central platform application-server failback automatic 5 address 10.0.0 }",
      "}",
    ].join("\n");
    const scopes = scopesByOffset(text);
    const at = (needle: string, from = 0): string[] => scopes[text.indexOf(needle, from)] ?? [];
    expect(at("\\\"b")).toContain("constant.character.escape.scn");
    expect(at("voicemail-password")).toContain("keyword.other.property.scn");
    expect(at("env")).toContain("keyword.other.env.scn");
    expect(at("scnc-disable-next-line")).toContain("keyword.other.directive.suppress.scn");
    expect(at("voicemail-x")).toContain("entity.name.type.office.scn");
    expect(at("vm-2")).toContain("variable.other.server.scn");
    expect(at("ums tts")).toContain("constant.language.feature.scn");
    expect(at("ums 4")).toContain("keyword.other.license.scn");
    expect(at("11.1")).toContain("constant.numeric.release.scn");
    expect(at("10.0.0.255")).toContain("constant.numeric.ipv4.scn");
    expect(at("a--b")).toContain("variable.other.office.scn");
    expect(at("--b")).toContain("keyword.operator.link.scn");
    expect(at("b {")).toContain("variable.other.office.scn");
    expect(at("90001")).toContain("constant.numeric.integer.scn");
    expect(at("/* block")).toContain("comment.block.scn");
    expect(at("central-1")).toContain("entity.name.type.server.scn");
    expect(at("application-server")).toContain("constant.language.platform.scn");
    expect(at("10.0.0 ")).toContain("invalid.illegal.number.scn");
  });

  it("ends an unterminated string where the lexer does, and keeps braces inside closed strings", () => {
    const text = 'server s { mail-domain "vm.example }\noffice o { address "a } b" }';
    const scopes = scopesByOffset(text);
    expect(scopes[text.indexOf("}")]).toContain("punctuation.section.block.end.scn");
    expect(scopes[text.indexOf("} b")]).toContain("string.quoted.double.scn");
    expect(scopes[text.lastIndexOf("}")]).toContain("punctuation.section.block.end.scn");
    const lexed = lex(text).tokens.filter((token) => token.tokenType === T.RightBrace).map((token) => token.startOffset);
    expect(lexed).toEqual([text.indexOf("}"), text.lastIndexOf("}")]);
  });

  it("is the grammar the VS Code extension contributes, with the same language configuration", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "editors/vscode/package.json"), "utf8")) as {
      contributes: { languages: { id: string; extensions: string[]; configuration: string }[]; grammars: { language: string; scopeName: string; path: string }[] };
    };
    const [language] = manifest.contributes.languages;
    const [contributed] = manifest.contributes.grammars;
    expect(language?.extensions).toEqual([".scn"]);
    expect(contributed?.scopeName).toBe("source.scn");
    expect(contributed?.language).toBe(language?.id);
    expect(JSON.parse(readFileSync(grammarPath, "utf8")).scopeName).toBe("source.scn");
    expect(language?.configuration).toBe("./language-configuration.json");
  });

  it("has a language configuration with the language's comments, brackets and words", () => {
    const configuration = JSON.parse(readFileSync(path.join(root, "grammar/language-configuration.json"), "utf8")) as {
      comments: { lineComment: string; blockComment: [string, string] };
      brackets: [string, string][];
      wordPattern: string;
    };
    expect(configuration.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(configuration.brackets).toEqual([["{", "}"]]);
    // A word is what the lexer reads as one name or keyword (hyphens inside), so double-click and
    // rename take all of `vm-east` or `voicemail-ports`, and `hq--east` splits at the link dash.
    const words = (text: string): string[] => text.match(new RegExp(configuration.wordPattern, "g")) ?? [];
    expect(words("link hq--east { group-id 101 } voicemail vm-east_2")).toEqual(["link", "hq", "east", "group-id", "101", "voicemail", "vm-east_2"]);
    const names = lex("link hq--east { group-id 101 } voicemail vm-east_2").tokens
      .filter((token) => ![T.LinkDash, T.LeftBrace, T.RightBrace].includes(token.tokenType));
    expect(names.map((token) => token.image)).toEqual(["link", "hq", "east", "group-id", "101", "voicemail", "vm-east_2"]);
  });
});
