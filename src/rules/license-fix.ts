import { editionNameFor } from "../licensing/holdings.js";
import type { EditionLicense, Network, Office } from "../ir/types.js";
import { appendToBlock } from "./edits.js";
import type { RuleReport } from "./rule.js";

/** The edition licence under the name the office's release uses (6.0+ when unknown). */
export function editionNameOf(office: Office): EditionLicense {
  return office.release ? editionNameFor(office.release.value) : "preferred-edition";
}

/** How a message names the edition licence at the office's release. */
export function editionLabelOf(office: Office): string {
  return editionNameOf(office) === "voicemail-pro" ? "Voicemail Pro" : "Preferred Edition";
}

/** A quick fix that adds `entry` to the office's `licenses { … }`, creating the block if needed. */
export function addLicenseFix(network: Network, office: Office, entry: string): RuleReport["fix"] {
  const text = network.source.text;
  const edit = office.licenses.span
    ? appendToBlock(text, office.licenses.span, entry)
    : appendToBlock(text, office.span, `licenses { ${entry} }`);
  return edit ? { message: `Add \`${entry}\` to the licenses of office '${office.name}'`, edits: [edit] } : undefined;
}
