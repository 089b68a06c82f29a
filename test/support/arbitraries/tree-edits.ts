import { keywordsByText } from "../../../src/language/tokens.js";
import type { Item } from "./items.js";

/** Finding and changing items in a tree, for near-valid.ts's mistakes. Trees are never changed in
 * place: each edit returns a new tree. */

export interface Located {
  readonly path: readonly number[];
  readonly item: Item;
  /** The head word of the block holding the item (`network`, `office`, `licenses`, …). */
  readonly parent: string;
}

export function locate(root: Item): Located[] {
  const found: Located[] = [];
  const walk = (item: Item, path: number[]): void => {
    (item.block ?? []).forEach((child, index) => {
      found.push({ path: [...path, index], item: child, parent: item.head[0] ?? "" });
      walk(child, [...path, index]);
    });
  };
  walk(root, []);
  return found;
}

/** The tree with the item at `path` replaced by `replacement` (none, one or several items). */
export function replaceAt(root: Item, path: readonly number[], replacement: (item: Item) => Item[]): Item {
  const [index, ...rest] = path;
  if (index === undefined) return root;
  const block = [...(root.block ?? [])];
  const child = block[index] as Item;
  if (rest.length === 0) block.splice(index, 1, ...replacement(child));
  else block[index] = replaceAt(child, rest, replacement);
  return { ...root, block };
}

export function pick<T>(list: readonly T[], at: number): T | undefined {
  return list.length === 0 ? undefined : list[at % list.length];
}

/** A declaration with its name and block (a stray `office` word from another mistake is not one). */
export const isDeclaration = (item: Item): boolean => (item.head[0] === "office" || item.head[0] === "server") && item.head[1] !== undefined && item.block !== undefined;
export const isLink = (item: Item): boolean => item.head[0] === "link" && item.head.length === 4;
export const isProperty = (item: Item): boolean => item.block === undefined && item.head.length >= 1 && !isLink(item);

export function declaredNames(root: Item): string[] {
  return (root.block ?? []).filter(isDeclaration).map((item) => item.head[1] as string);
}

/** A name nobody declared, close to an existing one (so suggestions have work to do). */
export function freshName(root: Item, base: string, choice: number): string {
  const taken = new Set(declaredNames(root).map((name) => name.toLowerCase()));
  const variants = [`${base}x`, `${base.slice(0, -1) || "n"}`, `${base}-2`, `q${base}`, `zz${choice % 97}`];
  for (let offset = 0; offset < variants.length; offset++) {
    const candidate = variants[(choice + offset) % variants.length] as string;
    if (!taken.has(candidate.toLowerCase()) && !keywordsByText.has(candidate) && /^[A-Za-z_][A-Za-z0-9_]*(-[A-Za-z0-9_]+)*$/.test(candidate)) return candidate;
  }
  return `fresh-${choice % 1000}-name`;
}

/** Every occurrence of a device name (declaration, link ends, `voicemail`) renamed. */
export function renameEverywhere(root: Item, from: string, to: string): Item {
  const rename = (item: Item): Item => ({
    ...item,
    head: item.head.map((word, index) =>
      word === from && (index === 1 || (isLink(item) && index === 3) || (item.head[0] === "voicemail" && index === 1)) ? to : word),
    ...(item.block ? { block: item.block.map(rename) } : {}),
  });
  return rename(root);
}

/** The item's tokens, braces included, as one head (a block whose braces are being broken). */
export function flatten(item: Item): string[] {
  return [...item.head, ...(item.block ? ["{", ...item.block.flatMap(flatten), "}"] : []), ...(item.semicolon ? [";"] : [])];
}
