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
  return { supportsResiliency: true, backsUpMyVoicemail: office.role === "central" };
}

/** The office's links that have an office at the other end, in declaration order: one SCN line
 * each, in the same order as compileLines gives them. */
export function lineLinks(office: Office): { readonly link: Link; readonly peer: Office }[] {
  return office.links.flatMap((link) => {
    const peer = otherEnd(link, office);
    return peer ? [{ link, peer }] : [];
  });
}

/** One SCN line per link of the office, in declaration order. Numbers are stable: a line the
 * previous build had keeps its number, a new one takes the lowest free number from 17. */
export function compileLines(office: Office, previous: ReadonlyMap<string, number> | undefined): Line[] {
  const lines: Line[] = [];
  const links = lineLinks(office);
  const numbers = assignLineNumbers(links.map(({ peer }) => peer.name), previous);
  for (const [index, { link, peer }] of links.entries()) {
    const own = releaseOf(office);
    const theirs = releaseOf(peer);
    const lower = compareReleases(own, theirs) <= 0 ? own : theirs;
    const common = {
      lineNumber: numbers[index] as number,
      peer: peer.name,
      peerAddress: peer.address?.value.text ?? null,
      outgoingGroupId: link.groupId?.value ?? null,
    };
    const fallback = isFallbackLink(link);
    if (lineTypeFor(lower) === "H.323") {
      lines.push({ ...common, lineType: "H.323", supplementaryServices: fallback ? "IP Office SCN - Fallback" : "IP Office SCN" });
    } else {
      lines.push({
        ...common,
        lineType: "IP Office Line",
        networkingLevel: "SCN",
        ...(fallback ? { scnResiliency: scnResiliency(office) } : {}),
      });
    }
  }
  return lines;
}
