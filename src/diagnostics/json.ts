import type { CheckedFile } from "./checked-file.js";
import { toRange } from "./checked-file.js";
import { countSeverities } from "./diagnostic.js";

/** The `--format json` document of CLI.md. Keys appear in the documented order. */
export function renderJson(files: readonly CheckedFile[]): string {
  const summary = { errors: 0, warnings: 0, infos: 0, files: files.length };
  const document = {
    version: 1,
    files: files.map((file) => {
      countSeverities(file.diagnostics, summary);
      return {
        file: file.path,
        diagnostics: file.diagnostics.map((diagnostic) => ({
          ruleId: diagnostic.ruleId,
          severity: diagnostic.severity,
          message: diagnostic.message,
          range: toRange(file.lineIndex, diagnostic.span),
          ...(diagnostic.related.length > 0
            ? { related: diagnostic.related.map((related) => ({ message: related.message, range: toRange(file.lineIndex, related.span) })) }
            : {}),
          ...(diagnostic.fix
            ? {
              fix: {
                message: diagnostic.fix.message,
                edits: diagnostic.fix.edits.map((edit) => ({ range: toRange(file.lineIndex, edit.span), text: edit.text })),
              },
            }
            : {}),
        })),
      };
    }),
    summary,
  };
  return JSON.stringify(document, null, 2) + "\n";
}
