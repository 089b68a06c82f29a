import fc from "fast-check";
import { tokensOf, type Item } from "./items.js";

/**
 * Writing an item tree out as `.scn` text, two ways: "messy" (comments and uneven whitespace between
 * every pair of tokens, sometimes Windows line ends) and "tidy" (one item per line or whole blocks on
 * one line, as people write by hand, optionally with suppression comments before items).
 *
 * A layout is plain data (a kind and a seed for its choices), so a counterexample prints it and one
 * layout can write several trees, or one tree twice, the same way.
 */

export interface Layout {
  readonly kind: "messy" | "tidy";
  /** Seeds the choice of gaps, comments and line breaks. */
  readonly seed: number;
  /** Windows line ends (messy only; tidy text uses `\n`). */
  readonly crlf: boolean;
  /** Put `scnc-disable-next-line` comments naming common rules before some items. */
  readonly suppressions: boolean;
}

export interface GeneratedFile {
  readonly text: string;
  /** Every comment in the text, as written. */
  readonly comments: readonly string[];
}

/** Rules that fire often on generated networks, for suppression comments to name. */
export const suppressibleRules = ["group-id-missing", "duplicate-name", "unknown-reference", "missing-role", "invalid-value", "duplicate-property",
  "duplicate-address", "missing-release", "central-office-count", "unneeded-license", "feature-license", "self-link"];

/** A small deterministic generator (mulberry32): the layout's choices follow from its seed alone. */
function chooser(seed: number): (count: number) => number {
  let state = seed >>> 0;
  return (count) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return Math.floor((((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296) * count);
  };
}

/** What goes between two tokens in a messy file, and the comment it holds, if any. */
function messyGap(choose: (count: number) => number, id: number, suppressions: boolean): { text: string; comment?: string } {
  const roll = choose(suppressions ? 19 : 18);
  if (roll < 12) return { text: [" ", "\n  ", "\t"][roll % 3] as string };
  if (roll < 15) return { text: roll === 12 ? "\n\n  " : "\n\n\n\n" };
  switch (roll) {
    case 15: return { text: ` // c${id} note\n`, comment: `// c${id} note` };
    case 16: return { text: ` /* c${id} */ `, comment: `/* c${id} */` };
    case 17: return choose(2) === 0
      ? { text: ` /* c${id}\n     second line */ `, comment: `/* c${id}\n     second line */` }
      : { text: `\n  // c${id} own line\n  `, comment: `// c${id} own line` };
    default: {
      const comment = `// scnc-disable-next-line ${suppressibleRules[choose(suppressibleRules.length)] as string} -- c${id}`;
      return { text: `\n  ${comment}\n`, comment };
    }
  }
}

function messyText(item: Item, layout: Layout): GeneratedFile {
  const choose = chooser(layout.seed);
  const tokens = tokensOf(item);
  const comments: string[] = [];
  let text = "";
  for (let index = 0; index <= tokens.length; index++) {
    const gap = messyGap(choose, index, layout.suppressions);
    if (gap.comment) comments.push(gap.comment);
    text += (index === 0 ? "" : tokens[index - 1]) + gap.text;
  }
  if (!layout.crlf) return { text, comments };
  return { text: text.replace(/\n/g, "\r\n"), comments: comments.map((comment) => comment.replace(/\n/g, "\r\n")) };
}

function tidyLines(item: Item, choose: (count: number) => number, suppressions: boolean, indent: string, lines: string[], comments: string[]): void {
  if (choose(2) === 0 && indent !== "") lines.push("");
  if (suppressions && choose(4) === 0) {
    const comment = `// scnc-disable-next-line ${suppressibleRules[choose(suppressibleRules.length)] as string}`;
    lines.push(indent + comment);
    comments.push(comment);
  }
  if (!item.block || item.block.length === 0 || choose(2) === 0) {
    lines.push(indent + tokensOf(item).join(" "));
    return;
  }
  lines.push(`${indent}${item.head.join(" ")} {`);
  for (const child of item.block) tidyLines(child, choose, suppressions, `${indent}  `, lines, comments);
  lines.push(`${indent}}${item.semicolon ? ";" : ""}`);
}

/** The tree written out in the given layout. */
export function writeLayout(item: Item, layout: Layout): GeneratedFile {
  if (layout.kind === "messy") return messyText(item, layout);
  const lines: string[] = [];
  const comments: string[] = [];
  tidyLines(item, chooser(layout.seed), layout.suppressions, "", lines, comments);
  return { text: lines.join("\n") + "\n", comments };
}

export interface LayoutOptions {
  readonly kinds?: readonly Layout["kind"][];
  /** Allow suppression comments (default true). Off where a test needs every diagnostic to show. */
  readonly suppressions?: boolean;
}

export function layouts(options: LayoutOptions = {}): fc.Arbitrary<Layout> {
  return fc.record({
    kind: fc.constantFrom(...(options.kinds ?? ["tidy", "messy"] as const)),
    seed: fc.nat(),
    crlf: fc.boolean(),
    suppressions: options.suppressions === false ? fc.constant(false) : fc.boolean(),
  }).map((layout) => (layout.kind === "tidy" ? { ...layout, crlf: false } : layout));
}

/** A tree from `trees`, written out in a layout from `layouts(options)`. */
export function laidOut(trees: fc.Arbitrary<Item>, options: LayoutOptions = {}): fc.Arbitrary<GeneratedFile> {
  return fc.tuple(trees, layouts(options)).map(([item, layout]) => writeLayout(item, layout));
}
