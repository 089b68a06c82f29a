import { derived, derivedFact } from "../ir/derived.js";
import { roles } from "../ir/queries.js";
import type { Feature, Network, Office, Server } from "../ir/types.js";
import type { Span } from "../language/span.js";
import { FEATURE_LICENSE_LABELS, FEATURES, heldLicenses, type HeldLicenses } from "./holdings.js";

/**
 * The licence model ("each office brings its own licences", S1, S3, S11), as pure functions of
 * the IR. The licence rules and `scnc licenses` both read it, so they cannot disagree.
 */

/** How an office uses Voicemail Pro, which decides the licences it needs. */
export type LicensingRole = "central" | "fallback" | "distributed-member" | "member";

/** `edition` = Preferred Edition / Voicemail Pro; `ports` = Voicemail Pro ports, 4 per edition
 * licence plus the additional ports; the rest are the feature licences of the same names. */
export type LicenseKind = "edition" | "ports" | Feature;

export interface LicenseNeed {
  readonly license: LicenseKind;
  /** At least this many (1 for the edition and for a feature in use; a port count for `ports`). */
  readonly quantity: number;
  /** Why, in words that finish "office 'x' needs it because it …". */
  readonly reason: string;
  /** `required`: Avaya does not support the arrangement without it. `advised`: it works, with less
   * service (e.g. fewer ports during fallback). */
  readonly level: "required" | "advised";
  /** The fallback office needs it while it controls the central server during a central-office failure. */
  readonly whileInControl: boolean;
  /** The rule that reports a shortfall of this need. */
  readonly ruleId: string;
  /** Where the need comes from in the file (the role, the `voicemail` line, the feature in `uses`),
   * always in the office that must hold the licence. */
  readonly span: Span;
  /** Other places that explain it: the `uses tts` of the offices whose TTS this office licenses. */
  readonly related?: readonly { readonly span: Span; readonly message: string }[];
}

export interface LicenseShortfall {
  readonly need: LicenseNeed;
  readonly held: number;
  readonly missing: number;
}

/** A licence held that the office's role cannot use (advice only). */
export interface UnneededLicense {
  readonly license: "edition" | "ports";
  readonly span: Span;
}

export interface OfficeLicensing {
  readonly office: Office;
  /** Undefined when the role cannot be known (an unreadable role, `voicemail` naming something
   * that is not a distributed server, or a second central or fallback office): role-dependent
   * needs are then left out. */
  readonly role: LicensingRole | undefined;
  /** The distributed server a `distributed-member` uses. */
  readonly server: Server | undefined;
  readonly needs: readonly LicenseNeed[];
  readonly holds: HeldLicenses;
  /** Needs not covered by what the office holds; empty when the holdings are uncertain. */
  readonly shortfalls: readonly LicenseShortfall[];
  readonly unneeded: readonly UnneededLicense[];
}

export function licensingRole(office: Office): LicensingRole | undefined {
  if (office.unknown.has("role")) return undefined;
  if (office.role !== "member") return office.role;
  if (!office.voicemail) return office.unknown.has("voicemail") ? undefined : "member";
  return office.voicemail.server?.role?.value === "distributed" ? "distributed-member" : undefined;
}

function editionNeed(office: Office, role: LicensingRole, server: Server | undefined): LicenseNeed | undefined {
  const at = office.roleSpan ?? office.nameSpan;
  switch (role) {
    case "central":
      return { license: "edition", quantity: 1, reason: "hosts the central Voicemail Pro server", level: "required", whileInControl: false, ruleId: "central-license", span: at };
    case "fallback":
      return { license: "edition", quantity: 1, reason: "takes control of the central Voicemail Pro server when the central office fails", level: "required", whileInControl: true, ruleId: "fallback-license", span: at };
    case "distributed-member":
      return { license: "edition", quantity: 1, reason: `uses distributed server '${server?.name ?? "?"}'`, level: "required", whileInControl: false, ruleId: "distributed-office-license", span: office.voicemail?.span ?? at };
    case "member":
      return undefined;
  }
}

/** While in control, the fallback office runs the central server for every office still up, so it
 * should offer as many ports as the central office does (S1, S27). */
function fallbackPortsNeed(network: Network, fallback: Office): LicenseNeed | undefined {
  const central = roles(network).centralOffice;
  if (!central || central === fallback) return undefined;
  const centralHolds = heldLicenses(central);
  if (centralHolds.uncertain || !centralHolds.edition) return undefined;
  return {
    license: "ports",
    quantity: centralHolds.ports,
    reason: `runs the central server in place of central office '${central.name}', which has ${centralHolds.ports} ports`,
    level: "advised",
    whileInControl: true,
    ruleId: "fallback-capacity",
    span: fallback.roleSpan ?? fallback.nameSpan,
  };
}

/**
 * The feature licences an office holds for its own users: UMS and ContactStore stay on the office
 * whatever server answers it (S1 p52: the other offices "only require licenses for UMS and or for
 * ContactStore"). TTS runs on the Voicemail Pro server, so it is licensed by the office whose
 * licence set that server uses (see ttsNeed).
 */
function ownFeatureNeeds(office: Office): LicenseNeed[] {
  return office.features.filter((feature) => feature.value !== "tts").map((feature) => ({
    license: feature.value,
    quantity: 1,
    reason: `lists ${feature.value} in \`uses\` (its users need ${FEATURE_LICENSE_LABELS[feature.value]} licences on their own office)`,
    level: "required",
    whileInControl: false,
    ruleId: "feature-license",
    span: feature.span,
  }));
}

/** The office whose licence set serves an office's TTS: its own on a distributed server, else the
 * central office's (the central office, its fallback and its centralized members). Undefined when
 * the role or the central office cannot be known. */
export function ttsLicenseHolder(network: Network, office: Office, role: LicensingRole | undefined): Office | undefined {
  if (role === "distributed-member") return office;
  if (role === undefined) return undefined;
  return roles(network).centralOffice;
}

/** The offices that use tts, by the office that licenses their TTS (one pass over the network). */
const ttsServedFact = derivedFact("tts-served", (network): ReadonlyMap<Office, readonly Office[]> => {
  const served = new Map<Office, Office[]>();
  for (const office of network.offices) {
    if (office.isDuplicate || !office.features.some((feature) => feature.value === "tts")) continue;
    const holder = ttsLicenseHolder(network, office, roleInNetwork(network, office, licensingRole(office)));
    if (!holder) continue;
    const list = served.get(holder);
    if (list) list.push(office);
    else served.set(holder, [office]);
  }
  return served;
});

/** TTS for the users of every office whose server runs on this office's licence set. */
function ttsNeed(network: Network, holder: Office): LicenseNeed | undefined {
  const served = derived(network, ttsServedFact).get(holder) ?? [];
  if (served.length === 0) return undefined;
  const own = holder.features.find((feature) => feature.value === "tts");
  const others = served.filter((office) => office !== holder);
  const shown = others.slice(0, 3).map((office) => `'${office.name}'`).join(", ");
  const names = others.length > 3 ? `${shown} and ${others.length - 3} more` : shown;
  return {
    license: "tts",
    quantity: 1,
    reason: own && others.length === 0
      ? "lists tts in `uses` (TTS runs on the Voicemail Pro server, licensed by the office whose licence set it uses)"
      : `licenses the Voicemail Pro server that speaks text to speech for ${others.length === 1 ? "office" : "offices"} ${names}` +
        `${own ? " and its own users" : ""} (TTS runs on the server, licensed by the office whose licence set it uses)`,
    level: "required",
    whileInControl: false,
    ruleId: "feature-license",
    span: own?.span ?? holder.licenses.span ?? holder.nameSpan,
    related: others.flatMap((office) => {
      const feature = office.features.find((each) => each.value === "tts");
      return feature ? [{ span: feature.span, message: `office '${office.name}' uses tts` }] : [];
    }),
  };
}

/**
 * What the fallback office needs to keep the central office's features while it controls the
 * central server: each feature licence the central office holds and needs (S1: the fallback office
 * needs the licences "for the features required during fallback"). Advice: without it that
 * feature stops during fallback, the rest of voicemail works.
 */
function fallbackFeatureNeeds(network: Network, fallback: Office): LicenseNeed[] {
  const central = roles(network).centralOffice;
  if (!central || central === fallback) return [];
  const centralHolds = heldLicenses(central);
  if (centralHolds.uncertain) return [];
  const centralNeeds = new Set<Feature>(central.features.map((feature) => feature.value));
  if (ttsNeed(network, central)) centralNeeds.add("tts");
  return FEATURES.filter((feature) => centralNeeds.has(feature) && centralHolds.features[feature] > 0).map((feature) => ({
    license: feature,
    quantity: 1,
    reason: `keeps ${FEATURE_LICENSE_LABELS[feature]} working while it controls the central server in place of central office '${central.name}', which holds ${centralHolds.features[feature]}`,
    level: "advised",
    whileInControl: true,
    ruleId: "fallback-feature-license",
    span: fallback.roleSpan ?? fallback.nameSpan,
  }));
}

/** How many of a licence the office holds (ports: 4 per edition licence plus the additional ones). */
export function heldCount(holds: HeldLicenses, license: LicenseKind): number {
  if (license === "edition") return holds.edition ? 1 : 0;
  if (license === "ports") return holds.ports;
  return holds.features[license];
}

function unneededLicenses(office: Office, role: LicensingRole | undefined, holds: HeldLicenses): UnneededLicense[] {
  if (role !== "member" || holds.uncertain) return [];
  const unneeded: UnneededLicense[] = [];
  if (office.licenses.edition) unneeded.push({ license: "edition", span: office.licenses.edition.propertySpan });
  if (office.licenses.voicemailPorts && office.licenses.voicemailPorts.value > 0) {
    unneeded.push({ license: "ports", span: office.licenses.voicemailPorts.propertySpan });
  }
  return unneeded;
}

/** A second central office, or a second fallback office, is a mistake in its role (the count rules
 * report it, and say to make it a member): what that role would need is not judged, so one
 * mistake gives one diagnostic. The first of each role keeps it, as the count rules' messages say. */
function roleInNetwork(network: Network, office: Office, role: LicensingRole | undefined): LicensingRole | undefined {
  if (role === "central") return roles(network).centralOffices[0] === office ? role : undefined;
  if (role === "fallback") return roles(network).fallbackOffices[0] === office ? role : undefined;
  return role;
}

export function officeLicensing(network: Network, office: Office): OfficeLicensing {
  const role = roleInNetwork(network, office, licensingRole(office));
  const server = role === "distributed-member" ? office.voicemail?.server : undefined;
  const holds = heldLicenses(office);
  const needs: LicenseNeed[] = [];
  const edition = role && editionNeed(office, role, server);
  if (edition) needs.push(edition);
  const ports = role === "fallback" ? fallbackPortsNeed(network, office) : undefined;
  if (ports) needs.push(ports);
  needs.push(...ownFeatureNeeds(office));
  const tts = ttsNeed(network, office);
  if (tts) needs.push(tts);
  if (role === "fallback") needs.push(...fallbackFeatureNeeds(network, office));
  // A loop, not flatMap: that made an array per need, and most needs are met (every office, every check).
  const shortfalls: LicenseShortfall[] = [];
  if (!holds.uncertain) {
    for (const need of needs) {
      const held = heldCount(holds, need.license);
      if (held < need.quantity) shortfalls.push({ need, held, missing: need.quantity - held });
    }
  }
  return { office, role, server, needs, holds, shortfalls, unneeded: unneededLicenses(office, role, holds) };
}

const licensingFact = derivedFact("licensing", (network): readonly OfficeLicensing[] =>
  network.offices.filter((office) => !office.isDuplicate).map((office) => officeLicensing(network, office)));

/** Every office's licensing, in declaration order (later re-declarations of a name left out). */
export function networkLicensing(network: Network): readonly OfficeLicensing[] {
  return derived(network, licensingFact);
}

/** The shortfalls a rule reports, with the office concerned, in declaration order. */
export function shortfallsFor(network: Network, ruleId: string): readonly RuleShortfall[] {
  return derived(network, shortfallsByRuleFact).get(ruleId) ?? NO_SHORTFALLS;
}

export interface RuleShortfall {
  readonly licensing: OfficeLicensing;
  readonly shortfall: LicenseShortfall;
}

const NO_SHORTFALLS: readonly RuleShortfall[] = [];

/** Every shortfall filed under the rule that reports it, once per network: six rules ask, and each
 * filtering all 32 offices' shortfalls for its own made two arrays per office. */
const shortfallsByRuleFact = derivedFact("licence shortfalls by rule", (network): ReadonlyMap<string, readonly RuleShortfall[]> => {
  const byRule = new Map<string, RuleShortfall[]>();
  for (const licensing of networkLicensing(network)) {
    for (const shortfall of licensing.shortfalls) {
      const list = byRule.get(shortfall.need.ruleId);
      if (list) list.push({ licensing, shortfall });
      else byRule.set(shortfall.need.ruleId, [{ licensing, shortfall }]);
    }
  }
  return byRule;
});
