import { expect } from "vitest";
import { checkText } from "../../src/check.js";
import { compileNetwork } from "../../src/compile/compile.js";
import { officeChecklist } from "../../src/compile/checklist/office.js";
import { serverChecklist } from "../../src/compile/checklist/server.js";
import type { CompiledNetwork, OfficeDocument, PasswordOutput, ServerDocument } from "../../src/compile/documents.js";
import type { Step } from "../../src/compile/steps/model.js";

/** Compiles a test network, which must have no errors (each test shows only what it is about). */
export function compileText(text: string, password: PasswordOutput = null): CompiledNetwork {
  const { network, diagnostics } = checkText(text);
  expect(diagnostics.filter((diagnostic) => diagnostic.severity === "error").map((diagnostic) => diagnostic.message)).toEqual([]);
  return compileNetwork(network, { password });
}

export function officeOf(compiled: CompiledNetwork, name: string): OfficeDocument {
  const office = compiled.offices.find((candidate) => candidate.name === name);
  if (!office) throw new Error(`no office ${name}`);
  return office;
}

export function serverOf(compiled: CompiledNetwork, name: string): ServerDocument {
  const server = compiled.servers.find((candidate) => candidate.name === name);
  if (!server) throw new Error(`no server ${name}`);
  return server;
}

export function stepsOf(compiled: CompiledNetwork, kind: "office" | "server", name: string): readonly Step[] {
  const found = compiled.steps.find(({ device }) => device.kind === kind && device.name === name);
  if (!found) throw new Error(`no steps for ${kind} ${name}`);
  return found.steps;
}

/** The Markdown checklist `build --format checklist` writes for one office. */
export function officeChecklistOf(compiled: CompiledNetwork, name: string): string {
  return officeChecklist(officeOf(compiled, name), stepsOf(compiled, "office", name));
}

export function serverChecklistOf(compiled: CompiledNetwork, name: string): string {
  return serverChecklist(serverOf(compiled, name), stepsOf(compiled, "server", name));
}
