import { otherEnd } from "../ir/graph.js";
import type { Office } from "../ir/types.js";
import { compareReleases } from "../ir/values.js";
import { isFallbackLink, releaseOf } from "./context.js";
import type { Line, ScnResiliency } from "./documents.js";
import { lineTypeFor } from "./manager-labels.js";

/** Line numbers 1–16 are reserved for hardware on IP500 V2 (DOMAIN.md rule 17; S21, S33). */
export const FIRST_LINE_NUMBER = 17;

/** On R8+ resilience the system requesting backup ticks what it wants backed up: the central
 * office asks its fallback to back up its voicemail (DOMAIN.md rule 18, §3.1; S18). */
function scnResiliency(office: Office): ScnResiliency {
  return { supportsResiliency: true, backsUpMyVoicemail: office.role === "central" };
}

/** One SCN line per link of the office, numbered from 17 in declaration order. */
export function compileLines(office: Office): Line[] {
  const lines: Line[] = [];
  for (const link of office.links) {
    const peer = otherEnd(link, office);
    if (!peer) continue;
    const own = releaseOf(office);
    const theirs = releaseOf(peer);
    const lower = compareReleases(own, theirs) <= 0 ? own : theirs;
    const common = {
      lineNumber: FIRST_LINE_NUMBER + lines.length,
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
