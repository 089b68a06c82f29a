import { describe, expect, it } from "vitest";
import { checkText } from "../../src/check.js";
import { rules } from "../../src/rules/index.js";
import { lex } from "../../src/language/lexer.js";
import { LineIndex } from "../../src/language/line-index.js";
import { parse } from "../../src/language/parse.js";
import { runCli } from "../support/cli.js";
import { network } from "../support/networks.js";
import { syntaxErrorsOf } from "./syntax.js";

// Decisions where LANGUAGE.md is silent; each is written down in docs/language.md.

/** What the "Language and references" rules say: the decisions here are about the language. */
function findings(text: string): string[] {
  const languageRules = rules.filter((rule) => rule.category === "Language and references");
  return checkText(text, { rules: languageRules }).diagnostics.map((diagnostic) => {
    const start = new LineIndex(text).positionAt(diagnostic.span.start);
    return `${start.line}:${start.column} ${diagnostic.ruleId}: ${diagnostic.message}`;
  });
}

describe("positions", () => {
  it("columns count UTF-16 code units: a character outside the BMP counts two", () => {
    expect(syntaxErrorsOf('network "😀" { release 6 }')).toEqual([{ message: "expected a release such as 6.0, found '6'", at: "1:24-1:25" }]);
  });

  it("a tab counts one column", () => {
    expect(syntaxErrorsOf('network "A" {\n\trelease 6\n}')).toEqual([{ message: "expected a release such as 6.0, found '6'", at: "2:10-2:11" }]);
  });

  it("\\r\\n line ends count as one line end, and comments do not include the \\r", () => {
    const text = 'network "A" {\r\n  release 6 // old\r\n}\r\n';
    expect(syntaxErrorsOf(text)).toEqual([{ message: "expected a release such as 6.0, found '6'", at: "2:11-2:12" }]);
    expect(parse(text).comments.map((comment) => comment.text)).toEqual(["// old"]);
    expect(new LineIndex(text).lineText(2)).toBe("  release 6 // old");
  });

  it("a leading byte order mark is not part of the text", () => {
    expect(syntaxErrorsOf(`\uFEFF${network()}`)).toEqual([]);
    expect(lex("\uFEFFnetwork").tokens.map((token) => [token.image, token.startOffset])).toEqual([["network", 1]]);
  });

  it("the CLI drops the byte order mark, so columns on line 1 are as the user sees them", async () => {
    const run = await runCli(["check", "bom.scn"], { cwd: new URL("./fixtures", import.meta.url).pathname });
    expect(run.stdout).toContain("bom.scn:1:9 error syntax-error expected the network's name as a string, found 'Bom'");
  });
});

describe("values", () => {
  it("a number after manual or graceful parses, so failback-timeout-range can explain it", () => {
    const text = network({ servers: ["server vm-hq { role central address 10.0.0.10 failback graceful 10 }"] });
    expect(syntaxErrorsOf(text)).toEqual([]);
    const server = checkText(text).network.servers[0];
    expect(server?.failback?.mode.value).toBe("graceful");
    expect(server?.failback?.minutes?.value).toBe(10);
  });

  it("an IPv4 address is also accepted as a string", () => {
    const text = network({ servers: ['server vm-hq { role central address "10.0.0.10" }'] });
    expect(findings(text)).toEqual([]);
    const net = checkText(text).network;
    expect(net.servers[0]?.address?.value).toEqual({ text: "10.0.0.10", family: 4 });
  });

  it("an IPv6 address is normalized, so duplicates are found however they are written", () => {
    const text = network({ servers: ['server vm-hq { role central address "FD00:0::10" }', 'server vm-dr { role backup address "fd00::10" }'] });
    expect(checkText(text).network.servers[0]?.address?.value).toEqual({ text: "fd00::10", family: 6 });
    expect(findings(text).filter((finding) => finding.includes("duplicate-address"))).toHaveLength(1);
  });

  it("IPv4 parts with leading zeros are invalid (some systems read them as octal)", () => {
    expect(findings(network({ servers: ["server vm-hq { role central address 10.0.0.010 }"] }))).toEqual([
      "3:39 invalid-value: server 'vm-hq' has an invalid address 10.0.0.010: '010' has a leading zero, which some systems read as octal",
    ]);
  });

  it("quantities have ranges: users up to 100000, additional ports up to 250, feature licences up to 100000", () => {
    const text = network({
      offices: ["office hq { role central address 10.0.0.1 users 100001 licenses { preferred-edition voicemail-ports 251 ums 100001 } }"],
    });
    expect(findings(text)).toEqual([
      "4:51 invalid-value: office 'hq' has an invalid number of users 100001: number of users is 0–100000",
      "4:103 invalid-value: office 'hq' has an invalid number of additional voicemail ports 251: number of additional voicemail ports is 0–250",
      "4:111 invalid-value: office 'hq' has an invalid number of UMS licences 100001: number of UMS licences is 0–100000",
    ]);
    const limits = network({ offices: ["office hq { role central address 10.0.0.1 users 100000 licenses { preferred-edition voicemail-ports 250 ums 100000 } }"] });
    expect(findings(limits)).toEqual([]);
  });

  it("integers may have leading zeros: users 007 is 7", () => {
    const office = checkText(network({ offices: ["office hq { role central users 007 licenses { preferred-edition } }"] })).network.offices[0];
    expect(office?.users?.value).toBe(7);
  });

  it("a release has parts up to 99; 6.00 is 6.0", () => {
    expect(findings(network({ release: "100.0" }))).toEqual(["2:11 invalid-value: invalid release 100.0: no IP Office release has a part above 99"]);
    expect(checkText(network({ release: "6.00" })).network.release?.value.text).toBe("6.0");
  });

  it("names longer than 63 characters are invalid-value", () => {
    const long = `o${"x".repeat(63)}`;
    expect(findings(network({ offices: ["office hq { role central licenses { preferred-edition } }", `office ${long} { }`] }))).toEqual([
      "5:10 invalid-value: invalid name 'oxxxxxxxxxxxxxxxxxxx…': it is 64 characters long; names have at most 63",
    ]);
    expect(findings(network({ offices: ["office hq { role central licenses { preferred-edition } }", `office ${long.slice(1)} { }`] }))).toEqual([]);
  });

  it("a mail domain needs a dot and is compared without case", () => {
    expect(findings(network({ servers: ['server vm-hq { role central mail-domain "localhost" }'] }))).toEqual([
      "3:43 invalid-value: server 'vm-hq' has an invalid mail domain \"localhost\": a mail domain is a DNS name with at least one dot, such as vm1.example.com",
    ]);
    const server = checkText(network({ servers: ['server vm-hq { role central mail-domain "VM.Example.COM" }'] })).network.servers[0];
    expect(server?.mailDomain?.value).toBe("vm.example.com");
  });

  it("a feature listed twice in one 'uses' is invalid-value", () => {
    expect(findings(network({ offices: ["office hq { role central uses ums ums licenses { preferred-edition ums 1 } }"] }))).toEqual([
      "4:37 invalid-value: feature 'ums' is listed twice in 'uses'",
    ]);
  });

  it("preferred-edition and voicemail-pro are one licence: giving both is a duplicate-property", () => {
    expect(findings(network({ offices: ["office hq { role central licenses { preferred-edition voicemail-pro } }"] }))).toEqual([
      "4:57 duplicate-property: 'voicemail-pro' is given twice in the licenses of office 'hq'; keep one (a repeated property is an error, not an override)",
    ]);
  });

  it("an environment variable name is one a shell accepts", () => {
    expect(findings(network({ properties: ['voicemail-password env "VM-PASSWORD"'] }))).toEqual([
      "3:26 invalid-value: invalid environment variable \"VM-PASSWORD\": an environment variable name holds letters, digits and '_' and does not start with a digit",
    ]);
  });
});

describe("syntax", () => {
  it("';' is ignored wherever an item may stand", () => {
    expect(findings(`${network().replace("release 6.0", "release 6.0;;").trimEnd()};\n`)).toEqual([]);
  });

  it("names are case-sensitive, but names that differ only in case are duplicate-name", () => {
    expect(findings(network({ offices: ["office hq { role central licenses { preferred-edition } }", "office HQ { }"] }))).toEqual([
      "5:10 duplicate-name: office 'HQ' differs from office 'hq' only in case; names become file names, which case-insensitive file systems would merge, so rename one of them",
    ]);
  });

  it("a--b is a, '--', b", () => {
    expect(lex("link a--b").tokens.map((token) => token.image)).toEqual(["link", "a", "--", "b"]);
    expect(lex("link a-1 -- b-c-d").tokens.map((token) => token.image)).toEqual(["link", "a-1", "--", "b-c-d"]);
  });

  it("keywords are reserved in every position a name can take", () => {
    expect(syntaxErrorsOf(network({ offices: ["office hq { role central licenses { preferred-edition } }", "office ums { }"] }))[0]?.message)
      .toBe("'ums' is a reserved word and cannot be used as a name; choose another, such as 'ums-1'");
  });

  it("digits and dots in any other shape are one malformed number", () => {
    expect(lex("10.0.0 1.2.3.4.5 6.0 7").tokens.map((token) => `${token.tokenType.name}:${token.image}`)).toEqual([
      "MalformedNumber:10.0.0", "MalformedNumber:1.2.3.4.5", "Release:6.0", "Integer:7",
    ]);
  });
});
