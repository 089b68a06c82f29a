import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repositoryRoot } from "../support/cli.js";

// The specification (DOMAIN, LANGUAGE, OUTPUT, CLI and RULES) does not ship, so nothing a user
// reads may send them there: user-facing text cites sources by id and title (docs/sources.md) and
// says what a rule is. docs/decisions.md is the one exception: it records where scnc departs from
// the specification, for the people who maintain scnc, and no user output links to it as a source.
const SPEC_NAMES = /\b(?:DOMAIN|LANGUAGE|OUTPUT|CLI|RULES)\.md\b|shared\/spec/;
const EXEMPT = new Set(["docs/decisions.md"]);
// Files not yet rewritten would be listed here; the test below fails if a listed file has become clean.
const PENDING = new Set<string>();

function filesUnder(directory: string, extensions: readonly string[]): string[] {
  return readdirSync(path.join(repositoryRoot, directory), { recursive: true, encoding: "utf8" })
    .map((name) => path.join(directory, name).split(path.sep).join("/"))
    .filter((name) => extensions.some((extension) => name.endsWith(extension)) && !name.includes("node_modules"));
}

/** Every string and template literal of a TypeScript file, with its line: what the program can say. */
function stringsOf(file: string): { line: number; text: string }[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(repositoryRoot, file), "utf8"), ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function offendingLines(file: string): string[] {
  return readFileSync(path.join(repositoryRoot, file), "utf8").split("\n")
    .flatMap((line, index) => SPEC_NAMES.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []);
}

describe("no shipped text points at the specification's files", () => {
  it("src/: no string the program can print or write names them (comments for maintainers may)", () => {
    const found = filesUnder("src", [".ts"]).filter((file) => !PENDING.has(file)).flatMap((file) =>
      stringsOf(file).filter((literal) => SPEC_NAMES.test(literal.text)).map((literal) => `${file}:${literal.line}: ${literal.text.slice(0, 100)}`));
    expect(found).toEqual([]);
  });

  it("README.md, docs/ (but decisions.md), schemas/, examples/ and editors/", () => {
    const files = [
      "README.md",
      ...filesUnder("docs", [".md"]),
      ...filesUnder("schemas", [".json"]),
      ...filesUnder("examples", [".scn"]),
      ...filesUnder("editors", [".json", ".md", ".lua", ".scm", ".toml"]),
    ].filter((file) => !EXEMPT.has(file) && !PENDING.has(file));
    expect(files.flatMap(offendingLines)).toEqual([]);
  });

  it("each file still pending does name them (so the list shrinks as they are fixed)", () => {
    const stillNaming = (file: string) => file.endsWith(".ts") ? stringsOf(file).some((literal) => SPEC_NAMES.test(literal.text)) : offendingLines(file).length > 0;
    expect([...PENDING].filter((file) => !stillNaming(file))).toEqual([]);
  });

  it("the check itself finds a spec name where one is written", () => {
    expect(SPEC_NAMES.test("see DOMAIN.md rule 31")).toBe(true);
    expect(SPEC_NAMES.test("S14 (Administering Avaya IP Office with Manager R12.3: Small Community Networking)")).toBe(false);
  });
});
