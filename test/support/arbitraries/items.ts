/**
 * The shape every network generator builds: a tree of items, each a line of words with an optional
 * block. It is the syntax tree at the level of tokens, so generators and mutations can work on
 * declarations and properties without knowing the parser's types, and layout.ts can write one tree
 * out in many ways.
 */

/** A property (`role central`) or a declaration with a block (`office hq { … }`). */
export interface Item {
  readonly head: readonly string[];
  readonly block?: readonly Item[];
  /** Written with a trailing `;`. */
  readonly semicolon?: boolean;
}

/** The item's tokens in reading order. */
export function tokensOf(item: Item): string[] {
  const tokens = [...item.head];
  if (item.block) tokens.push("{", ...item.block.flatMap(tokensOf), "}");
  if (item.semicolon) tokens.push(";");
  return tokens;
}

/** What kind of block an item's block is, from its head: `office`, `server`, `link`, `licenses`, `network`. */
export function blockKind(item: Item): string {
  return item.head[0] ?? "";
}

/** A copy of `item` with its block's entries replaced. */
export function withBlock(item: Item, block: readonly Item[]): Item {
  return { ...item, block };
}
