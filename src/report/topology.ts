import { renderDot } from "../graph-render/dot.js";
import { topology, type Topology, type TopologyEdge } from "../graph-render/topology.js";
import { roles } from "../ir/queries.js";
import type { Network } from "../ir/types.js";

/**
 * The report's drawing: `graph --format dot`'s topology, with each office's voicemail path named on
 * its edges: "central" to the central server, "fallback" to the backup server that answers when the
 * central one fails, "distributed" to a distributed server.
 */
export function reportTopology(network: Network): Topology {
  const drawing = topology(network);
  const { centralServer, backupServer } = roles(network);
  const idOf = new Map(drawing.nodes.map((node) => [node.name, node.id]));
  const edges: TopologyEdge[] = [];
  for (const edge of drawing.edges) {
    if (edge.kind !== "uses") {
      edges.push(edge);
      continue;
    }
    const server = drawing.nodes.find((node) => node.id === edge.to);
    const path = server?.role === "distributed" ? "distributed" : "central";
    edges.push({ ...edge, label: `voicemail: ${path}` });
    if (path === "central" && backupServer && centralServer && server?.name === centralServer.name) {
      edges.push({ from: edge.from, to: idOf.get(backupServer.name) as string, kind: "uses", label: "voicemail: fallback" });
    }
  }
  return { ...drawing, edges };
}

/** The DOT text the report lays out (the same shapes as `graph --format dot`). */
export function reportDot(network: Network): string {
  return renderDot(reportTopology(network));
}
