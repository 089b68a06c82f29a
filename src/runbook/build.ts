import type { CompiledNetwork, OfficeDocument, ServerDocument } from "../compile/documents.js";
import { sendStep } from "../compile/steps/office.js";
import type { Step, StepDevice } from "../compile/steps/model.js";
import type { Network } from "../ir/types.js";
import { FULL_RUNBOOK, type ChangeSet } from "./changes.js";
import { impactOf } from "./impact.js";
import type { Impact, Phase, PhaseKind, Runbook, RunbookStep, Verification } from "./model.js";
import { chooseOfficeOrder } from "./office-order.js";
import { installStep, lineCheckStep } from "./own-steps.js";
import { runbookStep, SourceLines, type PlannedStep } from "./steps.js";
import { finalChecks, officeChecks, securityChecks, serverChecks } from "./verification.js";

export interface RunbookInput {
  /** The checked network (no errors), as it is to be. */
  readonly network: Network;
  readonly compiled: CompiledNetwork;
  /** The .scn text, for the line numbers of each step. */
  readonly text: string;
  /** What a previous build has (--from); a full runbook when absent. */
  readonly changes?: ChangeSet;
}

/** A phase before its steps are numbered and simulated. */
interface PlannedPhase {
  readonly kind: PhaseKind;
  readonly title: string;
  readonly why: string;
  readonly steps: readonly PlannedStep[];
  /** The device that comes into service when the phase ends. */
  readonly bringsIntoService?: string;
  readonly verification: (notYetInService: ReadonlySet<string>) => Verification[];
}

/** The impact of an edit in Manager before the configuration is sent: the Markdown leaves it out. */
export const EDIT_IMPACT = "None yet: an edit in Manager's copy of the configuration, which reaches the system when it is sent.";

const QUIET = {
  edit: { text: EDIT_IMPACT, inferred: false, sources: ["S36"] },
  merge: { text: "None: Manager merges the change into the running system without a restart.", inferred: false, sources: ["S36"] },
  online: { text: "None: Security Settings are changed on the running system, without a restart.", inferred: false, sources: ["S35"] },
  server: { text: "None expected: the Voicemail Pro preferences are changed on the running server (inferred).", inferred: true, sources: [] },
  windows: { text: "None expected: the SMTP service is installed beside the Voicemail Pro service (inferred).", inferred: true, sources: [] },
  check: { text: "None: a check, which changes nothing.", inferred: false, sources: [] },
  install: { text: "None: a new server, which no office uses until the offices that point at it are changed.", inferred: false, sources: [] },
} as const;

function quietFor(planned: PlannedStep): (typeof QUIET)[keyof typeof QUIET] {
  const { step } = planned;
  if (planned.changeClass === "none") return QUIET.check;
  if (planned.section === "install") return QUIET.install;
  if (step.tool === "Security Settings") return QUIET.online;
  if (step.tool === "Windows") return QUIET.windows;
  if (step.changeClass === "server") return QUIET.server;
  return step.section === "send" ? QUIET.merge : QUIET.edit;
}

/** The devices a step takes out of service: an office sent its configuration with Reboot, a server
 * moving to a new address. A server being installed is not in service yet (notYetInService). */
function takenDown(planned: PlannedStep): string[] {
  const { step } = planned;
  if (step.section === "send" && step.changeClass === "reboot") return [step.device.name];
  if (step.device.kind === "server" && step.id === "address") return [step.device.name];
  return [];
}

class DeviceStepIndex {
  constructor(private readonly compiled: CompiledNetwork, private readonly changes: ChangeSet) {}

  /** A device's checklist steps that change something, with the runbook's extra ones (a deleted line). */
  kept(device: StepDevice): Step[] {
    const found = this.compiled.steps.find((entry) => entry.device.kind === device.kind && entry.device.name === device.name);
    const steps = (found?.steps ?? []).filter((step) => step.section !== "send" && this.changes.changes(step))
      .map((step) => {
        const notes = this.changes.notesFor(step);
        return notes.length === 0 ? step : { ...step, notes: [...step.notes, ...notes] };
      });
    return [...steps, ...this.changes.extraSteps(device)];
  }
}

function serverOrder(compiled: CompiledNetwork): ServerDocument[] {
  const rank = { central: 0, distributed: 1, backup: 2 } as const;
  return [...compiled.servers].sort((first, second) => rank[first.role] - rank[second.role]);
}

function serverPhases(input: RunbookInput, index: DeviceStepIndex, changes: ChangeSet): PlannedPhase[] {
  const servers = serverOrder(input.compiled);
  const central = servers.find((server) => server.role === "central");
  // Sync is set up when the backup server is there: the central server's half goes with it.
  const centralSync = central ? index.kept({ kind: "server", name: central.name }).filter((step) => step.id === "email:sync-check") : [];
  return servers.flatMap((document): PlannedPhase[] => {
    const device: StepDevice = { kind: "server", name: document.name };
    const server = input.network.servers.find((candidate) => candidate.name === document.name && !candidate.isDuplicate);
    const kept = index.kept(device);
    const own = [...kept.filter((step) => step.id === "address"), ...kept.filter((step) => step.id !== "address")]
      .filter((step) => step.section === "smtp-service" || step.section === "preferences-email")
      .filter((step) => !(document.role === "central" && step.id === "email:sync-check"));
    const steps: PlannedStep[] = [
      ...(changes.isNew(device) && server ? [installStep(document, server)] : []),
      ...own.map((step) => ({ step })),
      ...(document.role === "backup" ? centralSync.map((step) => ({ step })) : []),
    ];
    if (steps.length === 0) return [];
    return [{
      kind: "server",
      title: `Server ${document.name} (${document.role})`,
      why: SERVER_WHY[document.role],
      steps,
      bringsIntoService: document.name,
      verification: () => serverChecks(document),
    }];
  });
}

const SERVER_WHY: Record<ServerDocument["role"], string> = {
  central: "Servers come before the offices that point at them: the central server first, so that each office finds it when its configuration is sent.",
  distributed: "A distributed server comes after the central server it forwards its messages to, and before the offices that use it.",
  backup: "The backup server comes after the central server is up, with the sync between the two set up on both.",
};

/** `later`: offices changed after this one, whose end of a line is not up yet. */
function officePlannedSteps(document: OfficeDocument, kept: readonly Step[], later: ReadonlySet<string>): PlannedStep[] {
  const device: StepDevice = { kind: "office", name: document.name };
  const peerOf = (step: Step): string | undefined => document.lines.find((line) => step.id === `line:${line.lineNumber}`)?.peer;
  const before = kept.filter((step) => step.section === "licences" || step.section === "lines" || step.section === "system");
  const voicemail = kept.filter((step) => step.section === "system-voicemail");
  // The lines to check: those set up or changed (a deleted line has nothing to come up).
  const lines = kept.filter((step) => step.section === "lines" && !step.id.endsWith(":delete"))
    .map((step) => ({ step, peer: peerOf(step) ?? "" }))
    .map(({ step, peer }) => ({ step, peer, later: later.has(peer) }));
  const planned: PlannedStep[] = before.map((step) => ({ step }));
  const checkable = lines.some((line) => !line.later);
  if (before.length > 0 && voicemail.length > 0 && !checkable) {
    // No line can be up before the far ends are configured: everything goes in one send.
    planned.push(...voicemail.map((step) => ({ step })), { step: sendStep(device, [...before, ...voicemail]) });
  } else if (before.length > 0 && voicemail.length > 0) {
    // Licences and lines are mergeable: sent first, so the lines can be checked before System > Voicemail.
    planned.push({ step: { ...sendStep(device, before), id: "send:lines" } });
    if (checkable) planned.push(lineCheckStep(device, lines));
    planned.push(...voicemail.map((step) => ({ step })), { step: sendStep(device, voicemail) });
  } else if (before.length > 0) {
    planned.push({ step: sendStep(device, before) });
    if (checkable) planned.push(lineCheckStep(device, lines));
  } else if (voicemail.length > 0) {
    planned.push(...voicemail.map((step) => ({ step })), { step: sendStep(device, voicemail) });
  }
  return planned;
}

function officePhase(input: RunbookInput, document: OfficeDocument, kept: readonly Step[], later: ReadonlySet<string>): PlannedPhase {
  return {
    kind: "office",
    title: `Office ${document.name} (${document.role})`,
    why: "On each office: licences and lines, sent with Merge; a check that the SCN lines whose far end is configured are up; " +
      "then System > Voicemail, sent once (with Reboot where a field is not mergeable, else Merge). With no line up yet, all in one send.",
    steps: officePlannedSteps(document, kept, later),
    bringsIntoService: document.name,
    verification: (notYet) => officeChecks(input.network, document.name, notYet),
  };
}

/** Numbers the steps, simulating each one on the state the runbook has reached. */
function realize(input: RunbookInput, planned: readonly PlannedPhase[], initiallyNotInService: ReadonlySet<string>): Phase[] {
  const lines = new SourceLines(input.text);
  const notYet = new Set(initiallyNotInService);
  let number = 0;
  return planned.map((phase, phaseIndex) => {
    const steps: RunbookStep[] = phase.steps.map((item) => {
      const down = takenDown(item);
      const waiting = [...notYet].filter((name) => !down.includes(name));
      const impact: Impact = impactOf(input.network,
        { takesDown: down, notYetInService: ordered(input.network, waiting) }, quietFor(item));
      // An office is in service in its new form once its configuration is sent, a server once installed.
      if ((item.step.section === "send" && item.step.id === "send") || item.section === "install") notYet.delete(item.step.device.name);
      return runbookStep(item, ++number, impact, lines);
    });
    if (phase.bringsIntoService) notYet.delete(phase.bringsIntoService);
    return { number: phaseIndex + 1, kind: phase.kind, title: phase.title, why: phase.why, steps, verification: phase.verification(notYet) };
  });
}

/** Device names in declaration order (offices, then servers), so that impacts read the same every run. */
function ordered(network: Network, names: readonly string[]): string[] {
  const wanted = new Set(names);
  return [...network.offices, ...network.servers].filter((device) => !device.isDuplicate && wanted.has(device.name)).map((device) => device.name);
}

/**
 * The runbook of OUTPUT.md: servers (central, distributed, then the backup with the sync), each
 * office in the order the simulator chose, Security Settings online, then the Voicemail Pro
 * client's General preferences; a verification after each phase. Pure.
 */
export function buildRunbook(input: RunbookInput): Runbook {
  const changes = input.changes ?? FULL_RUNBOOK;
  const index = new DeviceStepIndex(input.compiled, changes);
  const initial = new Set(changes.notInService(input.compiled));

  const servers = serverPhases(input, index, changes);
  const offices = input.compiled.offices
    .map((document) => ({ document, kept: index.kept({ kind: "office", name: document.name }) }))
    .filter(({ kept }) => kept.length > 0);
  const configured = offices.map(({ document, kept }) => ({ document, kept: kept.filter((step) => step.section !== "security") }))
    .filter(({ kept }) => kept.length > 0);
  const order = chooseOfficeOrder(input.network, configured.map(({ document, kept }) => ({
    office: document.name,
    reboots: kept.some((step) => step.section === "system-voicemail" && step.changeClass === "reboot"),
  })), servers.reduce((set, phase) => { set.delete(phase.bringsIntoService as string); return set; }, new Set(initial)));
  configured.sort((first, second) => order.offices.indexOf(first.document.name) - order.offices.indexOf(second.document.name));
  const officePhases = configured.map(({ document, kept }, position) => {
    // A line is up once both ends are configured: its far end may be an office changed later.
    const later = new Set(configured.slice(position + 1).map((item) => item.document.name).filter((name) => initial.has(name)));
    return officePhase(input, document, kept, later);
  });

  const security = offices
    .sort((first, second) => order.offices.indexOf(first.document.name) - order.offices.indexOf(second.document.name))
    .flatMap(({ kept }) => kept.filter((step) => step.section === "security"));
  const general = serverOrder(input.compiled).flatMap((document) => index.kept({ kind: "server", name: document.name })
    .filter((step) => step.section === "preferences-general"));

  const planned: PlannedPhase[] = [...servers, ...officePhases];
  const secured = security.map((step) => step.device.name);
  // The Voicemail Password has two ends: the offices' Security Settings and the servers' General
  // preferences (S9). When the servers' step follows, the test calls that prove the password wait
  // for it: between the two phases the ends differ, and a test call would fail for that reason.
  const serversFollow = general.length > 0;
  if (security.length > 0) {
    planned.push({
      kind: "security", title: "Security Settings, online",
      why: serversFollow
        ? "Security Settings are edited on the running system only, so they come after every office has its configuration. The servers' Voicemail Password follows in the next phase: until it matches, a server may not connect to these offices, so the test calls come after it (S9; inferred)."
        : "Security Settings are edited on the running system only, so they come after every office has its configuration.",
      steps: security.map((step) => ({ step })),
      verification: (notYet) => serversFollow ? [] : securityChecks(input.network, secured, notYet),
    });
  }
  if (general.length > 0) {
    planned.push({
      kind: "voicemail-pro", title: "Voicemail Pro client",
      why: "The servers' General preferences last: the Voicemail Password matches the one just set in the offices' Security Settings.",
      steps: general.map((step) => ({ step })),
      verification: (notYet) => secured.length > 0 ? securityChecks(input.network, secured, notYet, true) : [],
    });
  }
  const phases = realize(input, planned, initial);
  return {
    runbookVersion: 1,
    network: input.compiled.network,
    mode: input.changes ? "change" : "full",
    officeOrder: { offices: order.offices, why: order.why },
    phases: withFinalChecks(input.network, phases, input.changes ? changedOffices(phases) : undefined),
    retired: changes.retired,
  };
}

/** The offices a change runbook touches. */
function changedOffices(phases: readonly Phase[]): Set<string> {
  return new Set(phases.flatMap((phase) => phase.steps.filter((step) => step.device.kind === "office").map((step) => step.device.name)));
}

/** The last phase ends with a test call and message waiting from every office (from each office
 * the change touched, with --from) that its own checks leave out and, where the network has
 * resilience, the deliberate failover tests. */
function withFinalChecks(network: Network, phases: Phase[], offices: ReadonlySet<string> | undefined): Phase[] {
  const last = phases[phases.length - 1];
  if (!last) return phases;
  const called = new Set(last.verification.filter((check) => check.kind === "message-waiting").map((check) => check.device));
  const wanted = (office: string): boolean => !called.has(office) && (offices === undefined || offices.has(office));
  return [...phases.slice(0, -1), { ...last, verification: [...last.verification, ...finalChecks(network, wanted)] }];
}
