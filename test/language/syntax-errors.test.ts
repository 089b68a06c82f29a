import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { syntaxErrorsOf } from "./syntax.js";

const acme = readFileSync(new URL("../../examples/acme.scn", import.meta.url), "utf8");

/** A small clean network, one item per line, to break in one place at a time. Line 1 is the
 * header; the rest follow this order, so tests can name lines. */
function lines(...body: string[]): string {
  return ['network "A" {', ...body.map((line) => `  ${line}`), "}", ""].join("\n");
}

// Each mistake gives one syntax-error with a message written for people and the exact range
// (start and exclusive end, "line:column-line:column").
describe("syntax errors: message and exact range", () => {
  it("a missing '}' in the middle: the unclosed block, where it opened, at the next declaration", () => {
    const text = lines(
      "release 6.0",                                           // 2
      'voicemail-password env "VM"',                           // 3
      "",                                                      // 4
      'server vm-hq { role central address 10.0.0.10 mail-domain "hq.example.com" }', // 5
      "",                                                      // 6
      "// offices",                                            // 7
      "",                                                      // 8
      "",                                                      // 9
      "",                                                      // 10
      "",                                                      // 11
      "office hq {",                                           // 12
      "  role central",                                        // 13
      "  licenses { preferred-edition }",                      // 14
      "office branch { address 10.0.1.1 }",                    // 15
    );
    expect(syntaxErrorsOf(text)).toEqual([
      { message: "unclosed block 'office hq' opened at 12:3: expected '}' before 'office'", at: "15:3-15:9" },
    ]);
    const { diagnostics } = checkText(text);
    expect(diagnostics.find((diagnostic) => diagnostic.ruleId === "syntax-error")?.related).toEqual([{ message: "the block 'office hq' opens here", span: { start: text.indexOf("office hq {"), end: text.indexOf("office hq {") + 11 } }]);
  });

  it("a missing '}' at the end of the file: just after the last token", () => {
    const text = 'network "A" {\n  release 6.0\n  office hq {\n    role central\n';
    expect(syntaxErrorsOf(text)).toEqual([
      { message: "unclosed block 'office hq' opened at 3:3: expected '}' before the end of the file", at: "4:17-4:17" },
    ]);
  });

  it("the network's own '}' missing", () => {
    expect(syntaxErrorsOf('network "A" {\n  release 6.0\n')).toEqual([
      { message: "unclosed block 'network \"A\"' opened at 1:1: expected '}' before the end of the file", at: "2:14-2:14" },
    ]);
  });

  it("a stray token", () => {
    expect(syntaxErrorsOf(lines("release 6.0", "office hq { role central 42 }"))).toEqual([
      { message: "unexpected '42' in an office block; expected one of role, address, release, users, voicemail, uses and licenses, or '}'", at: "3:28-3:30" },
    ]);
  });

  it("a file that is not a network at all (JSON from a glob): one error, not one per stray character", () => {
    expect(syntaxErrorsOf('{\n  "path": "offices/hq.json",\n  "sha256": [1, 2]\n}\n')).toEqual([
      { message: "expected a network declaration such as network \"Acme\" { … }; found '{'", at: "1:1-1:2" },
    ]);
    // Stray characters before the first grammar error are still reported.
    expect(syntaxErrorsOf('@ office hq { }: x\n').map((error) => error.message)).toEqual([
      "unexpected character '@'",
      "expected a network declaration such as network \"Acme\" { … }; found 'office'",
    ]);
  });

  it("a stray character", () => {
    expect(syntaxErrorsOf(lines("release 6.0 @", "office hq { role central }"))).toEqual([
      { message: "unexpected character '@'", at: "2:15-2:16" },
    ]);
  });

  it("a minus sign before a number says that numbers have no sign", () => {
    expect(syntaxErrorsOf(lines("release 6.0", "office hq { role central users -5 }"))).toEqual([
      { message: "unexpected '-' before a number: numbers are written without a sign, and none of them can be negative", at: "3:34-3:35" },
    ]);
  });

  it("a run of stray characters is one error; invisible ones are shown by code point", () => {
    expect(syntaxErrorsOf(lines("release 6.0 @#$", "office hq { role\u0007 central\u00a0}"))).toEqual([
      { message: "unexpected characters '@#$'", at: "2:15-2:18" },
      { message: "unexpected character 'U+0007'", at: "3:19-3:20" },
      { message: "unexpected character 'U+00A0'", at: "3:28-3:29" },
    ]);
  });

  it("an unterminated string: up to where the string most likely ends", () => {
    expect(syntaxErrorsOf(lines('server vm-hq { role central mail-domain "hq.example.com }'))).toEqual([
      { message: "unterminated string: add a closing '\"' before the end of the line", at: "2:43-2:58" },
    ]);
    expect(syntaxErrorsOf('network "A {\n}\n')).toEqual([
      { message: "unterminated string: add a closing '\"' before the end of the line", at: "1:9-1:11" },
    ]);
  });

  it("an unknown escape in a string", () => {
    expect(syntaxErrorsOf(lines('server vm-hq { mail-domain "hq\\.example.com" }'))).toEqual([
      { message: "unknown escape '\\.' in a string; only \\\" and \\\\ are allowed", at: "2:33-2:35" },
    ]);
  });

  it("a misspelt value gets a did-you-mean, as a misspelt property name does", () => {
    expect(syntaxErrorsOf(lines("server s { role centrl }")).map((error) => error.message)).toEqual([
      "expected a server role (central, backup or distributed), found 'centrl'; did you mean 'central'?",
    ]);
    expect(syntaxErrorsOf(lines("office hq { uses umss }")).map((error) => error.message)).toEqual([
      "expected at least one feature after 'uses' (ums, contact-store or tts), found 'umss'; did you mean 'ums'?",
    ]);
    expect(syntaxErrorsOf(lines("server s { platform linx }")).map((error) => error.message)).toEqual([
      "expected a platform (windows, linux, ucm or application-server), found 'linx'; did you mean 'linux'?",
    ]);
    expect(syntaxErrorsOf(lines("server s { failback automatc }")).map((error) => error.message)).toEqual([
      "expected a failback option (manual, graceful or automatic), found 'automatc'; did you mean 'automatic'?",
    ]);
    // Nothing close: no guess.
    expect(syntaxErrorsOf(lines("server s { platform solaris }")).map((error) => error.message)).toEqual([
      "expected a platform (windows, linux, ucm or application-server), found 'solaris'",
    ]);
  });

  it("a value of the wrong type", () => {
    expect(syntaxErrorsOf(lines("release 6"))).toEqual([{ message: "expected a release such as 6.0, found '6'", at: "2:11-2:12" }]);
    expect(syntaxErrorsOf(lines("office hq { users many }"))).toEqual([{ message: "expected a whole number, found 'many'", at: "2:21-2:25" }]);
    expect(syntaxErrorsOf(lines("office hq { address 10.0.0 }"))).toEqual([
      { message: 'expected an address: an IPv4 address such as 10.0.0.1, or an IPv6 address as a string such as "fd00::10", found \'10.0.0\'', at: "2:23-2:29" },
    ]);
    expect(syntaxErrorsOf(lines("office hq { role centrl }"))).toEqual([
      { message: "expected an office role (central, fallback or member), found 'centrl'; did you mean 'central'?", at: "2:20-2:26" },
    ]);
    expect(syntaxErrorsOf(lines("server s { failback sometimes }"))).toEqual([
      { message: "expected a failback option (manual, graceful or automatic), found 'sometimes'", at: "2:23-2:32" },
    ]);
    // An unquoted word after the key is the password written without quotes: never quoted back.
    expect(syntaxErrorsOf(lines("voicemail-password VM"))).toEqual([
      { message: 'expected a password: env "VARIABLE" (recommended) or a string, found \'********\'', at: "2:22-2:24" },
    ]);
  });

  it("a missing value at the end of a line points at its key, not at the next line", () => {
    expect(syntaxErrorsOf(lines("release", "office hq { }"))).toEqual([{ message: "expected a release such as 6.0, found 'office'", at: "2:3-2:10" }]);
  });

  it("a reserved word as a name says so", () => {
    expect(syntaxErrorsOf(lines("office link { }"))).toEqual([
      { message: "'link' is a reserved word and cannot be used as a name; choose another, such as 'link-1'", at: "2:10-2:14" },
    ]);
    // Once where the device is declared; at each reference only when nothing declares it.
    expect(syntaxErrorsOf(lines("server central { }", "office hq { voicemail central }", "link hq -- office"))).toEqual([
      { message: "'central' is a reserved word and cannot be used as a name; choose another, such as 'central-1'", at: "2:10-2:17" },
      { message: "'office' is a reserved word and cannot be used as a name; choose another, such as 'office-1'", at: "4:14-4:20" },
    ]);
  });

  it("a property in the wrong block names the block and what it holds", () => {
    expect(syntaxErrorsOf(lines("office hq { mail-domain \"x.example.com\" }"))).toEqual([
      { message: "'mail-domain' is not allowed in an office block; an office block holds role, address, release, users, voicemail, uses and licenses", at: "2:15-2:26" },
    ]);
    expect(syntaxErrorsOf(lines("server s { users 5 }"))).toEqual([
      { message: "'users' is not allowed in a server block; a server block holds role, address, version, mail-domain, platform and failback", at: "2:14-2:19" },
    ]);
    expect(syntaxErrorsOf(lines("link a -- b { role central }"))).toEqual([
      { message: "'role' is not allowed in a link block; a link block holds group-id", at: "2:17-2:21" },
    ]);
  });

  it("an unknown word suggests the closest keyword and loses nothing after it", () => {
    const text = lines("release 6.0", "offce hq { role central }", "office branch { rol member users 5 }", "office east { licences { ums 1 } }");
    expect(syntaxErrorsOf(text)).toEqual([
      { message: "unknown declaration 'offce' in a network block; did you mean 'office'? a network block holds release, voicemail-password, server, office, link and accept-failure", at: "3:3-3:8" },
      { message: "unknown property 'rol' in an office block; did you mean 'role'? an office block holds role, address, release, users, voicemail, uses and licenses", at: "4:19-4:22" },
      { message: "unknown property 'licences' in an office block; did you mean 'licenses'? an office block holds role, address, release, users, voicemail, uses and licenses", at: "5:17-5:25" },
    ]);
  });

  it("nothing after 'uses'", () => {
    expect(syntaxErrorsOf(lines("office hq { uses }"))).toEqual([
      { message: "expected at least one feature after 'uses' (ums, contact-store or tts), found '}'", at: "2:20-2:21" },
    ]);
    expect(syntaxErrorsOf(lines("office hq {", "  uses", "}"))).toEqual([
      { message: "expected at least one feature after 'uses' (ums, contact-store or tts), found '}'", at: "3:5-3:9" },
    ]);
  });

  it("a link without '--'", () => {
    expect(syntaxErrorsOf(lines("link a b"))).toEqual([
      { message: "expected '--' between the two offices of a link, as in link hq -- east, found 'b'", at: "2:10-2:11" },
    ]);
    expect(syntaxErrorsOf(lines("link a - b", "link c — d"))).toEqual([
      { message: "expected '--' between the two offices of a link, as in link hq -- east, found '-'", at: "2:10-2:11" },
      { message: "expected '--' between the two offices of a link, as in link hq -- east, found '—'", at: "3:10-3:11" },
    ]);
  });

  it("an empty file, and a file of comments", () => {
    const message = 'the file is empty; a .scn file holds one network declaration such as network "Acme" { … }';
    expect(syntaxErrorsOf("")).toEqual([{ message, at: "1:1-1:1" }]);
    expect(syntaxErrorsOf(" \n\t\n")).toEqual([{ message, at: "1:1-1:1" }]);
    expect(syntaxErrorsOf("// nothing yet\n/* still nothing */\n")).toEqual([
      { message: 'the file holds only comments; a .scn file holds one network declaration such as network "Acme" { … }', at: "1:1-1:1" },
    ]);
  });

  it("something other than a network", () => {
    expect(syntaxErrorsOf("office hq { }")).toEqual([
      { message: 'expected a network declaration such as network "Acme" { … }; found \'office\'', at: "1:1-1:7" },
    ]);
  });

  it("a network without its keyword is still read", () => {
    const text = '"Acme" { office hq { users many } }';
    expect(syntaxErrorsOf(text)).toEqual([
      { message: "expected 'network' before the network's name, as in network \"Acme\" { … }", at: "1:1-1:7" },
      { message: "expected a whole number, found 'many'", at: "1:28-1:32" },
    ]);
  });

  it("the network's name unquoted or missing", () => {
    expect(syntaxErrorsOf("network Acme { }")).toEqual([
      { message: "expected the network's name as a string, found 'Acme'; put it in double quotes: network \"Acme\" { … }", at: "1:9-1:13" },
    ]);
    expect(syntaxErrorsOf("network { }")).toEqual([
      { message: "expected the network's name as a string before '{', as in network \"Acme\" { … }", at: "1:9-1:10" },
    ]);
    expect(syntaxErrorsOf('network "A"')).toEqual([
      { message: "expected '{' to open the network block, as in network \"Acme\" { … }; found the end of the file", at: "1:9-1:12" },
    ]);
  });

  it("a second network", () => {
    expect(syntaxErrorsOf(`${acme}\nnetwork "Second" { }\n`)).toEqual([
      { message: "unexpected 'network' after the end of the network block; a file holds one network", at: "37:1-37:8" },
    ]);
  });

  it("a '}' too many in the middle: one error at that brace, and the declarations after it are still read", () => {
    const text = lines(
      "release 6.0",
      'server vm-hq { role central address 10.0.0.10 } }',
      "office hq { role central address 10.0.0.1 licenses { preferred-edition } }",
      "office b { address 10.0.0.2 }",
      "link hq -- b { group-id 5 }",
    );
    expect(syntaxErrorsOf(text)).toEqual([
      { message: "unexpected '}': there is no block to close here, and it would end the network before the declarations that follow; remove it", at: "3:51-3:52" },
    ]);
    // The central office declared after the brace is there: no cascade of role-count errors.
    expect(checkText(text).diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.ruleId)).toEqual(["syntax-error"]);
  });

  it("declarations after a network closed with balanced braces stay outside it", () => {
    expect(syntaxErrorsOf('network "A" {\n  release 6.0\n}\noffice a { }\n')).toEqual([
      { message: "unexpected 'office' after the end of the network block; a file holds one network", at: "4:1-4:7" },
    ]);
  });

  it("an unterminated block comment, once", () => {
    expect(syntaxErrorsOf(lines("release 6.0 /* to be continued", "office hq { }"))).toEqual([
      { message: "unterminated comment: '/*' has no matching '*/'", at: "2:15-2:17" },
    ]);
  });
});

describe("syntax errors: a network property inside another block", () => {
  it("voicemail-password in an office: one error, and the rest of the office and the file are still read", () => {
    const text = lines(
      "release 6.0",                                               // 2
      "server vm-hq { role central address 10.0.0.10 }",           // 3
      "office hq {",                                               // 4
      "  role central",                                            // 5
      "  address 10.0.0.1",                                        // 6
      '  voicemail-password env "VM"',                             // 7
      "  licenses { preferred-edition }",                          // 8
      "}",                                                         // 9
      "office east { address 10.2.0.1 }",                          // 10
      "link hq -- east { group-id 101 }",                          // 11
    );
    expect(syntaxErrorsOf(text)).toEqual([
      { message: "'voicemail-password' is not allowed in an office block: one password is shared by every server and office, so set it once in the network block", at: "7:5-7:23" },
    ]);
    // Before, the network took the password as its own, closed the office early and lost the
    // licences, the second office and the link to a cascade of errors.
    const { diagnostics, network } = checkText(text);
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.ruleId)).toEqual(["syntax-error"]);
    expect(network.offices.map((office) => office.name)).toEqual(["hq", "east"]);
    expect(network.links).toHaveLength(1);
  });

  it("release in a server, a link and a licenses block, and a password in a link", () => {
    expect(syntaxErrorsOf(lines(
      "release 6.0",
      "server vm-hq { role central release 6.0 address 10.0.0.10 }",
      "office hq { role central address 10.0.0.1 licenses { preferred-edition release 6.0 } }",
      "office b { address 10.0.0.2 }",
      'link hq -- b { group-id 5 release 6.0 voicemail-password "x" }',
    ))).toEqual([
      { message: "'release' is not allowed in a server block; a server's release is its 'version' (version 11.1)", at: "3:31-3:38" },
      { message: "'release' is not allowed in a licenses block; a licenses block holds preferred-edition, voicemail-pro, voicemail-ports, ums, contact-store and tts", at: "4:74-4:81" },
      { message: "'release' is not allowed in a link block; a link block holds group-id", at: "6:29-6:36" },
    ]);
  });
});
