import { InvalidArgumentError } from "commander";
import path from "node:path";

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `--shard i/n`, 1 ≤ i ≤ n. */
export function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new InvalidArgumentError(`expected i/n with 1 ≤ i ≤ n (e.g. 2/4), got '${value}'`);
  }
  return { index, count };
}

/** FNV-1a over the path's UTF-16 code units: the same on every machine and Node version. */
function pathHash(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index++) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * The files that belong to one shard. Membership depends only on each file's path relative to the
 * working directory (with `/` separators), not on which other files exist or how the path was
 * written (`nets/a.scn`, `./nets/a.scn`, absolute, Windows), so adding a network to the repository
 * moves no other network to a different CI job, and the shards together hold every file exactly once.
 */
export function filesOfShard(files: readonly string[], shard: Shard, cwd: string): string[] {
  return files.filter((file) => inShard(file, shard, cwd));
}

/** Whether one file belongs to the shard (a file that cannot be read is reported by its own shard only). */
export function inShard(file: string, shard: Shard, cwd: string): boolean {
  return pathHash(shardKey(file, cwd)) % shard.count === shard.index - 1;
}

function shardKey(file: string, cwd: string): string {
  return path.relative(cwd, path.resolve(cwd, file)).split(path.sep).join("/");
}
