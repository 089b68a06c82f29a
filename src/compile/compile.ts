import type { Network, Office, Server } from "../ir/types.js";
import { compileContext, type CompileContext } from "./context.js";
import type { CompiledNetwork, OfficeDocument, PasswordOutput, ServerDocument } from "./documents.js";
import type { DeviceSteps } from "./steps/model.js";
import { NO_LINE_NUMBERS, type LineNumbers } from "./line-numbers.js";
import { compileOffice } from "./office.js";
import { compileServer } from "./server.js";
import { officeSteps } from "./steps/office.js";
import { serverSteps } from "./steps/server.js";

export interface CompileOptions {
  /** The network's voicemail password as it is to be written (see resolvePassword). */
  readonly password: PasswordOutput;
  /** The line numbers of the build being replaced (existingLineNumbers), kept where the link still
   * exists; none for a first build. */
  readonly lineNumbers?: LineNumbers;
}

/**
 * Checked network → one document per office and server (OUTPUT.md), and each device's checklist
 * steps (steps/model.ts), which the checklist and the runbook render. Pure. The network must meet
 * the compiler's preconditions (preconditions.ts): no syntax errors, every name declared once and
 * resolved, every release known, one central office and one central server.
 */
/** The devices compileNetwork writes a document for, in its order: each office and server declared
 * once (a duplicate's diagnostic stops the build). What build writes is known without compiling. */
export function compiledDevices(network: Network): { kind: "office" | "server"; name: string }[] {
  return [
    ...network.offices.filter((office) => !office.isDuplicate).map((office) => ({ kind: "office" as const, name: office.name })),
    ...network.servers.filter((server) => !server.isDuplicate).map((server) => ({ kind: "server" as const, name: server.name })),
  ];
}

export function compileNetwork(network: Network, options: CompileOptions): CompiledNetwork {
  const context = compileContext(network, options.password, options.lineNumbers ?? NO_LINE_NUMBERS);
  const offices = network.offices.filter((office) => !office.isDuplicate);
  const servers = network.servers.filter((server) => !server.isDuplicate);
  return new Compiled(context, offices, offices.map((office) => compileOffice(office, context)), servers, servers.map((server) => compileServer(server, context)));
}

/**
 * A compiled network whose checklist steps are computed when first read: JSON output never needs
 * them, and they cost as much as the documents (a batch build of 1,000 networks spent an eighth of
 * its time on them). A class, with the getter on its prototype: a getter written in an object
 * literal gave every compiled network a hidden class of its own, kept in old space until the next
 * full collection, and through it the whole network, so that every young-generation collection of
 * a batch build copied the networks of the ones before it (150 MB survived instead of 50 MB over
 * 1,000 networks).
 */
class Compiled implements CompiledNetwork {
  readonly network: string;
  private compiledSteps: DeviceSteps[] | undefined;

  constructor(
    private readonly context: CompileContext,
    private readonly officeSources: readonly Office[],
    readonly offices: readonly OfficeDocument[],
    private readonly serverSources: readonly Server[],
    readonly servers: readonly ServerDocument[],
  ) {
    this.network = context.network.name;
  }

  get steps(): readonly DeviceSteps[] {
    this.compiledSteps ??= [
      ...this.offices.map((document, index) => ({
        device: { kind: "office" as const, name: document.name },
        steps: officeSteps(document, this.officeSources[index] as Office, this.context),
      })),
      ...this.servers.map((document, index) => ({
        device: { kind: "server" as const, name: document.name },
        steps: serverSteps(document, this.serverSources[index] as Server, this.context),
      })),
    ];
    return this.compiledSteps;
  }
}
