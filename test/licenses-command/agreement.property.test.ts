import fc from "fast-check";
import { describe, it } from "vitest";
import { writeLayout } from "../support/arbitraries/layout.js";
import { networkTree } from "../support/arbitraries/network-tree.js";
import { networkModel, type Feature, type LicensesModel, type NetworkModel, type OfficeModel } from "../support/arbitraries/realistic-network.js";
import { expectReportAgreesWithRules } from "./agreement.js";

/**
 * The licence report against the licence rules on generated networks. A realistic network meets
 * every rule, so each office's licences are then taken apart at random (edition dropped or renamed,
 * ports cut, feature licences dropped, features used without their licence, licences given to
 * offices that cannot use them) to produce every kind of shortfall, alone and combined.
 */

const FEATURES: readonly Feature[] = ["ums", "contact-store", "tts"];

interface LicenceEdit {
  readonly edition: "keep" | "drop" | "preferred-edition" | "voicemail-pro";
  readonly ports: "keep" | "drop" | number;
  readonly dropFeatureLicences: readonly Feature[];
  readonly alsoUses: readonly Feature[];
}

const licenceEdit: fc.Arbitrary<LicenceEdit> = fc.record({
  edition: fc.constantFrom("keep", "keep", "drop", "preferred-edition", "voicemail-pro"),
  ports: fc.oneof(fc.constant("keep" as const), fc.constant("drop" as const), fc.integer({ min: 1, max: 40 })),
  dropFeatureLicences: fc.subarray([...FEATURES]),
  alsoUses: fc.subarray([...FEATURES]),
});

const FEATURE_KEYS: Record<Feature, "ums" | "contactStore" | "tts"> = { ums: "ums", "contact-store": "contactStore", tts: "tts" };

function edited(office: OfficeModel, edit: LicenceEdit): OfficeModel {
  const licences: { -readonly [key in keyof LicensesModel]: LicensesModel[key] } = { ...office.licenses };
  if (edit.edition === "drop") delete licences.edition;
  else if (edit.edition !== "keep") licences.edition = edit.edition;
  if (edit.ports === "drop") delete licences.voicemailPorts;
  else if (edit.ports !== "keep") licences.voicemailPorts = edit.ports;
  for (const feature of edit.dropFeatureLicences) delete licences[FEATURE_KEYS[feature]];
  const uses = [...new Set([...office.uses, ...edit.alsoUses])];
  return { ...office, uses, licenses: licences };
}

const networksWithShortfalls: fc.Arbitrary<NetworkModel> = networkModel.chain((model) =>
  fc.array(licenceEdit, { minLength: model.offices.length, maxLength: model.offices.length })
    .map((edits) => ({ ...model, offices: model.offices.map((office, index) => edited(office, edits[index] as LicenceEdit)) })));

describe("scnc licenses agrees with the licence rules on generated networks", () => {
  it("reports exactly the shortfalls the licence rules find", () => {
    fc.assert(fc.property(networksWithShortfalls, (model) => {
      const { text } = writeLayout(networkTree(model), { kind: "tidy", seed: 0, crlf: false, suppressions: false });
      expectReportAgreesWithRules(text);
    }), { numRuns: 300 });
  });
});
