import { otherEnd } from "../ir/graph.js";
import type { Link, Office } from "../ir/types.js";
import { compareReleases } from "../ir/values.js";
import { isFallbackLink, releaseOf } from "./context.js";
import type { Line, ScnResiliency } from "./documents.js";
import { assignLineNumbers } from "./line-numbers.js";
import { lineTypeFor } from "./manager-labels.js";


/** On R8+ resilience the system requesting backup ticks what it wants backed up: the central
 * office asks its fallback to back up its voicemail (DOMAIN.md rule 18, §3.1; S18). */
function scnResiliency(office: Office): ScnResiliency {
  return { backsUpMyVoicemail: office.role === "central", supportsResiliency: true };
}

/** The office's links that have an office at the other end, in declaration order: one SCN line
 * each, in the same order as compileLines gives them. */
export function lineLinks(office: Office): { readonly link: Link; readonly peer: Office }[] {
  const links: { readonly link: Link; readonly peer: Office }[] = [];
  for (const link of office.links) {
    const peer = otherEnd(link, office);
    if (peer) links.push({ link, peer });
  }
  return links;
}

/** One office's line to one peer. Keys in code-unit order, as canonicalJson prints them. */
function compileLine(office: Office, link: Link, peer: Office, lineNumber: number): Line {
  const own = releaseOf(office);
  const theirs = releaseOf(peer);
  const lower = compareReleases(own, theirs) <= 0 ? own : theirs;
  const outgoingGroupId = link.groupId?.value ?? null;
  const peerAddress = peer.address?.value.text ?? null;
  const fallback = isFallbackLink(link);
  if (lineTypeFor(lower) === "H.323") {
    const supplementaryServices = fallback ? "IP Office SCN - Fallback" : "IP Office SCN";
    return { lineNumber, lineType: "H.323", outgoingGroupId, peer: peer.name, peerAddress, supplementaryServices };
  }
  if (!fallback) return { lineNumber, lineType: "IP Office Line", networkingLevel: "SCN", outgoingGroupId, peer: peer.name, peerAddress };
  return {
    lineNumber, lineType: "IP Office Line", networkingLevel: "SCN", outgoingGroupId, peer: peer.name, peerAddress,
    scnResiliency: scnResiliency(office),
  };
}

/** One SCN line per link of the office, in declaration order. Numbers are stable: a line the
 * previous build had keeps its number, a new one takes the lowest free number from 17. */
export function compileLines(office: Office, previous: ReadonlyMap<string, number> | undefined): Line[] {
  const links = lineLinks(office);
  const numbers = assignLineNumbers(links.map(({ peer }) => peer.name), previous);
  return links.map(({ link, peer }, index) => compileLine(office, link, peer, numbers[index] as number));
}
