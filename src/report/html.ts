import { licenseName, ROLE_TEXT } from "../licenses-report/report.js";
import type { SurvivabilityCase, SurvivabilityStatus } from "../simulate/matrix.js";
import type { ReportAnalysis, ReportDiagnostic, ReportModel } from "./model.js";
import { REPORT_CSS } from "./style.js";
import { printableLines } from "../text/printable.js";

/**
 * The report as one self-contained HTML document: styles inline, the drawing inline SVG, no script,
 * no font, no image, no link outside the page. Each section is a landmark with its own heading and
 * starts a new page when printed.
 */

/** Text from the input as HTML text or an attribute value. Control characters (ESC, BEL, …; a
 * network's name can hold them) become their pictures, as on the terminal (src/text/printable.ts):
 * HTML has no use for them, and the report printed to stdout would otherwise carry them to the
 * terminal. Line feeds and tabs stay. */
export function escapeHtml(text: string): string {
  return printableLines(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

const STATUS_TEXT: Readonly<Record<SurvivabilityStatus, string>> = {
  served: "served",
  "without-message-waiting": "without message waiting",
  "without-answering": "without answering",
  split: "split",
  accepted: "accepted",
  down: "down (failed itself)",
};

interface Section {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

function list(items: readonly string[]): string {
  return items.length === 0 ? "none" : items.map(escapeHtml).join(", ");
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function checkVerdict(model: ReportModel): string {
  const { errors, warnings, infos } = model.summary.check;
  const counts = `${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(infos, "info")}`;
  return errors > 0 ? `<strong class="verdict fail">fails</strong> (${counts})` : `<strong class="verdict pass">passes</strong> (${counts})`;
}

function gateVerdict(model: ReportModel): string {
  const gate = model.summary.gate;
  if (!gate) return `<strong class="verdict unknown">not run</strong> (the network has errors)`;
  const accepted = gate.accepted.length > 0 ? `; ${plural(gate.accepted.length, "single failure")} accepted` : "";
  if (gate.gaps.length === 0) return `<strong class="verdict pass">passes</strong>${accepted}`;
  return `<strong class="verdict fail">fails</strong>: ${gate.gaps.map((gap) => escapeHtml(gap.name)).join(", ")} ${gate.gaps.length === 1 ? "leaves" : "each leave"} an office without voicemail answering or in a split${accepted}`;
}

function summarySection(model: ReportModel): Section {
  const { summary } = model;
  const rows: [string, string][] = [
    ["Network", escapeHtml(summary.network)],
    ["File", escapeHtml(model.path)],
    ["Releases", summary.releases.length === 0 ? "none stated" : summary.releases.map((entry) => `${escapeHtml(entry.release)}: ${list(entry.devices)}`).join("<br>")],
    ...summary.roles.map((entry): [string, string] => [entry.role.charAt(0).toUpperCase() + entry.role.slice(1), list(entry.devices)]),
    ["Counts", `${plural(summary.counts.offices, "office")}, ${plural(summary.counts.servers, "server")}, ${plural(summary.counts.links, "link")}`],
    ["scnc check", checkVerdict(model)],
    ["Single-failure gate", gateVerdict(model)],
  ];
  const body = `<table class="summary">\n<caption>Summary of ${escapeHtml(summary.network)}</caption>\n<tbody>\n` +
    rows.map(([key, value]) => `<tr><th scope="row">${key}</th><td>${value}</td></tr>`).join("\n") +
    "\n</tbody>\n</table>" + (model.blocked ? `\n<p class="blocked" role="note"><strong>Note:</strong> ${escapeHtml(model.blocked)}.</p>` : "");
  return { id: "summary", title: "Summary", body };
}

function topologySection(svg: string | undefined): Section {
  const body = svg === undefined
    ? "<p>Not drawn: the network has errors.</p>"
    : `<figure>\n<div class="drawing" role="img" aria-label="Topology: offices, voicemail servers, SCN links with their group ids, and each office's voicemail path">\n${svg}\n</div>\n` +
      `<figcaption>Hexagon: central office. Rounded box: fallback office. Box: member office. Cylinder: voicemail server (double outline: central). ` +
      `Solid lines: SCN links with their group ids. Dashed arrows: each office's voicemail path, labelled central, fallback (the backup server) or distributed.</figcaption>\n</figure>`;
  return { id: "topology", title: "Topology", body };
}

function diagnosticItem(diagnostic: ReportDiagnostic): string {
  return `<li class="diagnostic ${diagnostic.severity}"><p><strong>${diagnostic.severity}</strong> <code>${escapeHtml(diagnostic.ruleId)}</code></p>` +
    `<pre>${escapeHtml(diagnostic.text)}</pre></li>`;
}

export function diagnosticsSection(model: ReportModel): Section {
  const body = model.diagnostics.length === 0
    ? "<p>None: <code>scnc check</code> reports nothing.</p>"
    : `<ol class="diagnostics">\n${model.diagnostics.map(diagnosticItem).join("\n")}\n</ol>`;
  return { id: "diagnostics", title: "Diagnostics", body };
}

function matrixRow(entry: SurvivabilityCase): string {
  const cells = entry.cells.map((cell) => {
    const inferred = cell.inferred ? ' <span class="inferred">(inferred)</span>' : "";
    const was = cell.status === "accepted" ? ` <span class="was">(${STATUS_TEXT[cell.simulated]})</span>` : "";
    return `<td class="status ${cell.status}">${STATUS_TEXT[cell.status]}${was}${inferred}</td>`;
  });
  const reason = entry.accepted ? escapeHtml(entry.accepted.reason?.value ?? "accepted") : "";
  return `<tr><th scope="row">${escapeHtml(entry.name)}</th>${cells.join("")}<td>${reason}</td></tr>`;
}

export function failuresSection(analysis: ReportAnalysis | undefined): Section {
  if (!analysis) return { id: "failures", title: "Survivability", body: "<p>Not simulated: the network has errors.</p>" };
  const { offices, cases, devices } = analysis.survivability;
  const head = `<tr><th scope="col">Failed</th>${offices.map((office) => `<th scope="col">${escapeHtml(office.name)}</th>`).join("")}<th scope="col">Accepted because</th></tr>`;
  const legend = (Object.keys(STATUS_TEXT) as SurvivabilityStatus[])
    .map((status) => `<li><span class="status ${status}">${STATUS_TEXT[status]}</span></li>`).join("");
  const body = `<p>Every single and double failure of ${list(devices.map((device) => device.name))} (${plural(cases.length, "case")}), the worst first, ` +
    `and what each office's voicemail does. Accepted: an <code>accept-failure</code> in the file accepts the loss, for the reason given.</p>\n` +
    `<ul class="legend" aria-label="What the cells say">${legend}</ul>\n` +
    `<table class="matrix">\n<caption>Survivability: ${plural(cases.length, "failure")} × ${plural(offices.length, "office")}</caption>\n` +
    `<thead>\n${head}\n</thead>\n<tbody>\n${cases.map(matrixRow).join("\n")}\n</tbody>\n</table>`;
  return { id: "failures", title: "Survivability", body };
}

export function licencesSection(analysis: ReportAnalysis | undefined): Section {
  if (!analysis) return { id: "licences", title: "Licences", body: "<p>Not computed: the network has errors.</p>" };
  const rows: string[] = [];
  for (const { licensing, lines } of analysis.licenses.offices) {
    const office = escapeHtml(licensing.office.name);
    const role = licensing.role ? ROLE_TEXT[licensing.role] : "unknown";
    if (lines.length === 0) rows.push(`<tr><th scope="row">${office}</th><td>${role}</td><td>none needed</td><td></td><td></td><td class="ok">ok</td></tr>`);
    for (const line of lines) {
      const name = `${escapeHtml(line.name)}${line.need.whileInControl ? " (while in control)" : ""}`;
      const short = line.missing > 0
        ? `<td class="short">${line.missing} short (${line.need.level}, <code>${escapeHtml(line.need.ruleId)}</code>)</td>`
        : '<td class="ok">ok</td>';
      rows.push(`<tr><th scope="row">${office}</th><td>${role}</td><td>${name}</td><td class="number">${line.need.quantity}</td><td class="number">${line.held}</td>${short}</tr>`);
    }
    for (const unneeded of licensing.unneeded) {
      const what = unneeded.license === "edition" ? licenseName("edition", licensing.office) : "additional voicemail ports";
      rows.push(`<tr><th scope="row">${office}</th><td>${role}</td><td>${escapeHtml(what)}</td><td class="number">0</td><td class="number">held</td><td>not needed (<code>unneeded-license</code>)</td></tr>`);
    }
  }
  const count = analysis.licenses.shortOffices.length;
  const body = `<p>${count === 0 ? "Nothing is short." : `${plural(count, "office")} short: ${list(analysis.licenses.shortOffices.map((office) => office.name))}.`}</p>\n` +
    `<table class="licences">\n<caption>Licences: what each office needs against what it holds</caption>\n` +
    `<thead>\n<tr><th scope="col">Office</th><th scope="col">Role</th><th scope="col">Licence</th><th scope="col">Needs</th><th scope="col">Holds</th><th scope="col">Verdict</th></tr>\n</thead>\n` +
    `<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
  return { id: "licences", title: "Licences", body };
}

function devicesSection(analysis: ReportAnalysis | undefined): Section {
  if (!analysis?.devices) return { id: "devices", title: "Device settings", body: "<p>Not compiled: the network has errors.</p>" };
  const body = "<p>What <code>scnc build --format json</code> writes for each device. Passwords are never shown: the files name the variable that holds them.</p>\n" +
    analysis.devices.map((file) => `<section class="device" aria-labelledby="device-${escapeHtml(file.path)}">\n` +
      `<h3 id="device-${escapeHtml(file.path)}">${escapeHtml(file.device ? `${file.device.kind} ${file.device.name}` : file.path)} <small>(${escapeHtml(file.path)})</small></h3>\n` +
      `<pre>${escapeHtml(file.content)}</pre>\n</section>`).join("\n");
  return { id: "devices", title: "Device settings", body };
}

/** The seam for the change procedure: the runbook (src/runbook) in the words `scnc runbook` prints. */
function runbookSection(analysis: ReportAnalysis | undefined): Section {
  if (!analysis?.runbook) return { id: "runbook", title: "Runbook", body: "<p>Not written: the network has errors.</p>" };
  return { id: "runbook", title: "Runbook", body: `<p>The change as one ordered runbook, as <code>scnc runbook</code> writes it.</p>\n<pre class="runbook">${escapeHtml(analysis.runbook)}</pre>` };
}

function sectionHtml(section: Section): string {
  return `<section id="${section.id}" aria-labelledby="${section.id}-title">\n<h2 id="${section.id}-title">${section.title}</h2>\n${section.body}\n</section>`;
}

/** The report's HTML. `svg` is the topology laid out (svg.ts), undefined when the network has errors. */
export function renderReportHtml(model: ReportModel, svg: string | undefined, scncVersion: string): string {
  const sections = [
    summarySection(model),
    topologySection(svg),
    diagnosticsSection(model),
    failuresSection(model.analysis),
    licencesSection(model.analysis),
    devicesSection(model.analysis),
    runbookSection(model.analysis),
  ];
  const title = `Voicemail network ${model.summary.network}: handover report`;
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No request leaves the page: not even a favicon lookup.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${REPORT_CSS}</style>`,
    "</head>",
    "<body>",
    `<header>\n<h1>${escapeHtml(title)}</h1>\n<p>Written by scnc ${escapeHtml(scncVersion)} from ${escapeHtml(model.path)}.</p>\n</header>`,
    `<nav aria-label="Sections">\n<ul>\n${sections.map((section) => `<li><a href="#${section.id}">${section.title}</a></li>`).join("\n")}\n</ul>\n</nav>`,
    `<main>\n${sections.map(sectionHtml).join("\n")}\n</main>`,
    `<footer>\n<p>scnc ${escapeHtml(scncVersion)}. Same input, same report, byte for byte.</p>\n</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
