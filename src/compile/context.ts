import { firstHopsToward } from "../ir/graph.js";
import { roles, type Roles } from "../ir/queries.js";
import type { Link, Network, Office, Release } from "../ir/types.js";
import type { OfficeDocumentRole, PasswordOutput } from "./documents.js";
import type { LineNumbers } from "./line-numbers.js";

/** What every device's compilation needs to know about the whole network, computed once. */
export interface CompileContext {
  readonly network: Network;
  readonly roles: Roles;
  /** Per office (by `office.index`), the first link of its shortest path to the central office. */
  readonly firstHops: readonly (Link | undefined)[];
  readonly password: PasswordOutput;
  readonly lineNumbers: LineNumbers;
}

export function compileContext(network: Network, password: PasswordOutput, lineNumbers: LineNumbers): CompileContext {
  const networkRoles = roles(network);
  const central = networkRoles.centralOffice;
  return {
    network,
    roles: networkRoles,
    firstHops: central ? firstHopsToward(network, central) : [],
    password,
    lineNumbers,
  };
}

/** An office's role in the output. A member that names a distributed server is a distributed
 * member; the central and fallback offices keep their roles even if they name one (the rule
 * distributed-not-for-central-or-fallback reports that, and neither may use one). */
export function officeRole(office: Office): OfficeDocumentRole {
  if (office.role !== "member") return office.role;
  return office.voicemail?.server?.role?.value === "distributed" ? "distributed-member" : "member";
}

/** The link between the central office and a fallback office carries the fallback settings at both
 * ends (DOMAIN.md rule 18; S17, S18). */
export function isFallbackLink(link: Link): boolean {
  const from = link.from.office?.role;
  const to = link.to.office?.role;
  return (from === "central" && to === "fallback") || (from === "fallback" && to === "central");
}

/** The compiler runs only on networks whose preconditions hold (see preconditions.ts); a value
 * missing here is a bug in that gate, not a user error. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the compiler needs ${what}; the precondition check should have stopped this build`);
  return value;
}

export function releaseOf(office: Office): Release {
  return required(office.release, `a release for office '${office.name}'`).value;
}
