import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagramFile, grammarRules, renderDiagram, terminalText, type GrammarNode } from "../../scripts/grammar.js";
import { createParser } from "../../src/language/parser.js";
import { canonicalEbnf, readEbnf, type EbnfNode } from "./ebnf.js";

/** The parser's grammar (chevrotain's serialized form) in the shape readEbnf gives. */
function fromParser(definition: readonly GrammarNode[]): EbnfNode[] {
  const items: EbnfNode[] = [];
  for (const node of definition) {
    const children = node.definition ?? [];
    switch (node.type) {
      case "Terminal": items.push({ kind: "terminal", text: terminalText(node) }); break;
      case "NonTerminal": items.push({ kind: "reference", name: node.name ?? "?" }); break;
      case "Alternation":
        items.push({ kind: "choice", alternatives: children.map((alternative) => fromParser(alternative.definition ?? [])) });
        break;
      case "Option": items.push({ kind: "option", body: [fromParser(children)] }); break;
      case "Repetition": items.push({ kind: "repetition", body: [fromParser(children)] }); break;
      // EBNF has no "one or more": scn.ebnf writes it as `x { x }`.
      case "RepetitionMandatory": items.push(...fromParser(children), { kind: "repetition", body: [fromParser(children)] }); break;
      // `x { "," x }`: chevrotain keeps the separator on the node.
      case "RepetitionMandatoryWithSeparator": {
        const separator = { kind: "terminal", text: terminalText(node.separator as GrammarNode) } as const;
        items.push(...fromParser(children), { kind: "repetition", body: [[separator, ...fromParser(children)]] });
        break;
      }
      default: throw new Error(`grammar node ${node.type} is not handled here`);
    }
  }
  return items;
}

/** A lone choice at the top of a rule or a repetition is the same as listing its alternatives. */
function unwrap(alternatives: EbnfNode[][]): EbnfNode[][] {
  const only = alternatives.length === 1 ? alternatives[0] : undefined;
  const unwrapped = only?.length === 1 && only[0]?.kind === "choice" ? only[0].alternatives.map((alternative) => [...alternative]) : alternatives;
  return unwrapped.map((sequence) => sequence.map((node) =>
    node.kind === "option" || node.kind === "repetition" ? { kind: node.kind, body: unwrap(node.body.map((each) => [...each])) } : node));
}

describe("the parser's grammar", () => {
  it("passes chevrotain's own validation (skipped at start-up for speed)", () => {
    expect(() => createParser({ validateGrammar: true })).not.toThrow();
  });
});

describe("grammar/scn.ebnf", () => {
  const ebnf = readEbnf(readFileSync(new URL("../../grammar/scn.ebnf", import.meta.url), "utf8"));
  const parserRules = grammarRules();

  it("has a rule for every parser rule", () => {
    const missing = parserRules.map((rule) => rule.name).filter((name) => !ebnf.has(name ?? ""));
    expect(missing).toEqual([]);
  });

  for (const rule of parserRules) {
    it(`'${rule.name}' matches the parser exactly`, () => {
      const written = ebnf.get(rule.name ?? "");
      expect(written, `scn.ebnf has no rule '${rule.name}'`).toBeDefined();
      expect(canonicalEbnf(unwrap(written as EbnfNode[][]))).toBe(canonicalEbnf(unwrap([fromParser(rule.definition ?? [])])));
    });
  }

  it("describes every token the syntactic rules use", () => {
    const used = new Set<string>();
    const visit = (alternatives: readonly (readonly EbnfNode[])[]): void => {
      for (const node of alternatives.flat()) {
        if (node.kind === "terminal" && /^[A-Z0-9]+$/.test(node.text)) used.add(node.text);
        if (node.kind === "choice") visit(node.alternatives);
        if (node.kind === "option" || node.kind === "repetition") visit(node.body);
      }
    };
    for (const rule of parserRules) visit(ebnf.get(rule.name ?? "") ?? []);
    expect([...used].filter((token) => !ebnf.has(token))).toEqual([]);
  });
});

describe("grammar/diagram.html", () => {
  it("is up to date with the parser (regenerate with `npm run grammar`)", () => {
    const committed = readFileSync(diagramFile, "utf8");
    expect(committed === renderDiagram(), "grammar/diagram.html is stale: run `npm run grammar` and commit it").toBe(true);
  });

  it("draws every rule and needs nothing from the network", () => {
    const html = renderDiagram();
    for (const rule of grammarRules()) expect(html).toContain(`"name": "${rule.name}"`);
    expect(html).not.toMatch(/<(script|link)[^>]+(src|href)=/);
  });
});
