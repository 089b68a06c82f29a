import type { Network } from "../ir/types.js";
import { ROLE_TEXT, type LicenseReport } from "./report.js";

/** `scnc licenses --format json`, per schemas/licenses.schema.json. */
export function renderLicensesJson(file: string, network: Network, report: LicenseReport): string {
  const document = {
    version: 1,
    file,
    network: network.name,
    short: report.shortOffices.length > 0,
    offices: report.offices.map(({ licensing, lines }) => ({
      name: licensing.office.name,
      role: licensing.role ? ROLE_TEXT[licensing.role] : null,
      release: licensing.office.release?.value.text ?? null,
      distributedServer: licensing.server?.name ?? null,
      holds: {
        edition: licensing.holds.editionName ?? null,
        additionalPorts: licensing.holds.additionalPorts,
        ports: licensing.holds.ports,
        ums: licensing.holds.features.ums,
        contactStore: licensing.holds.features["contact-store"],
        tts: licensing.holds.features.tts,
      },
      needs: lines.map((line) => ({
        license: line.need.license,
        name: line.name,
        quantity: line.need.quantity,
        held: line.held,
        missing: line.missing,
        level: line.need.level,
        whileInControl: line.need.whileInControl,
        rule: line.need.ruleId,
        reason: line.need.reason,
      })),
      unneeded: licensing.unneeded.map((unneeded) => unneeded.license),
    })),
  };
  return JSON.stringify(document, null, 2) + "\n";
}
