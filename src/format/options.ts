/**
 * The canonical layout's settings. They are fixed, so every checkout formats a file the same way
 * whatever Prettier configuration lies around it: `scnc fmt`, the language server and Prettier's own
 * CLI (through the plugin, which enforces them) all print the same bytes, so `scnc fmt --check` and
 * `prettier --check` always agree. See docs/formatting.md, "Prettier's options".
 */
export const CANONICAL_OPTIONS = { printWidth: 80, tabWidth: 2, useTabs: false, endOfLine: "lf" } as const;

/** Overrides, in Prettier's options for one file, every setting the canonical layout fixes (a
 * `.prettierrc` or `--print-width` may have set them). Prettier's parse step receives the same options
 * object that its printer then reads, so this is the one place the plugin can enforce them. */
export function enforceCanonicalOptions(options: Record<string, unknown>): void {
  Object.assign(options, CANONICAL_OPTIONS);
}
