import type { EditionLicense, Feature, Office, Release } from "../ir/types.js";
import { releaseBelow } from "../ir/values.js";

/** Each Preferred Edition (pre-6.0: Voicemail Pro) licence includes this many voicemail ports;
 * `voicemail-ports N` adds N more (S11, S12). */
export const PORTS_PER_EDITION = 4;

export const FEATURES: readonly Feature[] = ["ums", "contact-store", "tts"];

/** How people and Manager name each feature licence. */
export const FEATURE_LICENSE_LABELS: Readonly<Record<Feature, string>> = {
  ums: "UMS",
  "contact-store": "ContactStore",
  tts: "TTS",
};

/** What one office holds, as counts. */
export interface HeldLicenses {
  /** A `preferred-edition` or `voicemail-pro` licence (one licence under two names). */
  readonly edition: boolean;
  /** The name it was written with, when held. */
  readonly editionName: EditionLicense | undefined;
  readonly additionalPorts: number;
  /** Voicemail Pro ports: 4 with the edition licence, plus the additional ports. */
  readonly ports: number;
  readonly features: Readonly<Record<Feature, number>>;
  /**
   * Some licence could not be read (an invalid quantity or a broken `licenses` block). Nothing is
   * then concluded from what the office holds: the reader's mistake is reported once, elsewhere.
   */
  readonly uncertain: boolean;
}

export function heldLicenses(office: Office): HeldLicenses {
  const { licenses } = office;
  const edition = licenses.edition !== undefined;
  const additionalPorts = licenses.voicemailPorts?.value ?? 0;
  return {
    edition,
    editionName: licenses.edition?.value,
    additionalPorts,
    ports: (edition ? PORTS_PER_EDITION : 0) + additionalPorts,
    features: {
      ums: licenses.ums?.value ?? 0,
      "contact-store": licenses.contactStore?.value ?? 0,
      tts: licenses.tts?.value ?? 0,
    },
    uncertain: office.unknown.has("licenses"),
  };
}

/** The edition licence's name at a release: `voicemail-pro` below 6.0, `preferred-edition` from 6.0
 * (the compiler emits the release's own name whichever was written). */
export function editionNameFor(release: Release): EditionLicense {
  return releaseBelow(release, 6) ? "voicemail-pro" : "preferred-edition";
}
