import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/lsp/analysis.js";
import { codeActions } from "../../src/lsp/code-actions.js";
import { completions } from "../../src/lsp/completion.js";
import { lspDiagnostics } from "../../src/lsp/diagnostics.js";
import { minimalEdit } from "../../src/lsp/formatting.js";
import { hover } from "../../src/lsp/hover.js";
import { keywordDocs } from "../../src/lsp/keyword-docs.js";
import { definition, references } from "../../src/lsp/navigation.js";
import { toOffset, toPosition } from "../../src/lsp/positions.js";
import { prepareRename, rename } from "../../src/lsp/rename.js";
import { documentSymbols } from "../../src/lsp/symbols.js";
import { keywordsByText } from "../../src/language/tokens.js";
import { networkSoup, tokenSoup } from "../support/arbitraries/token-soup.js";
import { ACME, acmeAt, at, URI } from "./support.js";

const labels = (marked: string, snippets = false): string[] => {
  const { analysis, offset } = at(marked);
  return completions(analysis, offset, { snippets }).map((item) => item.label);
};

describe("positions", () => {
  it("converts offsets to 0-based lines and UTF-16 characters and back, clamping past line ends", () => {
    const text = "ab\r\n😀x\nlast";
    const { lineIndex } = analyze(URI, 1, text);
    expect(toPosition(lineIndex, 6)).toEqual({ line: 1, character: 2 });
    expect(toOffset(lineIndex, text, { line: 1, character: 2 })).toBe(6);
    expect(toOffset(lineIndex, text, { line: 0, character: 99 })).toBe(2);
    expect(toOffset(lineIndex, text, { line: 9, character: 0 })).toBe(text.length);
    expect(toOffset(lineIndex, text, { line: -3, character: -1 })).toBe(0);
  });
});

describe("diagnostics", () => {
  it("carry the rule id as code, a link to the rule's page, severity and related locations", () => {
    const analysis = analyze(URI, 1, 'network "N" {\n  release 6.0\n  office a { role central }\n  office a { }\n}\n');
    const [duplicate] = lspDiagnostics(analysis, { relatedInformation: true }).filter((diagnostic) => diagnostic.code === "duplicate-name");
    expect(duplicate?.severity).toBe(1);
    expect(duplicate?.source).toBe("scnc");
    expect(duplicate?.codeDescription?.href).toMatch(/^file:\/\/.*\/docs\/rules\/duplicate-name\.md$/);
    expect(duplicate?.range).toEqual({ start: { line: 3, character: 9 }, end: { line: 3, character: 10 } });
    expect(duplicate?.relatedInformation?.[0]?.location.range.start).toEqual({ line: 2, character: 9 });
    const plain = lspDiagnostics(analysis, { relatedInformation: false });
    expect(plain.every((diagnostic) => diagnostic.relatedInformation === undefined)).toBe(true);
  });

  it("map warnings and infos to their LSP severities", () => {
    const analysis = analyze(URI, 1, 'network "N" {\n  release 6.0\n  server vm { role central }\n  server d { role distributed }\n  office a { role central }\n}\n');
    const unused = lspDiagnostics(analysis, { relatedInformation: false }).find((diagnostic) => diagnostic.code === "unused-distributed-server");
    expect(unused?.severity).toBe(2);
  });
});

describe("go to definition and find references", () => {
  it("finds the declaration from a reference and every reference from a declaration", () => {
    const fromLink = acmeAt("east -- branch");
    expect(definition(fromLink.analysis, fromLink.offset + 2).map((location) => location.range.start)).toEqual([{ line: 8, character: 9 }]);
    const fromDeclaration = acmeAt("office east", 0, 8);
    expect(references(fromDeclaration.analysis, fromDeclaration.offset, true).map((location) => location.range.start.line)).toEqual([8, 11, 12]);
    expect(references(fromDeclaration.analysis, fromDeclaration.offset, false).map((location) => location.range.start.line)).toEqual([11, 12]);
    const server = acmeAt("voicemail vm-east", 0, 12);
    expect(definition(server.analysis, server.offset)[0]?.range.start).toEqual({ line: 5, character: 9 });
  });

  it("answers nothing away from names, and nothing for an undeclared name", () => {
    const keyword = acmeAt("role central");
    expect(definition(keyword.analysis, keyword.offset)).toEqual([]);
    expect(references(keyword.analysis, keyword.offset, true)).toEqual([]);
    const { analysis, offset } = at('network "N" { link a -- |nowhere }');
    expect(definition(analysis, offset)).toEqual([]);
  });
});

describe("rename", () => {
  it("renames the declaration and every reference", () => {
    const { analysis, offset } = acmeAt("vm-east {", 0, 3);
    expect(prepareRename(analysis, offset)).toMatchObject({ ok: true, placeholder: "vm-east" });
    const renamed = rename(analysis, offset, "vm-east-1");
    expect(renamed.ok && renamed.edits.map((edit) => edit.range.start.line)).toEqual([5, 8]);
    expect(rename(analysis, offset, "vm-east")).toEqual({ ok: true, edits: [] });
  });

  it("refuses keywords, invalid names, taken names and places that are not names", () => {
    const { analysis, offset } = acmeAt("office east", 0, 8);
    expect(rename(analysis, offset, "central")).toMatchObject({ ok: false, problem: "'central' is a reserved word and cannot be a name" });
    expect(rename(analysis, offset, "9east")).toMatchObject({ ok: false, problem: expect.stringMatching(/is not a valid name: a name starts with a letter/) });
    expect(rename(analysis, offset, "a".repeat(64))).toMatchObject({ ok: false, problem: expect.stringMatching(/names have at most 63/) });
    expect(rename(analysis, offset, "branch")).toMatchObject({ ok: false, problem: expect.stringMatching(/already the name of office 'branch'/) });
    expect(rename(analysis, offset, "VM-HQ")).toMatchObject({ ok: false, problem: expect.stringMatching(/differs only in case from server 'vm-hq'/) });
    const keyword = acmeAt("role central");
    expect(prepareRename(keyword.analysis, keyword.offset).ok).toBe(false);
    expect(rename(keyword.analysis, keyword.offset, "x").ok).toBe(false);
  });

  it("renames a reserved word used as a name away from it", () => {
    const { analysis, offset } = at('network "N" {\n  office |central { }\n  link central -- a\n}\n');
    const renamed = rename(analysis, offset, "hq");
    expect(renamed.ok && renamed.edits.length).toBe(2);
  });
});

describe("hover", () => {
  const text = (marked: { analysis: ReturnType<typeof analyze>; offset: number }): string => {
    const result = hover(marked.analysis, marked.offset);
    return result && typeof result.contents === "object" && "value" in result.contents ? result.contents.value : "";
  };

  it("describes an office: role, release, server, licences, links", () => {
    const east = text(acmeAt("east -- branch", 0, 1));
    expect(east).toMatch(/\*\*office\*\* `east` — member office on distributed server `vm-east`/);
    expect(east).toMatch(/- release 6\.0 \(the network's release\)/);
    expect(east).toMatch(/- voicemail: distributed server `vm-east` at 10\.2\.0\.10/);
    expect(east).toMatch(/- licences: Preferred Edition, 2 additional voicemail ports/);
    expect(east).toMatch(/- links: `hq` \(group-id 101\), `branch` \(group-id 102\)/);
    expect(text(acmeAt("office hq", 0, 8))).toMatch(/central office: hosts the central Voicemail Pro server `vm-hq`[\s\S]*- 300 users[\s\S]*- uses ums[\s\S]*UMS 40/);
    expect(text(acmeAt("office dr", 0, 8))).toMatch(/fallback office: takes control of the central server `vm-hq` when `hq` fails/);
    expect(text(acmeAt("office dr", 0, 8))).toMatch(/- voicemail: central server `vm-hq` at 10\.0\.0\.10, backup server `vm-dr` at 10\.1\.0\.10/);
    expect(east).toMatch(/- messages stored and collected on the central server `vm-hq` at 10\.0\.0\.10/);
    expect(text(acmeAt("office branch", 0, 8))).toMatch(/member office on centralized voicemail \(central server `vm-hq`\)[\s\S]*- release 8\.1\n/);
  });

  it("describes a server, and never shows the password", () => {
    const central = text(acmeAt("server vm-hq", 0, 8));
    expect(central).toMatch(/central Voicemail Pro server[\s\S]*mail domain vm-hq\.acme\.example[\s\S]*failback automatic after 5 minutes[\s\S]*answers for 3 offices/);
    expect(text(acmeAt("vm-east {", 0, 1))).toMatch(/distributed Voicemail Pro server[\s\S]*platform linux[\s\S]*used by: `east`/);
    const secret = text(acmeAt("hunter2", 0, 2)) + text(acmeAt("voicemail-password", 0, 2));
    expect(secret).not.toMatch(/hunter2/);
  });

  it("explains keywords and the rule of a diagnostic under the cursor", () => {
    expect(text(acmeAt("failback", 0, 2))).toMatch(/^\*\*failback\*\* · `failback manual \| graceful \| automatic \[MINUTES\]`/);
    expect(text(acmeAt("voicemail-password", 0, 2))).toMatch(/literal password in the file gets a warning/);
    const { analysis, offset } = at('network "N" {\n  release 6.0\n  server vm { role central }\n  office a { role central voicemail v|m-x }\n}\n');
    const shown = text({ analysis, offset });
    expect(shown).toMatch(/`vm-x` is not declared/);
    expect(shown).toMatch(/\*\*unknown-reference\*\* \(error\): `voicemail X`, `link A -- B` or `accept-failure` names nothing declared/);
    expect(hover(analyze(URI, 1, ACME), ACME.indexOf("10.0.0.1 "))).toBeNull();
  });

  it("gives a rule's summary on its id in a suppression comment, and nothing on the reason", () => {
    const marked = (cursor: string): string => {
      const base = 'network "N" {\n  release 6.0\n  // scnc-disable-next-line group-id-default, duplicate-address -- carrier set it\n  link a -- b { group-id 0 }\n}\n';
      const index = base.indexOf(cursor);
      return text(at(base.slice(0, index + 2) + "|" + base.slice(index + 2)));
    };
    expect(marked("group-id-default")).toMatch(/^\*\*group-id-default\*\* \(warning by default\): .+\(\[group-id-default\]\(file:\/\/.*docs\/rules\/group-id-default\.md\)\)$/);
    expect(marked("duplicate-address")).toMatch(/^\*\*duplicate-address\*\* \(error by default\)/);
    expect(marked("carrier")).toBe("");
  });

  it("has a meaning for every keyword", () => {
    expect([...keywordsByText.keys()].filter((keyword) => !keywordDocs[keyword])).toEqual([]);
  });
});

describe("completion", () => {
  it("offers the keys of the block at the start of a statement, without keys already given", () => {
    expect(labels('network "N" {\n  |\n}')).toEqual(["release", "voicemail-password", "server", "office", "link", "accept-failure"]);
    expect(labels('network "N" {\n  release 6.0\n  re|\n}')).toEqual(["voicemail-password", "server", "office", "link", "accept-failure"]);
    expect(labels('network "N" {\n  office a { role central | }\n}')).toEqual(["address", "release", "users", "voicemail", "uses", "licenses"]);
    expect(labels('network "N" {\n  server s {\n    |\n  }\n}')).toEqual(["role", "address", "version", "mail-domain", "platform", "failback"]);
    expect(labels('network "N" {\n  office a { licenses { voicemail-pro voicemail-p| } }\n}')).toEqual(["voicemail-ports", "ums", "contact-store", "tts"]);
    expect(labels('network "N" {\n  link a -- b { | }\n}')).toEqual(["group-id"]);
    expect(labels("|")).toEqual(["network"]);
  });

  it("offers the values a key takes", () => {
    expect(labels('network "N" {\n  office a { role | }\n}')).toEqual(["central", "fallback", "member"]);
    expect(labels('network "N" {\n  server s { role d| }\n}')).toEqual(["central", "backup", "distributed"]);
    expect(labels('network "N" {\n  server s { platform | }\n}')).toEqual(["windows", "linux", "ucm", "application-server"]);
    expect(labels('network "N" {\n  server s { failback | }\n}')).toEqual(["manual", "graceful", "automatic"]);
    expect(labels('network "N" {\n  office a { uses ums | }\n}')).toEqual(["contact-store", "tts", "role", "address", "release", "users", "voicemail", "licenses"]);
    expect(labels('network "N" {\n  voicemail-password |\n}')).toEqual(["env"]);
    expect(labels('network "N" {\n  voicemail-password env |\n}')).toEqual([]);
    expect(labels('network "N" {\n  office a { address | }\n}')).toEqual([]);
  });

  it("offers server names after voicemail, distributed servers first", () => {
    const { analysis, offset } = at('network "N" {\n  server c { role central }\n  server z { role distributed address 10.0.0.9 }\n  office a { voicemail | }\n}');
    const items = completions(analysis, offset, { snippets: false }).sort((first, second) => (first.sortText ?? "").localeCompare(second.sortText ?? ""));
    expect(items.map((item) => [item.label, item.detail])).toEqual([["z", "distributed server at 10.0.0.9"], ["c", "central server"]]);
  });

  it("offers office names in link, not the office at the other end", () => {
    const network = 'network "N" {\n  server c { role central }\n  office hq { role central }\n  office east { }\n  ';
    expect(labels(`${network}link |\n}`)).toEqual(["hq", "east"]);
    expect(labels(`${network}link hq -- e|\n}`)).toEqual(["east"]);
    expect(labels(`${network}link hq |\n}`)).toEqual([]);
  });

  it("offers devices in accept-failure: offices and servers, an office after --, keys after the reason", () => {
    const network = 'network "N" {\n  server c { role central }\n  office hq { role central }\n  office east { }\n  link hq -- east\n  ';
    expect(labels(`${network}accept-failure |\n}`)).toEqual(["hq", "east", "c"]);
    expect(labels(`${network}accept-failure hq, |\n}`)).toEqual(["hq", "east", "c"]);
    expect(labels(`${network}accept-failure hq -- |\n}`)).toEqual(["east"]);
    expect(labels(`${network}accept-failure hq |\n}`)).toEqual([]);
    expect(labels(`${network}accept-failure hq "why" |\n}`)).toContain("accept-failure");
  });

  it("explains accept-failure and the devices it names", () => {
    const text = (marked: { analysis: ReturnType<typeof analyze>; offset: number }): string => {
      const result = hover(marked.analysis, marked.offset);
      return result && typeof result.contents === "object" && "value" in result.contents ? result.contents.value : "";
    };
    const { analysis, offset } = at('network "N" {\n  release 6.0\n  server c { role central }\n  office hq { role central }\n  accept-fail|ure c "why"\n}\n');
    expect(text({ analysis, offset })).toMatch(/^\*\*accept-failure\*\* · `accept-failure A--B\[, C…\] "REASON"`[\s\S]*--require single-failure/);
    const device = at('network "N" {\n  release 6.0\n  server c { role central }\n  office hq { role central }\n  accept-failure |c "why"\n}\n');
    expect(text(device)).toMatch(/central Voicemail Pro server/);
  });

  it("completes nothing inside comments, strings and numbers", () => {
    expect(labels('network "N" {\n  // rel|\n}')).toEqual([]);
    expect(labels('network "N" {\n  /* rel| */\n}')).toEqual([]);
    expect(labels('network "N|" {\n}')).toEqual([]);
    expect(labels('network "N" {\n  server s { mail-domain "vm|\n}')).toEqual([]);
    expect(labels('network "N" {\n  release 6|\n}')).toEqual([]);
  });

  it("gives declarations as snippets when the client takes them, replacing the typed word", () => {
    const { analysis, offset } = at('network "N" {\n  off|\n}');
    const office = completions(analysis, offset, { snippets: true }).find((item) => item.label === "office");
    expect(office?.insertTextFormat).toBe(2);
    expect(office?.textEdit).toEqual({ range: { start: { line: 1, character: 2 }, end: { line: 1, character: 5 } }, newText: "office ${1:name} {\n\taddress ${2:10.0.0.1}\n}" });
    expect(office?.detail).toBe("office NAME { … }");
    const crlf = at('network "N" {\r\n  off|\r\n}');
    expect(completions(crlf.analysis, crlf.offset, { snippets: true }).find((item) => item.label === "office")?.textEdit)
      .toMatchObject({ newText: "office ${1:name} {\r\n\taddress ${2:10.0.0.1}\r\n}" });
  });

  it("in the middle of a word, offers to insert or to replace the whole word when the client takes both", () => {
    const { analysis, offset } = at('network "N" {\n  server s {\n    rol|e central\n  }\n}');
    const insert = { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } };
    const replace = { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } };
    const role = (insertReplace: boolean) => completions(analysis, offset, { snippets: false, insertReplace }).find((item) => item.label === "role");
    expect(role(true)?.textEdit).toEqual({ newText: "role", insert, replace });
    expect(role(false)?.textEdit).toEqual({ range: insert, newText: "role" });
    // At the end of a word, or before `--`, there is nothing to replace beyond the cursor.
    const atEnd = at('network "N" {\n  server s {\n    rol|\n  }\n}');
    expect(completions(atEnd.analysis, atEnd.offset, { snippets: false, insertReplace: true }).find((item) => item.label === "role")?.textEdit).toHaveProperty("range");
    const beforeDashes = at('network "N" {\n  office hq { }\n  office b { }\n  link h|q-- b\n}');
    expect(completions(beforeDashes.analysis, beforeDashes.offset, { snippets: false, insertReplace: true }).find((item) => item.label === "hq")?.textEdit)
      .toEqual({ newText: "hq", insert: { start: { line: 3, character: 7 }, end: { line: 3, character: 8 } }, replace: { start: { line: 3, character: 7 }, end: { line: 3, character: 9 } } });
  });
});

describe("document symbols", () => {
  it("outlines the network, its devices, links and properties", () => {
    const [network] = documentSymbols(analyze(URI, 1, ACME));
    expect(network?.name).toBe("Acme");
    expect(network?.children?.map((child) => `${child.name}: ${child.detail ?? ""}`)).toEqual([
      "release: 6.0", "voicemail-password: (literal)", "vm-hq: central server", "vm-dr: backup server", "vm-east: distributed server",
      "hq: central office", "dr: fallback office", "east: member office", "branch: member office",
      "hq -- dr: group-id 100", "hq -- east: group-id 101", "east -- branch: group-id 102",
    ]);
    const hq = network?.children?.find((child) => child.name === "hq");
    expect(hq?.children?.map((child) => child.name)).toEqual(["role", "address", "users", "uses", "licenses"]);
    expect(hq?.children?.at(-1)?.children?.map((child) => `${child.name} ${child.detail ?? ""}`.trim())).toEqual(["preferred-edition", "voicemail-ports 8", "ums 40"]);
  });

  it("outlines what parsed of a broken document", () => {
    const symbols = documentSymbols(analyze(URI, 1, 'network "N" {\n  office { role central }\n  server vm { role'));
    expect(symbols[0]?.children?.map((child) => child.name)).toEqual(["(unnamed)", "vm"]);
    expect(documentSymbols(analyze(URI, 1, "garbage"))).toEqual([]);
    // Recovery inserts the missing `network` keyword, a token with no offset.
    const [inserted] = documentSymbols(analyze(URI, 1, '"str" { office a {} }'));
    expect(inserted?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 21 } });
  });
});

describe("code actions", () => {
  it("turn each diagnostic's fix in the range into a quick fix", () => {
    const text = 'network "N" {\n  release 6.0\n  server vm { role central }\n  office hq { role central }\n  office east { }\n  link hq -- eats\n}\n';
    const analysis = analyze(URI, 1, text);
    const actions = codeActions(analysis, { start: { line: 5, character: 13 }, end: { line: 5, character: 13 } }, { relatedInformation: false });
    expect(actions.map((candidate) => candidate.title)).toContain("Replace with 'east'");
    const action = actions.find((candidate) => candidate.title === "Replace with 'east'");
    expect(action?.kind).toBe("quickfix");
    expect(action?.diagnostics?.[0]?.code).toBe("unknown-reference");
    expect(action?.edit?.changes?.[URI]).toEqual([{ range: { start: { line: 5, character: 13 }, end: { line: 5, character: 17 } }, newText: "east" }]);
    expect(codeActions(analysis, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }, { relatedInformation: false })).toEqual([]);
  });

  it("never offer the office at a link's other end as the fix for its unknown end (that would be a self-link)", () => {
    const text = 'network "N" {\n  release 6.0\n  server vm { role central }\n  office hq { role central }\n  office east { }\n  link hq -- dr\n  link dq -- hq\n}\n';
    const analysis = analyze(URI, 1, text);
    const titles = (line: number): string[] =>
      codeActions(analysis, { start: { line, character: 13 }, end: { line, character: 13 } }, { relatedInformation: false }).map((action) => action.title);
    expect(titles(5)).not.toContain("Replace with 'hq'");
    expect(titles(6).filter((title) => title.startsWith("Replace"))).toEqual([]);
    // 'dq' is one edit from 'hq' (at the other end) and two from nothing else: no suggestion at all.
    const messages = analysis.result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "unknown-reference").map((diagnostic) => diagnostic.message);
    expect(messages).toEqual(["link hq -- dr names office 'dr', which is not declared", "link dq -- hq names office 'dq', which is not declared"]);
  });

  it("offer a suppression comment above the line, once per rule, which then silences it", () => {
    const text = 'network "N" {\n  release 6.0\n  server vm { role central }\n  office hq { role central licenses { preferred-edition } }\n  office a { address 10.0.0.1 }\n  office b { address 10.0.0.1 }\n  link hq -- a { group-id 1 }\n  link hq -- b { group-id 2 }\n}\n';
    const analysis = analyze(URI, 1, text);
    const actions = codeActions(analysis, { start: { line: 5, character: 0 }, end: { line: 5, character: 40 } }, { relatedInformation: false });
    const suppress = actions.find((action) => action.title === "Suppress duplicate-address on this line (scnc-disable-next-line)");
    const [edit] = suppress?.edit?.changes?.[URI] ?? [];
    expect(edit).toEqual({ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: "  // scnc-disable-next-line duplicate-address\n" });
    const lines = text.split("\n");
    lines.splice(5, 0, edit?.newText.trimEnd() ?? "");
    const codes = analyze(URI, 2, lines.join("\n")).result.diagnostics.map((diagnostic) => diagnostic.ruleId);
    expect(codes).not.toContain("duplicate-address");
    expect(codes).not.toContain("unused-suppression");
    const syntax = analyze(URI, 1, 'network "N" {\n  release 6\n}\n');
    expect(codeActions(syntax, { start: { line: 1, character: 0 }, end: { line: 1, character: 20 } }, { relatedInformation: false })).toEqual([]);
  });
});

describe("formatting edits", () => {
  it("replace only the part that changed", () => {
    const analysis = analyze(URI, 1, 'network "N" {\n  release    6.0\n}\n');
    expect(minimalEdit(analysis, 'network "N" {\n  release 6.0\n}\n')).toEqual({
      range: { start: { line: 1, character: 10 }, end: { line: 1, character: 13 } }, newText: "",
    });
  });

  it("never split a surrogate pair", () => {
    const analysis = analyze(URI, 1, "// 😀a\n");
    const edit = minimalEdit(analysis, "// 😁a\n");
    expect(edit.newText).toBe("😁");
    expect(edit.range).toEqual({ start: { line: 0, character: 3 }, end: { line: 0, character: 5 } });
  });
});

describe("broken documents", () => {
  const texts = fc.oneof(tokenSoup, networkSoup);

  it("never make a feature throw, wherever the cursor is", () => {
    fc.assert(fc.property(texts, fc.nat(), (text, seed) => {
      const analysis = analyze(URI, 1, text);
      const offset = text.length === 0 ? 0 : seed % (text.length + 1);
      const range = { start: toPosition(analysis.lineIndex, 0), end: toPosition(analysis.lineIndex, text.length) };
      hover(analysis, offset);
      completions(analysis, offset, { snippets: true });
      definition(analysis, offset);
      references(analysis, offset, true);
      prepareRename(analysis, offset);
      rename(analysis, offset, "renamed");
      const before = (first: { line: number; character: number }, second: { line: number; character: number }): boolean =>
        first.line < second.line || (first.line === second.line && first.character <= second.character);
      const check = (symbols: ReturnType<typeof documentSymbols>): void => {
        for (const symbol of symbols) {
          // VS Code rejects an outline whose selection is not inside its range.
          expect(before(symbol.range.start, symbol.selectionRange.start) && before(symbol.selectionRange.end, symbol.range.end)).toBe(true);
          check(symbol.children ?? []);
        }
      };
      check(documentSymbols(analysis));
      codeActions(analysis, range, { relatedInformation: true });
      lspDiagnostics(analysis, { relatedInformation: true });
    }), { numRuns: Number(process.env.SCNC_PROPERTY_RUNS ?? 500) });
  });
});
