import { chmod, copyFile, link, lstat, mkdir, readdir, readlink, stat, symlink, utimes } from "node:fs/promises";
import path from "node:path";
import { CliFailure } from "./failure.js";
import { shownUnder } from "./shown-path.js";

/** Recreates `from`'s tree under `to`, except the owned paths: directories with their modes,
 * files as hard links (a copy with the same mode and times where linking is not allowed), and
 * symbolic links as links to the same target. */
export async function carryOver(from: string, to: string, relative: string, owned: ReadonlySet<string>, display: string, device?: number): Promise<void> {
  const rootDevice = device ?? (await lstat(from)).dev;
  for (const entry of await readdir(path.join(from, relative), { withFileTypes: true })) {
    const entryRelative = relative === "" ? entry.name : `${relative}/${entry.name}`;
    if (owned.has(entryRelative)) continue;
    const source = path.join(from, entryRelative);
    const target = path.join(to, entryRelative);
    if (entry.isDirectory()) {
      if ((await lstat(source)).dev !== rootDevice) throw mountPointInside(shownUnder(display, entryRelative));
      await mkdir(target);
      await carryOver(from, to, entryRelative, owned, display, rootDevice);
      await chmod(target, (await stat(source)).mode & 0o7777);
    } else if (entry.isSymbolicLink()) {
      await symlink(await readlink(source), target);
    } else if (entry.isFile()) {
      await link(source, target).catch(async () => {
        const info = await lstat(source);
        await copyFile(source, target);
        await utimes(target, info.atime, info.mtime);
      });
    } else {
      throw new CliFailure(`${shownUnder(display, entryRelative)}: is a socket, FIFO or device; build cannot carry it over, so move it away`);
    }
  }
}

/** One line for a mount inside the output directory, said before build renames anything. */
export function mountPointInside(shown: string): CliFailure {
  return new CliFailure(`${shown}: is a mount point inside the output directory; build replaces the directory by renaming it, ` +
    "so unmount it or move the output elsewhere first");
}
