import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatText } from "../../src/format/format.js";

async function format(text: string): Promise<string> {
  const result = await formatText(text);
  if (!result.ok) throw new Error(result.diagnostics.map((diagnostic) => diagnostic.message).join("\n"));
  return result.formatted;
}

/** Lines joined with `\n`, plus the final newline every formatted file ends with. */
function lines(...text: string[]): string {
  return text.join("\n") + "\n";
}

describe("the canonical layout", () => {
  it("breaks network, server and office blocks one item per line and drops ';'", async () => {
    expect(await format('network "N" { release 6.0; server vm { role central; address 10.0.0.10 } office hq { role central } }')).toBe(lines(
      'network "N" {',
      "  release 6.0",
      "  server vm {",
      "    role central",
      "    address 10.0.0.10",
      "  }",
      "  office hq {",
      "    role central",
      "  }",
      "}",
    ));
  });

  it("keeps short licences and link blocks on one line, and breaks long ones", async () => {
    const long = "licenses { preferred-edition voicemail-ports 8 ums 40 contact-store 12 tts 4 voicemail-ports 2 }";
    expect(await format(`network "N" {\n office hq {\n licenses {\n preferred-edition\n }\n ${long} }\n link hq -- b {\n group-id 1\n }\n link b -- c {}\n link c -- d\n}`)).toBe(lines(
      'network "N" {',
      "  office hq {",
      "    licenses { preferred-edition }",
      "    licenses {",
      "      preferred-edition",
      "      voicemail-ports 8",
      "      ums 40",
      "      contact-store 12",
      "      tts 4",
      "      voicemail-ports 2",
      "    }",
      "  }",
      "  link hq -- b { group-id 1 }",
      "  link b -- c {}",
      "  link c -- d",
      "}",
    ));
  });

  it("puts two spaces between the entries of a one-line block, one when comments sit among them", async () => {
    expect(await format('network "N" {\n  office o { licenses { preferred-edition voicemail-ports 8 ums 40 } }\n  link a -- b { group-id 1; group-id 2 }\n}')).toBe(lines(
      'network "N" {',
      "  office o {",
      "    licenses { preferred-edition  voicemail-ports 8  ums 40 }",
      "  }",
      "  link a -- b { group-id 1  group-id 2 }",
      "}",
    ));
    expect(await format('network "N" {\n  office o { licenses /* held */ { preferred-edition /* 4 ports */ voicemail-ports 8 } }\n}')).toBe(lines(
      'network "N" {',
      "  office o {",
      "    licenses /* held */ { preferred-edition /* 4 ports */ voicemail-ports 8 }",
      "  }",
      "}",
    ));
  });

  it("keeps one blank line where the user left one or more, and none inside braces", async () => {
    expect(await format('network "N" {\n\n\n  release 6.0\n\n\n\n  office a {\n\n    role central\n\n\n    users 3\n\n  }\n  office b {}\n\n}\n\n\n')).toBe(lines(
      'network "N" {',
      "  release 6.0",
      "",
      "  office a {",
      "    role central",
      "",
      "    users 3",
      "  }",
      "  office b {}",
      "}",
    ));
  });

  it("prints values as written and removes alignment", async () => {
    expect(await format('network "A \\"B\\"" {\n  voicemail-password   env   "X"\n  server s { address "FD00::10"  failback automatic 5 }\n  office o { uses ums   tts }\n}')).toBe(lines(
      'network "A \\"B\\"" {',
      '  voicemail-password env "X"',
      "  server s {",
      '    address "FD00::10"',
      "    failback automatic 5",
      "  }",
      "  office o {",
      "    uses ums tts",
      "  }",
      "}",
    ));
  });

  it("writes \\n line ends whatever the input used", async () => {
    expect(await format('network "N" {\r\n  release 6.0 // r\r\n}\r\n')).toBe(lines('network "N" {', "  release 6.0 // r", "}"));
  });

  it("formats the before of docs/formatting.md into its after", async () => {
    const page = readFileSync(new URL("../../docs/formatting.md", import.meta.url), "utf8");
    const before = /```scn before\n([\s\S]*?)```/.exec(page)?.[1];
    const after = /```scn after\n([\s\S]*?)```/.exec(page)?.[1];
    expect(before).toBeDefined();
    expect(await format(before as string)).toBe(after);
  });

  it("formats examples/acme.scn stably", async () => {
    const acme = readFileSync(new URL("../../examples/acme.scn", import.meta.url), "utf8");
    const once = await format(acme);
    expect(await format(once)).toBe(once);
  });
});

describe("comments", () => {
  it("keeps a comment inside an empty block inside it", async () => {
    expect(await format('network "N" {\n  office a { // todo\n  }\n  office b { licenses { /* none yet */ } }\n  link a -- b { /* later */ }\n  server s {\n    /* one */ /* two */\n  }\n}')).toBe(lines(
      'network "N" {',
      "  office a {",
      "    // todo",
      "  }",
      "  office b {",
      "    licenses { /* none yet */ }",
      "  }",
      "  link a -- b { /* later */ }",
      "  server s {",
      "    /* one */ /* two */",
      "  }",
      "}",
    ));
  });

  it("keeps a comment in an empty network and after its closing brace", async () => {
    expect(await format('// head\n\nnetwork "N" {   // first\n  // only\n} // tail\n\n// end\n')).toBe(lines(
      "// head",
      "",
      'network "N" {',
      "  // first",
      "  // only",
      "} // tail",
      "",
      "// end",
    ));
  });

  it("keeps a comment after '{' on the brace's line", async () => {
    expect(await format('network "N" {\n  office a {   // remote\n    role member\n  }\n  office b { licenses { // why\n    tts 1 } }\n}')).toBe(lines(
      'network "N" {',
      "  office a { // remote",
      "    role member",
      "  }",
      "  office b {",
      "    licenses { // why",
      "      tts 1",
      "    }",
      "  }",
      "}",
    ));
  });

  it("keeps comments at the end of lines and before the closing brace", async () => {
    expect(await format('network "N" {\n  office a {\n    role central   // the hub\n    users 5 /* about */\n\n    // trailing note\n  }\n}')).toBe(lines(
      'network "N" {',
      "  office a {",
      "    role central // the hub",
      "    users 5 /* about */",
      "",
      "    // trailing note",
      "  }",
      "}",
    ));
  });

  it("keeps comments between declarations, with their blank lines", async () => {
    expect(await format('network "N" {\n  release 6.0\n\n\n  // Servers\n\n  server s {}\n  // Offices\n  office o {}\n}')).toBe(lines(
      'network "N" {',
      "  release 6.0",
      "",
      "  // Servers",
      "",
      "  server s {}",
      "  // Offices",
      "  office o {}",
      "}",
    ));
  });

  it("keeps block comments inside a line in place", async () => {
    expect(await format('network /* n */ "N" {\n  link a /* x */ -- /* y */ b\n  office o { role /* r */ central licenses /* l */ {} }\n}')).toBe(lines(
      'network /* n */ "N" {',
      "  link a /* x */ -- /* y */ b",
      "  office o {",
      "    role /* r */ central",
      "    licenses /* l */ {}",
      "  }",
      "}",
    ));
  });

  it("moves a line comment written inside a one-line item to just before the item", async () => {
    expect(await format('network "N" {\n  link a --\n  // scnc-disable-next-line self-link -- on purpose\n  a\n  office o { role // why\n  central }\n}')).toBe(lines(
      'network "N" {',
      "  // scnc-disable-next-line self-link -- on purpose",
      "  link a -- a",
      "  office o {",
      "    // why",
      "    role central",
      "  }",
      "}",
    ));
  });

  it("keeps a suppression comment on the line before its target", async () => {
    const text = lines(
      'network "N" {',
      "  // scnc-disable-next-line group-id-missing -- planned",
      "  link a -- b",
      "  office a {",
      "    // scnc-disable-next-line unneeded-license",
      "    licenses { preferred-edition }",
      "  }",
      "}",
    );
    expect(await format(text)).toBe(text);
    expect(await format(text.replace("\n  link a -- b", "\n  link a --\n  b"))).toBe(text);
  });

  it("keeps the line structure of a block after a suppression, so the suppression covers the same diagnostics", async () => {
    const text = lines(
      'network "N" {',
      "  // scnc-disable-next-line duplicate-address -- lab copy of hq",
      "  office lab { role member  address 10.0.0.1  licenses { preferred-edition } }",
      "  office hq {",
      "    address 10.0.0.1",
      "    // scnc-disable-next-line unneeded-license",
      "    licenses {",
      "      preferred-edition",
      "    }",
      "  }",
      "  /* scnc-disable-next-line self-link */ link a -- a { group-id 1 }",
      "}",
    );
    expect(await format(text.replace("role member  address", "role member address"))).toBe(text);
  });

  it("keeps the order of comments around a stray ';' on its own line", async () => {
    expect(await format('network "N" {\n  release 6.0\n  // own\n  ; // after\n  office o {}\n}')).toBe(lines(
      'network "N" {',
      "  release 6.0",
      "  // own",
      "  // after",
      "  office o {}",
      "}",
    ));
  });

  it("keeps a multi-line block comment's lines as written", async () => {
    expect(await format('network "N" {\n      /* first\n         second\n      */\n  office o {}\n}')).toBe(lines(
      'network "N" {',
      "  /* first",
      "         second",
      "      */",
      "  office o {}",
      "}",
    ));
  });
});

describe("text that does not parse", () => {
  it("is returned as syntax-error diagnostics, not formatted", async () => {
    const result = await formatText('network "N" {\n  release 6\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.length).toBeGreaterThan(0);
    expect(new Set(result.diagnostics.map((diagnostic) => diagnostic.ruleId))).toEqual(new Set(["syntax-error"]));
  });
});

describe("the plugin on its own, as Prettier's CLI uses it", () => {
  it("rejects text with syntax errors with the first one's position, for Prettier's code frame", async () => {
    const prettier = await import("prettier");
    const plugin = (await import("../../src/format/plugin.js")).default;
    const failure = await prettier.format('network "N" {\n  release 6\n  office a { role centrl }\n}\n', { parser: "scn", plugins: [plugin] })
      .then(() => undefined, (error: unknown) => error as { message: string; loc: unknown });
    expect(failure?.message).toMatch(/^expected a release such as 6\.0, found '6' \(and 1 more syntax error\) \(2:11\)\n/);
    expect(failure?.loc).toEqual({ start: { line: 2, column: 11 }, end: { line: 2, column: 12 } });
  });

  it("formats files with the .scn extension by inferring the parser", async () => {
    const prettier = await import("prettier");
    const plugin = (await import("../../src/format/plugin.js")).default;
    expect(await prettier.format('network "N" { release 6.0 }', { filepath: "a/b.scn", plugins: [plugin] })).toBe('network "N" {\n  release 6.0\n}\n');
  });
});
