import { describe, expect, it } from "vitest";
import { parse } from "../../src/language/parse.js";
import { outline, syntaxErrorsOf } from "./syntax.js";

// Every construct of grammar/scn.ebnf, read into the syntax tree without error.
describe("the parser reads every construct", () => {
  it("network properties, both kinds of secret", () => {
    expect(outline('network "Acme Corp" { release 6.0 voicemail-password env "VM_PASSWORD" }'))
      .toEqual(['network "Acme Corp"', "release 6.0", 'voicemail-password env "VM_PASSWORD"']);
    expect(outline('network "A" { voicemail-password "secret" }')).toEqual(['network "A"', 'voicemail-password "secret"']);
  });

  it("every server property and every value of each choice", () => {
    const text = `network "A" {
      server a { role central address 10.0.0.10 version 6.1 mail-domain "a.example.com" platform windows failback manual }
      server b { role backup address "fd00::10" platform linux failback graceful }
      server c { role distributed address "10.0.0.12" platform ucm failback automatic 15 }
      server d { platform application-server }
    }`;
    expect(outline(text)).toEqual([
      'network "A"',
      'server a { role central; address 10.0.0.10; version 6.1; mail-domain "a.example.com"; platform windows; failback manual }',
      'server b { role backup; address "fd00::10"; platform linux; failback graceful }',
      'server c { role distributed; address "10.0.0.12"; platform ucm; failback automatic 15 }',
      "server d { platform application-server }",
    ]);
    expect(syntaxErrorsOf(text)).toEqual([]);
  });

  it("every office property, every role, feature and licence", () => {
    const text = `network "A" {
      office hq { role central address 10.0.0.1 release 8.1 users 300 uses ums contact-store tts
        licenses { preferred-edition voicemail-ports 8 ums 40 contact-store 2 tts 4 } }
      office dr { role fallback licenses { voicemail-pro } }
      office east { role member voicemail vm-east uses tts }
    }`;
    expect(outline(text)).toEqual([
      'network "A"',
      "office hq { role central; address 10.0.0.1; release 8.1; users 300; uses ums contact-store tts; licenses { preferred-edition; voicemail-ports 8; ums 40; contact-store 2; tts 4 } }",
      "office dr { role fallback; licenses { voicemail-pro } }",
      "office east { role member; voicemail vm-east; uses tts }",
    ]);
    expect(syntaxErrorsOf(text)).toEqual([]);
  });

  it("links with and without a block", () => {
    expect(outline('network "A" { link a -- b link c--d { } link e -- f { group-id 100 } }')).toEqual([
      'network "A"', "link a -- b", "link c -- d {  }", "link e -- f { group-id 100 }",
    ]);
  });

  it("empty blocks, and declarations in any order", () => {
    expect(outline('network "A" { link a -- b office b { } server s { } release 5.0 office a { licenses { } } }')).toEqual([
      'network "A"', "link a -- b", "office b {  }", "server s {  }", "release 5.0", "office a { licenses {  } }",
    ]);
  });

  it("ignores ';' after any property or declaration, the network's included", () => {
    const text = 'network "A" { ; release 6.0; office hq { role central; ; licenses { preferred-edition; }; }; link a -- b; };';
    expect(syntaxErrorsOf(text)).toEqual([]);
    expect(outline(text)).toEqual(['network "A"', "release 6.0", "office hq { role central; licenses { preferred-edition } }", "link a -- b"]);
  });

  it("keeps both kinds of comment, with their spans, out of the tree", () => {
    const text = '// about A\nnetwork "A" { /* inline */ release 6.0 } // end\n/* last */';
    const source = parse(text);
    expect(source.syntaxErrors).toEqual([]);
    expect(source.comments.map((comment) => [comment.kind, comment.text, text.slice(comment.span.start, comment.span.end)])).toEqual([
      ["line", "// about A", "// about A"],
      ["block", "/* inline */", "/* inline */"],
      ["line", "// end", "// end"],
      ["block", "/* last */", "/* last */"],
    ]);
    expect(outline(text)).toEqual(['network "A"', "release 6.0"]);
  });

  it("gives every node a span that covers its text", () => {
    const text = 'network "A" {\n  office hq { role central }\n  link hq -- b { group-id 7 }\n}\n';
    const network = parse(text).network!;
    expect(text.slice(network.span.start, network.span.end)).toBe(text.trimEnd());
    const [office, link] = network.items;
    expect(text.slice(office!.span.start, office!.span.end)).toBe("office hq { role central }");
    expect(text.slice(link!.span.start, link!.span.end)).toBe("link hq -- b { group-id 7 }");
  });

  it("unescapes strings", () => {
    const network = parse('network "say \\"hi\\" \\\\ bye" { }').network!;
    expect(network.name?.value).toBe('say "hi" \\ bye');
    expect(network.name?.raw).toBe('"say \\"hi\\" \\\\ bye"');
  });
});
