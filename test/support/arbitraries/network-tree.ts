import type fc from "fast-check";
import type { Item } from "./items.js";
import { networkModel, RELEASES, type LicensesModel, type NetworkModel, type OfficeModel, type ServerModel } from "./realistic-network.js";

/** A network model as an item tree: each property as people write it, in the model's order. */

function property(key: string, ...values: (string | number)[]): Item {
  return { head: [key, ...values.map(String)] };
}

function licencesTree(licences: LicensesModel): Item {
  const entries: Item[] = [];
  if (licences.edition) entries.push(property(licences.edition));
  if (licences.voicemailPorts !== undefined) entries.push(property("voicemail-ports", licences.voicemailPorts));
  if (licences.ums !== undefined) entries.push(property("ums", licences.ums));
  if (licences.contactStore !== undefined) entries.push(property("contact-store", licences.contactStore));
  if (licences.tts !== undefined) entries.push(property("tts", licences.tts));
  return { head: ["licenses"], block: entries };
}

function officeTree(office: OfficeModel): Item {
  const block: Item[] = [];
  if (office.role !== "member" || office.explicitMember) block.push(property("role", office.role));
  if (office.address) block.push(property("address", office.address));
  if (office.ownRelease) block.push(property("release", RELEASES[office.release] as string));
  if (office.users !== undefined) block.push(property("users", office.users));
  if (office.voicemail) block.push(property("voicemail", office.voicemail));
  if (office.uses.length > 0) block.push(property("uses", ...office.uses));
  if (office.licenses) block.push(licencesTree(office.licenses));
  return { head: ["office", office.name], block };
}

function serverTree(server: ServerModel): Item {
  const block: Item[] = [property("role", server.role)];
  if (server.address) block.push(property("address", server.address));
  if (server.ownVersion) block.push(property("version", RELEASES[server.version] as string));
  if (server.mailDomain) block.push(property("mail-domain", `"${server.mailDomain}"`));
  if (server.platform) block.push(property("platform", server.platform));
  if (server.failback) block.push(property("failback", server.failback.mode, ...(server.failback.minutes === undefined ? [] : [server.failback.minutes])));
  return { head: ["server", server.name], block };
}

function shuffled<T>(items: readonly T[], keys: readonly number[] | undefined): T[] {
  if (!keys) return [...items];
  return items.map((item, index) => ({ item, key: keys[index] ?? index })).sort((first, second) => first.key - second.key).map(({ item }) => item);
}

/** The model as an item tree; the order of items (and of each block's properties) follows `order`. */
export function networkTree(model: NetworkModel): Item {
  const items: Item[] = [];
  if (model.release !== undefined) items.push(property("release", RELEASES[model.release] as string));
  if (model.password?.kind === "env") items.push(property("voicemail-password", "env", `"${model.password.variable}"`));
  if (model.password?.kind === "literal") items.push(property("voicemail-password", `"${model.password.value}"`));
  const shuffleBlock = (item: Item, index: number): Item =>
    (model.order && item.block ? { ...item, block: shuffled(item.block, model.order.slice(index)) } : item);
  items.push(...model.servers.map(serverTree), ...model.offices.map(officeTree), ...model.links.map((link) =>
    ({ head: ["link", link.from, "--", link.to], block: [property("group-id", link.groupId)] })));
  return { head: ["network", model.name], block: shuffled(items.map(shuffleBlock), model.order) };
}

/** A valid network as an item tree. */
export const realisticNetwork: fc.Arbitrary<Item> = networkModel.map(networkTree);
