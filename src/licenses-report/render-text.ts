import { paragraph, table } from "../cli/text-table.js";
import type { Network } from "../ir/types.js";
import { licenseName, ROLE_TEXT, type LicenseReport, type NeedLine } from "./report.js";
import { printableLines } from "../text/printable.js";

function needName(line: NeedLine): string {
  return line.need.whileInControl ? `${line.name} +` : line.name;
}

function shortfallText(officeName: string, line: NeedLine): string {
  const level = line.need.level === "advised" ? "advised, " : "";
  return `${officeName}: ${line.name}: needs ${line.need.quantity}, holds ${line.held}, ${line.missing} short ` +
    `(${level}${line.need.ruleId}): it ${line.need.reason}.`;
}

/** The edition's name as the table shows it: "Voicemail Pro" on a network below 6.0, both names on a
 * network that mixes releases across 6.0. */
function editionNames(report: LicenseReport): string {
  const names = [...new Set(report.offices.map(({ licensing }) => licenseName("edition", licensing.office)))].sort();
  return names.length === 0 ? "Preferred Edition (Voicemail Pro)" : names.join(" or ");
}

/** One row per licence an office needs (an office that needs none gets one row saying so), then
 * each shortfall with its reason and the rule that reports it. */
export function renderLicensesText(network: Network, report: LicenseReport): string {
  const rows: string[][] = [];
  const shortfalls: string[] = [];
  const advice: string[] = [];
  for (const { licensing, lines } of report.offices) {
    const office = licensing.office;
    const role = licensing.role ? ROLE_TEXT[licensing.role] : "unknown";
    if (lines.length === 0) rows.push([office.name, role, "none needed", "", "", ""]);
    lines.forEach((line, index) => {
      rows.push([index === 0 ? office.name : "", index === 0 ? role : "", needName(line), String(line.need.quantity), String(line.held), line.missing > 0 ? String(line.missing) : "-"]);
      if (line.missing > 0) shortfalls.push(shortfallText(office.name, line));
    });
    for (const unneeded of licensing.unneeded) {
      advice.push(`${office.name} holds ${unneeded.license === "edition" ? licenseName("edition", office) : "additional voicemail ports"} ` +
        `that a member office on centralized voicemail cannot use (unneeded-license).`);
    }
  }
  const count = report.shortOffices.length;
  const sections = [
    `Licences of "${network.name}": ${count === 0 ? "nothing is short" : `${count} ${count === 1 ? "office is" : "offices are"} short`}`,
    table(["office", "role", "licence", "needs", "holds", "short"], rows, { alignRight: [3, 4, 5] }),
  ];
  if (shortfalls.length > 0) sections.push(["Short:", ...shortfalls.map((text) => paragraph(text, "  ", "    "))].join("\n"));
  if (advice.length > 0) sections.push(["Advice:", ...advice.map((text) => paragraph(text, "  ", "    "))].join("\n"));
  const inControl = report.offices.some((office) => office.lines.some((line) => line.need.whileInControl));
  sections.push(paragraph((inControl ? "+ needed while the fallback office controls the central server. " : "") +
    `Voicemail ports count 4 per ${editionNames(report)} licence plus the additional voicemail-ports.`, "", ""));
  return printableLines(sections.join("\n\n") + "\n");
}
