import type {
  AcceptFailureNode, LicensesNode, LinkNode, NameNode, NetworkNode, OfficeNode, PropertyNode, ServerNode, SourceFile, ValueNode,
} from "../language/ast.js";
import type { Span } from "../language/span.js";
import { linkBetween } from "./queries.js";
import type {
  AcceptedDevice, AcceptedFailure, Address, Device, DuplicateProperty, EditionLicense, EffectiveRelease, Failback, FailbackMode, Feature, InvalidValue,
  Licenses, Link, LinkEnd, Located, Network, Office, OfficeRole, Platform, Release, Secret, Server, ServerRole, UnknownProperties,
} from "./types.js";
import {
  checkDeviceAddress, checkEnvironmentVariable, checkMailDomain, checkName, parseAddressString, parseInteger, parseIpv4, parseRelease,
  type Checked,
} from "./values.js";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const MAX_USERS = 100_000;
const MAX_VOICEMAIL_PORTS = 250;
const MAX_FEATURE_LICENSES = 100_000;

const keyAsWritten = (key: string): string => key;

/** The properties of one block: the first of each key, with repeats reported. Blocks hold a
 * handful of properties, so a linear scan of the block's own list beats a Map here, and beats
 * copying the keys out too (two arrays per block were a tenth of what lowering allocated). */
class PropertyTable {
  constructor(
    private readonly items: readonly (PropertyNode | LicensesNode)[],
    owner: string,
    duplicates: DuplicateProperty[],
    private readonly sameKey: (key: string) => string = keyAsWritten,
  ) {
    for (let index = 0; index < items.length; index++) {
      const item = items[index] as PropertyNode | LicensesNode;
      const first = this.firstBefore(sameKey(item.key), index);
      if (first) duplicates.push({ key: item.key, owner, first: first.keySpan, repeated: item.span, repeatedKeySpan: item.keySpan });
    }
  }

  /** The first item among the first `end` whose key is the same as `key`. */
  private firstBefore(key: string, end: number): PropertyNode | LicensesNode | undefined {
    for (let index = 0; index < end; index++) {
      const item = this.items[index] as PropertyNode | LicensesNode;
      if (this.sameKey(item.key) === key) return item;
    }
    return undefined;
  }

  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  private find(key: string): PropertyNode | LicensesNode | undefined {
    return this.firstBefore(key, this.items.length);
  }

  get(key: string): PropertyNode | undefined {
    const item = this.find(key);
    return item?.kind === "property" ? item : undefined;
  }

  licenses(): LicensesNode | undefined {
    const item = this.find("licenses");
    return item?.kind === "licenses" ? item : undefined;
  }
}

/** Properties each kind of block may hold. */
const blockKeys = {
  network: ["release", "voicemail-password"],
  office: ["role", "address", "release", "users", "voicemail", "uses", "licenses"],
  server: ["role", "address", "version", "mail-domain", "platform", "failback"],
  link: ["group-id"],
} as const;

/** In a block the parser had to recover, an absent property may have been in the text it could
 * not read: it is unknown rather than absent, so rules about missing properties stay silent. */
function markUnreadable(recovered: boolean, present: (key: string) => boolean, keys: readonly string[], unknown: UnknownKeys): void {
  if (!recovered) return;
  for (const key of keys) if (!present(key)) unknown.add(key);
}

/** The edition licence has two names (pre-6.0 and 6.0+) for one thing: declaring both is a repeat. */
function licenseKey(key: string): string {
  return key === "voicemail-pro" ? "preferred-edition" : key;
}

/** No property is unknown: shared by every device that says so (most), instead of an empty set each. */
const NOTHING_UNKNOWN: UnknownProperties = new Set<string>();

/** The unknown properties of one block as lowering finds them; a set is made only for the first. */
class UnknownKeys {
  private keys: Set<string> | undefined;

  add(key: string): void {
    (this.keys ??= new Set()).add(key);
  }

  has(key: string): boolean {
    return this.keys?.has(key) === true;
  }

  result(): UnknownProperties {
    return this.keys ?? NOTHING_UNKNOWN;
  }
}

class Lowering {
  readonly invalidValues: InvalidValue[] = [];
  readonly duplicateProperties: DuplicateProperty[] = [];
  readonly devicesByName = new Map<string, Device>();
  /** The device being lowered ("office 'hq'"), so that a bad value's message names it. */
  device: string | undefined;

  invalid(span: Span, message: string): void {
    this.invalidValues.push({ span, message });
  }

  /** The single value of a property that parsed, or undefined (and the key marked unknown). */
  value(property: PropertyNode | undefined, unknown: UnknownKeys): ValueNode | undefined {
    if (!property) return undefined;
    const value = property.values[0];
    if (property.recovered || !value) {
      unknown.add(property.key);
      return undefined;
    }
    return value;
  }

  located<T>(checked: Checked<T>, value: ValueNode, property: PropertyNode, unknown: UnknownKeys, what: string): Located<T> | undefined {
    if (checked.ok) return { value: checked.value, span: value.span, propertySpan: property.span };
    unknown.add(property.key);
    const text = value.kind === "string" ? value.raw : "text" in value ? value.text : "";
    const invalid = this.device ? `${this.device} has an invalid ${what}` : `invalid ${what}`;
    this.invalid(value.span, `${invalid} ${text}: ${checked.problem}`);
    return undefined;
  }

  word<T extends string>(property: PropertyNode | undefined, unknown: UnknownKeys): Located<T> | undefined {
    const value = this.value(property, unknown);
    if (!value || value.kind !== "word" || !property) return undefined;
    return { value: value.text as T, span: value.span, propertySpan: property.span };
  }

  release(property: PropertyNode | undefined, unknown: UnknownKeys, what: string): Located<Release> | undefined {
    const value = this.value(property, unknown);
    if (!value || value.kind !== "release" || !property) return undefined;
    return this.located(parseRelease(value.text), value, property, unknown, what);
  }

  integer(property: PropertyNode | undefined, unknown: UnknownKeys, maximum: number, what: string): Located<number> | undefined {
    const value = this.value(property, unknown);
    if (!value || value.kind !== "integer" || !property) return undefined;
    return this.located(parseInteger(value.text, 0, maximum, what), value, property, unknown, what);
  }

  address(property: PropertyNode | undefined, unknown: UnknownKeys): Located<Address> | undefined {
    const value = this.value(property, unknown);
    if (!value || !property) return undefined;
    if (value.kind === "address") return this.located(checkDeviceAddress(parseIpv4(value.text)), value, property, unknown, "address");
    if (value.kind === "string") return this.located(checkDeviceAddress(parseAddressString(value.value)), value, property, unknown, "address");
    return undefined;
  }

  name(node: NameNode): void {
    const checked = checkName(node.text);
    if (checked.ok) return;
    const shown = node.text.length > 24 ? `${node.text.slice(0, 20)}…` : node.text;
    this.invalid(node.span, `invalid name '${shown}': ${checked.problem}`);
  }

  effective(own: Located<Release> | undefined, ownUnknown: boolean, network: Located<Release> | undefined): EffectiveRelease | undefined {
    if (own) return { value: own.value, span: own.span, propertySpan: own.propertySpan, inherited: false };
    if (ownUnknown || !network) return undefined;
    return { value: network.value, span: network.span, propertySpan: network.propertySpan, inherited: true };
  }

  register(device: Device): void {
    if (!this.devicesByName.has(device.name)) this.devicesByName.set(device.name, device);
  }
}

function lowerNetworkProperties(network: NetworkNode, lowering: Lowering): { release: Located<Release> | undefined; voicemailPassword: Secret | undefined; unknown: UnknownProperties } {
  const unknown = new UnknownKeys();
  const properties = network.items.filter((item): item is PropertyNode => item.kind === "property");
  const table = new PropertyTable(properties, "the network", lowering.duplicateProperties);
  markUnreadable(network.recovered, (key) => table.has(key), blockKeys.network, unknown);
  const release = lowering.release(table.get("release"), unknown, "release");
  const passwordProperty = table.get("voicemail-password");
  const passwordValue = lowering.value(passwordProperty, unknown);
  let voicemailPassword: Secret | undefined;
  if (passwordProperty && passwordValue?.kind === "string" && passwordValue.value === "") {
    // Build could write no value for it: a password of nothing is a mistake, not a setting.
    unknown.add("voicemail-password");
    lowering.invalid(passwordValue.span, 'invalid voicemail password "": it is empty; to leave the password blank, leave the line out');
  } else if (passwordProperty && passwordValue?.kind === "string") {
    voicemailPassword = { kind: "literal", value: passwordValue.value, span: passwordValue.span, propertySpan: passwordProperty.span };
  } else if (passwordProperty && passwordValue?.kind === "env" && passwordValue.variable) {
    const variable = passwordValue.variable.value;
    const checked = checkEnvironmentVariable(variable);
    if (checked.ok) voicemailPassword = { kind: "env", variable, span: passwordValue.span, propertySpan: passwordProperty.span };
    else lowering.invalid(passwordValue.variable.span, `invalid environment variable ${passwordValue.variable.raw}: ${checked.problem}`);
  }
  // Read by destructuring only (lower below): an absent property can be undefined here, with no spread.
  return { release, voicemailPassword, unknown: unknown.result() };
}

function lowerFeatures(property: PropertyNode | undefined, unknown: UnknownKeys, lowering: Lowering): Located<Feature>[] {
  if (!property) return [];
  if (property.recovered) unknown.add("uses");
  const features: Located<Feature>[] = [];
  for (const value of property.values) {
    if (value.kind !== "word") continue;
    if (features.some((feature) => feature.value === value.text)) {
      lowering.invalid(value.span, `feature '${value.text}' is listed twice in 'uses'`);
      continue;
    }
    features.push({ value: value.text as Feature, span: value.span, propertySpan: property.span });
  }
  return features;
}

function lowerLicenses(node: LicensesNode | undefined, owner: string, unknown: UnknownKeys, lowering: Lowering): Licenses {
  if (!node) return {};
  if (node.recovered) unknown.add("licenses");
  const table = new PropertyTable(node.entries, `the licenses of ${owner}`, lowering.duplicateProperties, licenseKey);
  const editionProperty = table.get("preferred-edition");
  const edition: Located<EditionLicense> | undefined = editionProperty && !editionProperty.recovered
    ? { value: editionProperty.key as EditionLicense, span: editionProperty.keySpan, propertySpan: editionProperty.span }
    : undefined;
  const quantity = (key: string, maximum: number, what: string): Located<number> | undefined => {
    const property = table.get(key);
    const located = lowering.integer(property, unknown, maximum, what);
    if (property && !located) unknown.add("licenses");
    return located;
  };
  const voicemailPorts = quantity("voicemail-ports", MAX_VOICEMAIL_PORTS, "number of additional voicemail ports");
  const ums = quantity("ums", MAX_FEATURE_LICENSES, "number of UMS licences");
  const contactStore = quantity("contact-store", MAX_FEATURE_LICENSES, "number of ContactStore licences");
  const tts = quantity("tts", MAX_FEATURE_LICENSES, "number of TTS licences");
  // Assigned one by one: spreading `{ edition }` or `{}` made a throwaway object per licence.
  const licenses: Mutable<Licenses> = { span: node.span };
  if (edition) licenses.edition = edition;
  if (voicemailPorts) licenses.voicemailPorts = voicemailPorts;
  if (ums) licenses.ums = ums;
  if (contactStore) licenses.contactStore = contactStore;
  if (tts) licenses.tts = tts;
  return licenses;
}

function lowerOffice(node: OfficeNode & { name: NameNode }, index: number, networkRelease: Located<Release> | undefined, lowering: Lowering): Office {
  const owner = `office '${node.name.text}'`;
  lowering.device = owner;
  const unknown = new UnknownKeys();
  const table = new PropertyTable(node.properties, owner, lowering.duplicateProperties);
  markUnreadable(node.recovered, (key) => table.has(key), blockKeys.office, unknown);
  const role = lowering.word<OfficeRole>(table.get("role"), unknown);
  const address = lowering.address(table.get("address"), unknown);
  const ownRelease = lowering.release(table.get("release"), unknown, "release");
  const users = lowering.integer(table.get("users"), unknown, MAX_USERS, "number of users");
  const voicemailProperty = table.get("voicemail");
  const voicemailValue = lowering.value(voicemailProperty, unknown);
  const office: Mutable<Office> = {
    kind: "office",
    name: node.name.text,
    nameSpan: node.name.span,
    span: node.span,
    index,
    isDuplicate: lowering.devicesByName.has(node.name.text),
    unknown: NOTHING_UNKNOWN,
    role: role?.value ?? "member",
    features: lowerFeatures(table.get("uses"), unknown, lowering),
    licenses: lowerLicenses(table.licenses(), owner, unknown, lowering),
    links: [],
  };
  if (role) office.roleSpan = role.span;
  if (address) office.address = address;
  const release = lowering.effective(ownRelease, unknown.has("release"), networkRelease);
  if (release) office.release = release;
  if (users) office.users = users;
  if (voicemailProperty && voicemailValue?.kind === "name") {
    office.voicemail = { name: voicemailValue.text, span: voicemailValue.span, propertySpan: voicemailProperty.span, server: undefined };
  }
  office.unknown = unknown.result();
  lowering.device = undefined;
  return office;
}

function lowerFailback(property: PropertyNode | undefined, unknown: UnknownKeys): Failback | undefined {
  if (!property) return undefined;
  const [mode, minutes] = property.values;
  if (property.recovered || mode?.kind !== "word") {
    unknown.add("failback");
    return undefined;
  }
  return {
    mode: { value: mode.text as FailbackMode, span: mode.span, propertySpan: property.span },
    ...(minutes?.kind === "integer" ? { minutes: { value: Number(minutes.text), span: minutes.span, propertySpan: property.span } } : {}),
    propertySpan: property.span,
  };
}

function lowerServer(node: ServerNode & { name: NameNode }, index: number, networkRelease: Located<Release> | undefined, lowering: Lowering): Server {
  const unknown = new UnknownKeys();
  lowering.device = `server '${node.name.text}'`;
  const table = new PropertyTable(node.properties, lowering.device, lowering.duplicateProperties);
  markUnreadable(node.recovered, (key) => table.has(key), blockKeys.server, unknown);
  const role = lowering.word<ServerRole>(table.get("role"), unknown);
  const address = lowering.address(table.get("address"), unknown);
  const ownVersion = lowering.release(table.get("version"), unknown, "version");
  const mailDomainProperty = table.get("mail-domain");
  const mailDomainValue = lowering.value(mailDomainProperty, unknown);
  const mailDomain = mailDomainProperty && mailDomainValue?.kind === "string"
    ? lowering.located(checkMailDomain(mailDomainValue.value), mailDomainValue, mailDomainProperty, unknown, "mail domain")
    : undefined;
  const platform = lowering.word<Platform>(table.get("platform"), unknown);
  const failback = lowerFailback(table.get("failback"), unknown);
  const server: Mutable<Server> = {
    kind: "server",
    name: node.name.text,
    nameSpan: node.name.span,
    span: node.span,
    index,
    isDuplicate: lowering.devicesByName.has(node.name.text),
    unknown: unknown.result(),
    usedBy: [],
  };
  if (role) server.role = role;
  if (address) server.address = address;
  const version = lowering.effective(ownVersion, unknown.has("version"), networkRelease);
  if (version) server.version = version;
  if (mailDomain) server.mailDomain = mailDomain;
  if (platform) server.platform = platform;
  if (failback) server.failback = failback;
  lowering.device = undefined;
  return server;
}

function linkEnd(name: NameNode, lowering: Lowering): LinkEnd {
  const device = lowering.devicesByName.get(name.text);
  return { name: name.text, span: name.span, office: device?.kind === "office" ? device : undefined };
}

function lowerLink(node: LinkNode & { from: NameNode; to: NameNode }, index: number, lowering: Lowering): Link {
  const unknown = new UnknownKeys();
  const table = new PropertyTable(node.properties, `link '${node.from.text} -- ${node.to.text}'`, lowering.duplicateProperties);
  markUnreadable(node.recovered, (key) => table.has(key), blockKeys.link, unknown);
  const groupIdProperty = table.get("group-id");
  const groupIdValue = lowering.value(groupIdProperty, unknown);
  const link: Mutable<Link> = {
    kind: "link", index, from: linkEnd(node.from, lowering), to: linkEnd(node.to, lowering), span: node.span,
    keywordSpan: node.keywordSpan, unknown: unknown.result(),
  };
  // Range checks on group ids belong to their own rules (group-id-range and friends), not invalid-value.
  if (groupIdProperty && groupIdValue?.kind === "integer") {
    link.groupId = { value: Number(groupIdValue.text), span: groupIdValue.span, propertySpan: groupIdProperty.span };
  }
  return link;
}

function lowerAcceptedFailure(node: AcceptFailureNode, index: number, links: readonly Link[], lowering: Lowering): AcceptedFailure {
  const devices: AcceptedDevice[] = [];
  for (const failure of node.failures) {
    if (!failure.from || (failure.isLink && !failure.to)) continue;
    if (!failure.isLink || !failure.to) {
      const device = lowering.devicesByName.get(failure.from.text);
      devices.push({ name: failure.from.text, span: failure.span, target: device });
      continue;
    }
    const ends: [LinkEnd, LinkEnd] = [linkEnd(failure.from, lowering), linkEnd(failure.to, lowering)];
    const link = ends[0].office && ends[1].office ? linkBetween(links, ends[0].name, ends[1].name) : undefined;
    devices.push({ name: `${ends[0].name}--${ends[1].name}`, span: failure.span, target: link, ends });
  }
  const accepted: Mutable<AcceptedFailure> = { index, devices, span: node.span, keywordSpan: node.keywordSpan };
  if (node.reason) {
    if (node.reason.value.trim() === "") lowering.invalid(node.reason.span, 'invalid reason "": say why losing voicemail in this failure is accepted');
    else if (!node.recovered) accepted.reason = { value: node.reason.value, span: node.reason.span, propertySpan: node.span };
  }
  return accepted;
}

/** The fields every network has, for a source without a network block. */
function networkBase(source: SourceFile, lowering: Lowering) {
  return {
    invalidValues: lowering.invalidValues,
    duplicateProperties: lowering.duplicateProperties,
    devicesByName: lowering.devicesByName,
    syntaxErrors: source.syntaxErrors,
    source,
    derived: new Map<object, unknown>(),
  };
}

function hasName<N extends { name: NameNode | undefined }>(node: N): node is N & { name: NameNode } {
  return node.name !== undefined;
}

/** Syntax tree → intermediate form. Pure; never throws on a partial tree. */
export function lower(source: SourceFile): Network {
  const lowering = new Lowering();
  const node = source.network;
  if (!node) {
    return {
      ...networkBase(source, lowering), name: "", span: { start: 0, end: 0 }, unknown: new Set(), offices: [], servers: [], links: [], acceptedFailures: [],
      declared: false,
    };
  }

  const { release, voicemailPassword, unknown } = lowerNetworkProperties(node, lowering);
  if (node.name && node.name.value.trim() === "") lowering.invalid(node.name.span, "invalid network name \"\": the network needs a name");
  const offices: Office[] = [];
  const servers: Server[] = [];
  for (const item of node.items) {
    if ((item.kind !== "office" && item.kind !== "server") || !hasName(item)) continue;
    lowering.name(item.name);
    const device = item.kind === "office"
      ? lowerOffice(item, offices.length, release, lowering)
      : lowerServer(item, servers.length, release, lowering);
    if (device.kind === "office") offices.push(device);
    else servers.push(device);
    lowering.register(device);
  }

  for (const office of offices) {
    if (!office.voicemail) continue;
    const device = lowering.devicesByName.get(office.voicemail.name);
    if (device?.kind !== "server") continue;
    (office as Mutable<Office>).voicemail = { ...office.voicemail, server: device };
    if (!office.isDuplicate) device.usedBy.push(office);
  }

  const links: Link[] = [];
  for (const item of node.items) {
    if (item.kind !== "link" || !item.from || !item.to) continue;
    const link = lowerLink(item as LinkNode & { from: NameNode; to: NameNode }, links.length, lowering);
    links.push(link);
    const { from, to } = link;
    if (from.office && to.office) {
      from.office.links.push(link);
      if (to.office !== from.office) to.office.links.push(link);
    }
  }

  const acceptedFailures: AcceptedFailure[] = [];
  for (const item of node.items) {
    if (item.kind === "accept-failure") acceptedFailures.push(lowerAcceptedFailure(item, acceptedFailures.length, links, lowering));
  }

  // Written out, not spread from a shared object: with the spread, every young-generation collection
  // promoted about 4 kB per check made since the one before (265 kB at the language server's 32 MB
  // semi-space against 18 kB now; bench/lsp-promotion.ts), each copied once more and then kept in the
  // old generation until a full collection. Why V8 kept them is not known; the spread is what mattered.
  return {
    invalidValues: lowering.invalidValues,
    duplicateProperties: lowering.duplicateProperties,
    devicesByName: lowering.devicesByName,
    syntaxErrors: source.syntaxErrors,
    source,
    derived: new Map<object, unknown>(),
    name: node.name?.value ?? "",
    ...(node.name ? { nameSpan: node.name.span } : {}),
    span: node.span,
    ...(release ? { release } : {}),
    ...(voicemailPassword ? { voicemailPassword } : {}),
    unknown,
    offices,
    servers,
    links,
    acceptedFailures,
    declared: true,
    ...(node.recovered ? { partial: true } : {}),
    ...(node.unreadableNames ? { unreadableNames: new Set(node.unreadableNames) } : {}),
  };
}
