import path from "node:path";

/**
 * Paths in messages are in the platform's own separators, however they were put together: OUT as
 * the user typed it (`-o C:/out` or `-o C:\out\`) and build's own names (`acme/site`,
 * `offices/hq.json`), which are `/`-separated as in every JSON file scnc writes. On Windows that
 * is `C:\out\acme\offices\hq.json` where messages used to say `C:\out/acme/offices/hq.json`;
 * elsewhere a backslash is an ordinary character of a file name and is kept. `paths`: the
 * platform's path rules (a parameter so that the tests can ask Windows' of them).
 */
export function nativeSeparators(shown: string, paths: path.PlatformPath = path): string {
  return paths.sep === "/" ? shown : shown.replaceAll("/", paths.sep);
}

/** `relative` (`/`-separated) under `base` as a message shows it, without doubling a trailing separator. */
export function shownUnder(base: string, relative: string, paths: path.PlatformPath = path): string {
  return nativeSeparators(`${withoutTrailingSeparator(base)}/${relative}`, paths);
}

/** A directory as given, without its trailing separators (`out/` → `out`; `/` stays `/`), in the platform's separators. */
export function shownDirectory(directory: string, paths: path.PlatformPath = path): string {
  return nativeSeparators(withoutTrailingSeparator(directory) || directory, paths);
}

/** As scnc always showed OUT: a trailing backslash goes too, on every platform. */
function withoutTrailingSeparator(directory: string): string {
  return directory.replace(/[\\/]+$/, "");
}

/** The form JSON files and patch headers use: `/` between folders on every platform. */
export function portableSeparators(shown: string, paths: path.PlatformPath = path): string {
  return paths.sep === "/" ? shown : shown.replaceAll(paths.sep, "/");
}
