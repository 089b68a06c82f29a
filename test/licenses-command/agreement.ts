import { expect } from "vitest";
import { checkText } from "../../src/check.js";
import { licenseReport } from "../../src/licenses-report/report.js";
import { rulesById } from "../../src/rules/index.js";

/**
 * `scnc licenses` and the licence rules must tell the same story: each shortfall the
 * report shows is one finding of the rule the need names, and the report is short exactly when a
 * licence rule reports a problem. `license-name-for-release` (a naming warning, nothing missing),
 * `voicemail-port-ceiling` (more ports than a system can use, nothing missing) and
 * infos (advice such as `unneeded-license`) have no line in the report.
 */
export function expectReportAgreesWithRules(text: string): void {
  const { network, diagnostics } = checkText(text);
  const fromRules = diagnostics
    .filter((diagnostic) => rulesById.get(diagnostic.ruleId)?.category === "Licences" && diagnostic.severity !== "info")
    // Naming and excess, not shortfalls: nothing is missing, so the report has no line for them.
    .filter((diagnostic) => diagnostic.ruleId !== "license-name-for-release" && diagnostic.ruleId !== "voicemail-port-ceiling")
    .map((diagnostic) => diagnostic.ruleId)
    .sort();
  const report = licenseReport(network);
  const fromReport = report.offices
    .flatMap((office) => office.lines.filter((line) => line.missing > 0).map((line) => line.need.ruleId))
    .sort();
  // Without its edition licence the fallback office has no ports at all: fallback-license reports
  // that root cause and fallback-capacity stays silent, while the report lists both shortfalls.
  const rootCauseElsewhere = (id: string) => id === "fallback-capacity" && fromRules.includes("fallback-license");
  expect(fromReport.filter((id) => !rootCauseElsewhere(id)), text).toEqual(fromRules.filter((id) => !rootCauseElsewhere(id)));
  expect(report.shortOffices.length > 0, text).toBe(fromRules.length > 0);
}
