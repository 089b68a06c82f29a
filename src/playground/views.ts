import packageJson from "../../package.json" with { type: "json" };
import { compileNetwork } from "../compile/compile.js";
import { renderOutput } from "../compile/output.js";
import { resolvePassword } from "../compile/secrets.js";
import { diagnosticsSection, failuresSection, licencesSection, renderReportHtml } from "../report/html.js";
import { buildReport } from "../report/model.js";
import { reportDot } from "../report/topology.js";

/**
 * What the playground's tabs show for a document, computed by the same core as the CLI (it runs in
 * the playground's Web Worker, beside the language server): the report's own sections for the
 * diagnostics, the failures and the licences, `scnc build`'s files for the devices, and the DOT
 * text that the page lays out with Graphviz.
 */

export interface DeviceView {
  readonly name: string;
  readonly kind: "office" | "server";
  /** What `scnc build` writes for the device: offices/NAME.json or servers/NAME.json … */
  readonly jsonPath: string;
  readonly json: string;
  /** … and, with `--format checklist`, offices/NAME.md. */
  readonly checklistPath: string;
  readonly checklist: string;
}

export interface PlaygroundViews {
  readonly errors: number;
  readonly diagnosticsHtml: string;
  readonly failuresHtml: string;
  readonly licencesHtml: string;
  /** Absent when the network has errors (or does not meet the compiler's preconditions). */
  readonly devices?: readonly DeviceView[];
  readonly dot?: string;
  /** Why devices or the drawing are missing. */
  readonly blocked?: string;
}

export const PLAYGROUND_PATH = "network.scn";

function devicesOf(model: ReturnType<typeof buildReport>): DeviceView[] | undefined {
  const analysis = model.analysis;
  if (!analysis?.devices) return undefined;
  const password = resolvePassword(analysis.network.voicemailPassword, false, {});
  const compiled = compileNetwork(analysis.network, { password: password.ok ? password.output : null });
  const checklists = renderOutput(compiled, { format: "checklist", scncVersion: packageJson.version, secretsResolved: false }).devices;
  return analysis.devices.map((file) => {
    const checklist = checklists.find((candidate) => candidate.device?.kind === file.device?.kind && candidate.device?.name === file.device?.name);
    return {
      name: file.device?.name ?? file.path,
      kind: file.device?.kind ?? "office",
      jsonPath: file.path,
      json: file.content,
      checklistPath: checklist?.path ?? "",
      checklist: checklist?.content ?? "",
    };
  });
}

export function playgroundViews(text: string): PlaygroundViews {
  const model = buildReport({ path: PLAYGROUND_PATH, text, scncVersion: packageJson.version });
  const devices = devicesOf(model);
  return {
    errors: model.summary.check.errors,
    diagnosticsHtml: diagnosticsSection(model).body,
    failuresHtml: failuresSection(model.analysis).body,
    licencesHtml: licencesSection(model.analysis).body,
    ...(devices ? { devices } : {}),
    ...(model.analysis ? { dot: reportDot(model.analysis.network) } : {}),
    ...(model.blocked ? { blocked: model.blocked } : {}),
  };
}

/** The report's HTML for the Report tab's download; `svg` is the drawing the page laid out. */
export function playgroundReport(text: string, svg: string | undefined): string {
  const model = buildReport({ path: PLAYGROUND_PATH, text, scncVersion: packageJson.version });
  return renderReportHtml(model, model.analysis ? svg : undefined, packageJson.version);
}
