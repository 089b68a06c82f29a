import type { Link } from "../ir/types.js";
import { releaseBelow } from "../ir/values.js";
import { linksToKeep } from "./group-ids.js";
import { defineRule } from "./rule.js";
import { scnLimits } from "./scn-limits.js";

/** Union–find over office indexes: near-constant time per link, so cycle detection is linear. */
class OfficeSets {
  private readonly parent: Int32Array;

  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
  }

  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root] as number;
    while (this.parent[index] !== root) {
      const next = this.parent[index] as number;
      this.parent[index] = root;
      index = next;
    }
    return root;
  }

  /** Joins two sets; false when they were already one. */
  join(first: number, second: number): boolean {
    const [a, b] = [this.find(first), this.find(second)];
    if (a === b) return false;
    this.parent[a] = b;
    return true;
  }
}

export default defineRule({
  id: "scn-mesh-before-r5",
  severity: "error",
  category: "SCN size and shape",
  summary: "The lowest office release is below 5.0 and the links contain a cycle.",
  basis: "Before R5.0 an SCN supports only star or serial layouts, with one route between any two systems.",
  sources: ["S15", "S16", "S31"],
  explain: `Before release 5.0, an SCN supports only star or serial (chain) layouts of H.323 SCN lines:
there must be exactly one route between any two offices, so the links may not form a loop (S15, S16,
S31). From 5.0 a mesh is allowed. The limit follows the lowest release of any office.

Each link that closes a loop is reported: removing the reported links leaves a tree. A second link
between the same two offices is \`duplicate-link\`, not a loop.`,
  examples: {
    failing: `network "Example" {
  release 4.2
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
  office east { address 10.2.0.1 }
  office west { address 10.3.0.1 }
  link hq -- east { group-id 101 }
  link hq -- west { group-id 102 }
  link east -- west { group-id 103 }
}
`,
    fixed: `network "Example" {
  release 4.2
  server vm-hq { role central address 10.0.0.10 }
  office hq { role central address 10.0.0.1 licenses { voicemail-pro } }
  office east { address 10.2.0.1 }
  office west { address 10.3.0.1 }
  link hq -- east { group-id 101 }
  link hq -- west { group-id 102 }
}
`,
  },
  check(network, report) {
    const limits = scnLimits(network);
    if (!limits || !releaseBelow(limits.release, 5)) return;
    const sets = new OfficeSets(network.offices.length);
    const closing: Link[] = [];
    for (const link of linksToKeep(network)) {
      const { from, to } = link;
      if (!from.office || !to.office) continue;
      if (!sets.join(from.office.index, to.office.index)) closing.push(link);
    }
    for (const link of closing) {
      report({
        at: { start: link.from.span.start, end: link.to.span.end },
        message: `link ${link.from.name} -- ${link.to.name} closes a loop: '${link.from.name}' and '${link.to.name}' are already joined through other links; ` +
          `below release 5.0 (office '${limits.lowestOffice.name}' is at ${limits.release.text}) an SCN must be a star or a chain, so remove this link or upgrade every office to 5.0`,
      });
    }
  },
});
