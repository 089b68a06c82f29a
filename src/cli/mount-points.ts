import path from "node:path";
import { readRegularFile } from "./regular-file.js";

/**
 * Mount points at or below `directory` (absolute, symlinks resolved). Build replaces a directory by
 * renaming it aside and deleting the old tree: a mount inside would end up under that hidden tree,
 * and deleting it would reach into the mounted file system, so build refuses before it renames
 * anything. Linux lists every mount in /proc/self/mountinfo, bind mounts of the same file system
 * included; elsewhere this finds none, and a folder on another device than the output directory
 * (carryOver checks that as it walks) is how a mount is recognised.
 */
export function mountPointsWithin(directory: string): string[] {
  let table: string;
  try {
    table = readRegularFile("/proc/self/mountinfo", { followLinks: true, maxBytes: 16 * 1024 * 1024 }).toString("utf8");
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const line of table.split("\n")) {
    // "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw": the fifth field is
    // the mount point, with space, tab, newline and backslash written as octal escapes.
    const field = line.split(" ")[4];
    if (field === undefined) continue;
    const mountPoint = field.replace(/\\([0-7]{3})/g, (_escape, octal: string) => String.fromCharCode(Number.parseInt(octal, 8)));
    if (mountPoint === directory || mountPoint.startsWith(directory.endsWith(path.sep) ? directory : directory + path.sep)) found.push(mountPoint);
  }
  return found.sort();
}
