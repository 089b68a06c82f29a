import { byCodeUnits } from "./order.js";
import { deviceOfPath, MANIFEST_PATH, type DeviceReference, type RenderedOutput } from "./output.js";

export type ChangeKind = "created" | "changed" | "removed";

export interface FileChange {
  readonly path: string;
  readonly kind: ChangeKind;
  /** Absent for the manifest. */
  readonly device?: DeviceReference;
  /** The file as it is now (absent when created). */
  readonly before?: string;
  /** The file as build would write it (absent when removed). */
  readonly after?: string;
}

/** What is in the output directory now, as far as build owns it. */
export interface ExistingOutput {
  /** The previous manifest's text, if there is one. */
  readonly manifestText?: string;
  /** Paths the previous manifest lists (build may replace or delete exactly these). */
  readonly ownedPaths: readonly string[];
  /** Contents of the files that exist, by path: owned files and the files build would write. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Every file that would differ after a build: device files created, changed or removed (sorted
 * by path), then the manifest. An owned file that is already gone needs no removal. Pure: the
 * same answer for `build --check`, `plan` and build's own summary.
 */
export function outputChanges(existing: ExistingOutput, next: RenderedOutput): FileChange[] {
  const changes: FileChange[] = [];
  const written = new Set(next.devices.map((file) => file.path));
  for (const file of next.devices) {
    const before = existing.files.get(file.path);
    if (before === file.content) continue;
    changes.push(before === undefined
      ? { path: file.path, kind: "created", after: file.content, ...(file.device ? { device: file.device } : {}) }
      : { path: file.path, kind: "changed", before, after: file.content, ...(file.device ? { device: file.device } : {}) });
  }
  for (const path of existing.ownedPaths) {
    const before = existing.files.get(path);
    if (written.has(path) || before === undefined) continue;
    const device = deviceOfPath(path);
    changes.push({ path, kind: "removed", before, ...(device ? { device } : {}) });
  }
  changes.sort((first, second) => byCodeUnits(first.path, second.path));
  const manifest = next.manifest.content;
  if (existing.manifestText === undefined) changes.push({ path: MANIFEST_PATH, kind: "created", after: manifest });
  else if (existing.manifestText !== manifest) changes.push({ path: MANIFEST_PATH, kind: "changed", before: existing.manifestText, after: manifest });
  return changes;
}
