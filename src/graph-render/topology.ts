import { roles } from "../ir/queries.js";
import type { Network, OfficeRole, ServerRole } from "../ir/types.js";

/**
 * The topology as a drawing sees it, shared by the Mermaid and DOT renderers: offices and servers
 * (in declaration order), SCN links labelled with their group ids, and dashed "uses" edges from
 * each office to the server that answers its voicemail and from the backup to the central server.
 */
export interface TopologyNode {
  /** Unique, safe as an identifier in both languages (`office_0`, `server_2`). */
  readonly id: string;
  readonly name: string;
  readonly kind: "office" | "server";
  readonly role: OfficeRole | ServerRole;
  /** Lines of the node's label: its name, then its role and release. */
  readonly label: readonly string[];
}

export interface TopologyEdge {
  readonly from: string;
  readonly to: string;
  /** `link`: an SCN link (undirected); `uses`: the office's voicemail server; `backup`: backup → central server. */
  readonly kind: "link" | "uses" | "backup";
  readonly label?: string;
}

export interface Topology {
  readonly name: string;
  readonly nodes: readonly TopologyNode[];
  readonly edges: readonly TopologyEdge[];
}

/** Builds the drawing of a network without errors (every name resolves, every server has a role). */
export function topology(network: Network): Topology {
  const { centralServer, backupServer } = roles(network);
  const ids = new Map<string, string>();
  const nodes: TopologyNode[] = [];
  network.offices.forEach((office, index) => {
    const id = `office_${index}`;
    ids.set(office.name, id);
    const release = office.release ? ` · R${office.release.value.text}` : "";
    nodes.push({ id, name: office.name, kind: "office", role: office.role, label: [office.name, `${office.role} office${release}`] });
  });
  network.servers.forEach((server, index) => {
    const id = `server_${index}`;
    ids.set(server.name, id);
    const role = server.role?.value ?? "distributed";
    const version = server.version ? ` · ${server.version.value.text}` : "";
    nodes.push({ id, name: server.name, kind: "server", role, label: [server.name, `${role} server${version}`] });
  });

  const edges: TopologyEdge[] = [];
  for (const link of network.links) {
    const from = ids.get(link.from.name);
    const to = ids.get(link.to.name);
    if (!from || !to) continue;
    edges.push({ from, to, kind: "link", label: link.groupId ? `group ${link.groupId.value}` : "no group id" });
  }
  for (const office of network.offices) {
    const server = office.voicemail?.server ?? centralServer;
    const from = ids.get(office.name);
    const to = server && ids.get(server.name);
    if (from && to) edges.push({ from, to, kind: "uses" });
  }
  if (backupServer && centralServer) {
    edges.push({ from: ids.get(backupServer.name) as string, to: ids.get(centralServer.name) as string, kind: "backup", label: "backup of" });
  }
  return { name: network.name, nodes, edges };
}
