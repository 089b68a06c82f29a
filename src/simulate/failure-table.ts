import { FAILBACK_OPTION_FIRST_DOCUMENTED_TEXT, failbackOptionAt } from "../ir/capabilities.js";
import type { Office, Server } from "../ir/types.js";
import type { RoleHolders, Situation } from "./situation.js";

/**
 * DOMAIN.md §4's failure table as data, so that a reader can hold one against the other row by row.
 *
 * Each row matches a pattern of the office's Situation (a field left out matches anything; a list
 * matches any of its values) and fills the table's columns: who answers voicemail calls, where new
 * messages are stored, who does message waiting indication (MWI) and collection, and through which
 * office the central (or backup) server is controlled. Rows never overlap: for every situation
 * exactly one row of the office's table matches (a test enumerates them all), so their order is
 * only the order of DOMAIN.md.
 */

/** A cell that names a server, or nobody. */
export type ServerCell = "central-server" | "backup-server" | "distributed-server" | "none";
/** A cell that names the office controlling the central (or backup) server, or nobody.
 * `split-side`: both the central and the fallback office claim it; the office on this office's side. */
export type ControlCell = "central-office" | "fallback-office" | "split-side" | "none";
/** For an office whose distributed server is down: whatever an office on centralized voicemail
 * gets in the same situation (DOMAIN.md: "C-VM still does MWI/collection for D-IPO users"). */
export type AsCentralized = "as-centralized";

export type Column = "answers" | "stores" | "collects" | "controlledBy";

export type Pattern = { readonly [Key in keyof Situation]?: Situation[Key] | readonly Situation[Key][] };

export interface NoteContext {
  readonly office: Office;
  readonly situation: Situation;
  readonly holders: RoleHolders;
  readonly distributedServer: Server | undefined;
  /** The fallback office exists and has not failed. */
  readonly fallbackOfficeUp: boolean;
}

export interface FailureRow {
  /** Stable id, used in JSON output and tests. */
  readonly id: string;
  /** The DOMAIN.md §4 row in its own words; rows it lacks say what they combine or extend.
   * Undefined only for the office's own failure, which the table does not cover. */
  readonly domainRow: string | undefined;
  /** The case in the output's words. */
  readonly label: string;
  readonly when: Pattern;
  readonly answers: ServerCell;
  readonly stores: ServerCell;
  readonly collects: ServerCell | AsCentralized;
  readonly controlledBy: ControlCell | AsCentralized;
  /** The columns DOMAIN.md marks (inferred), or that scnc infers where the table is silent. */
  readonly inferred: readonly Column[];
  readonly sources: readonly string[];
  readonly notes: (context: NoteContext) => readonly string[];
}

const SPLIT = ["split-central-side", "split-fallback-side"] as const;
const CONTROLLED = ["central-office", "fallback-office", ...SPLIT] as const;
const NO_WORKING_BACKUP = ["none", "down"] as const;
const ALL_COLUMNS: readonly Column[] = ["answers", "stores", "collects", "controlledBy"];

function fallbackName({ holders }: NoteContext): string {
  return holders.fallbackOffice?.name ?? "the fallback office";
}

function takeoverNotes(context: NoteContext): string[] {
  const { centralOffice, centralServer } = context.holders;
  const fallback = fallbackName(context);
  return [
    `${fallback} takes control of ${context.situation.centralServer === "up" ? centralServer.name : "the voicemail server"} ` +
      `about 3 minutes after it stops seeing ${centralOffice.name} (S17, S18, S24).`,
    `Changes users make during fallback (for example DND) are lost when ${centralOffice.name} returns (S17).`,
    `If ${fallback} restarts during fallback, these services are lost (S17).`,
  ];
}

/** DOMAIN.md rule 51: the fallback office takes control while the central office still runs. */
function splitNotes(context: NoteContext): string[] {
  const { centralOffice, centralServer } = context.holders;
  const fallback = fallbackName(context);
  const server = context.situation.centralServer === "up" ? centralServer.name : context.holders.backupServer?.name ?? "the voicemail server";
  return [
    `${centralOffice.name} and ${fallback} both run, but the line between them, the one set up for fallback, is down: ` +
      `${fallback} stops seeing ${centralOffice.name} and takes control of ${server} about 3 minutes later (S17, S18, S27). ` +
      `Fallback is tied to that line, so another path between the two does not prevent it (inferred).`,
    `${server} follows one IP Office at a time, so the offices on one side lose voicemail while the split lasts; ` +
      `which side keeps it is not documented (inferred).`,
  ];
}

/** What happens when the central server returns. With a Failback Option (R12.2, S9, S10) it
 * decides; at versions without one, the R6 manual's p55 note (S2) says what happens instead; between
 * the two no document read says, and the note gives both readings. */
function failbackNote({ holders }: NoteContext): string {
  const { centralServer, backupServer } = holders;
  const synchronized = `When ${centralServer.name} returns, new messages on ${backupServer?.name} are synchronized back`;
  const version = centralServer.version?.value;
  const withoutOption = `${centralServer.name} does not resume control by itself: ${backupServer?.name} stays the active ` +
    `server until it fails, and then ${centralServer.name} resumes (S2, the R6 manual's p55; its p12 says the central office ` +
    `switches back, S4)`;
  const failback = centralServer.failback?.mode.value ?? "graceful";
  const withOption = `the Failback Option (${failback}${centralServer.failback ? "" : ", the default"}) decides when control returns to it`;
  switch (failbackOptionAt(version)) {
    case "absent":
      return `${synchronized}, but ${withoutOption}. There is no Failback Option at this version.`;
    case "unsettled":
      return `${synchronized}. No document read for scnc says whether Voicemail Pro ${version?.text} has a Failback Option ` +
        `(it is documented from R${FAILBACK_OPTION_FIRST_DOCUMENTED_TEXT}, S9, S10): if it has, ${withOption}; if not, ${withoutOption} (inferred).`;
    case "documented":
      return `${synchronized}; ${withOption} (S9, S10; the R6 manual's pages conflict, S2, S4).`;
  }
}

/** The office's own failure comes before any row of DOMAIN.md: a failed office has no service at all. */
export const OFFICE_DOWN: FailureRow = {
  id: "office-down",
  domainRow: undefined,
  label: "the office itself is down",
  when: { office: "down" },
  answers: "none", stores: "none", collects: "none", controlledBy: "none",
  inferred: [],
  sources: ["S18"],
  notes: (context) => context.office === context.holders.centralOffice && context.holders.fallbackOffice && context.fallbackOfficeUp
    ? [`Its users are served only if their IP phones fail over to ${context.holders.fallbackOffice.name} ` +
        `(for example "Backs up my IP Phones") (S18).`]
    : ["Its users have no telephone service, so no voicemail either, until it returns."],
};

/** Offices on centralized voicemail: the central office, the fallback office and plain members. */
export const CENTRALIZED_ROWS: readonly FailureRow[] = [
  {
    id: "normal",
    domainRow: "None (normal)",
    label: "normal operation",
    when: { office: "up", distributedServer: "not-used", control: "central-office", centralServer: "up", backupServer: ["none", "up"] },
    answers: "central-server", stores: "central-server", collects: "central-server", controlledBy: "central-office",
    inferred: [],
    sources: ["S1", "S6"],
    notes: ({ holders }) => holders.backupServer
      ? [`${holders.backupServer.name} is idle and keeps call flows, settings and messages synchronized (S2).`]
      : [],
  },
  {
    id: "central-office-down",
    domainRow: "C-IPO down, F-IPO configured",
    label: "central office down, the fallback office controls the central server",
    when: { office: "up", distributedServer: "not-used", control: "fallback-office", centralServer: "up" },
    answers: "central-server", stores: "central-server", collects: "central-server", controlledBy: "fallback-office",
    inferred: [],
    sources: ["S8", "S27"],
    notes: takeoverNotes,
  },
  {
    id: "central-office-down-no-fallback",
    domainRow: "C-IPO down, no F-IPO",
    label: "central office down and no fallback office to take over",
    when: { office: "up", distributedServer: "not-used", control: "no-controller" },
    answers: "none", stores: "none", collects: "none", controlledBy: "none",
    inferred: ALL_COLUMNS,
    sources: [],
    notes: ({ holders }) => [
      `${holders.centralServer.name} is controlled only through ${holders.centralOffice.name}` +
        (holders.fallbackOffice ? `, and the fallback office ${holders.fallbackOffice.name} is down too.` : `; there is no fallback office.`),
    ],
  },
  {
    id: "fallback-link-lost",
    domainRow: "Link C-IPO ↔ F-IPO lost (both IPOs alive)",
    label: "split: the line between the central and fallback offices is down and both claim the central server",
    when: { office: "up", distributedServer: "not-used", control: SPLIT, centralServer: "up" },
    answers: "central-server", stores: "central-server", collects: "central-server", controlledBy: "split-side",
    inferred: ALL_COLUMNS,
    sources: ["S17", "S18", "S27"],
    notes: splitNotes,
  },
  {
    id: "central-server-down",
    domainRow: "C-VM down, B-VM configured",
    label: "central server down, the backup server takes over",
    when: { office: "up", distributedServer: "not-used", control: "central-office", centralServer: "down", backupServer: "up" },
    answers: "backup-server", stores: "backup-server", collects: "backup-server", controlledBy: "central-office",
    inferred: ["collects"],
    sources: ["S2", "S8"],
    notes: (context) => [failbackNote(context)],
  },
  {
    id: "central-server-down-no-backup",
    domainRow: "C-VM down, no B-VM",
    label: "central server down and no backup server to take over",
    when: { office: "up", distributedServer: "not-used", control: CONTROLLED, centralServer: "down", backupServer: NO_WORKING_BACKUP },
    answers: "none", stores: "none", collects: "none", controlledBy: "none",
    inferred: ["answers", "stores", "collects"],
    sources: ["S6"],
    notes: ({ holders, situation }) => [
      `${holders.centralServer.name} is down and ` +
        (situation.backupServer === "down" ? `the backup server ${holders.backupServer?.name} is down too.` : "there is no backup server."),
    ],
  },
  {
    id: "central-office-and-server-down",
    domainRow: "C-IPO and C-VM both down, F-IPO + B-VM configured",
    label: "central office and central server down, the backup server runs under the fallback office",
    when: { office: "up", distributedServer: "not-used", control: "fallback-office", centralServer: "down", backupServer: "up" },
    answers: "backup-server", stores: "backup-server", collects: "backup-server", controlledBy: "fallback-office",
    inferred: [],
    sources: ["S8"],
    notes: (context) => [...takeoverNotes(context), failbackNote(context)],
  },
  {
    id: "fallback-link-lost-central-server-down",
    domainRow: "Link C-IPO ↔ F-IPO lost + C-VM down, B-VM configured (two rows combined)",
    label: "split, and the central server down: both offices claim the backup server",
    when: { office: "up", distributedServer: "not-used", control: SPLIT, centralServer: "down", backupServer: "up" },
    answers: "backup-server", stores: "backup-server", collects: "backup-server", controlledBy: "split-side",
    inferred: ALL_COLUMNS,
    sources: ["S8", "S17", "S18", "S27"],
    notes: (context) => [...splitNotes(context), failbackNote(context)],
  },
  {
    id: "backup-server-down",
    domainRow: "B-VM down (C-VM healthy)",
    label: "backup server down, no change",
    when: { office: "up", distributedServer: "not-used", control: "central-office", centralServer: "up", backupServer: "down" },
    answers: "central-server", stores: "central-server", collects: "central-server", controlledBy: "central-office",
    inferred: [],
    sources: ["S2"],
    notes: ({ holders }) => [`Synchronization with ${holders.backupServer?.name} resumes when it returns (inferred).`],
  },
  {
    id: "cut-off",
    domainRow: "SCN link R-IPO ↔ C-IPO down",
    label: "cut off from the office that controls the central server",
    when: { office: "up", distributedServer: "not-used", control: "cut-off" },
    answers: "none", stores: "none", collects: "none", controlledBy: "none",
    inferred: ALL_COLUMNS,
    sources: ["S17", "S18", "S27"],
    notes: ({ office }) => [
      `No path of working links leads from ${office.name} to an office that controls the voicemail server, and it has no ` +
        `server of its own; message waiting updates cannot reach its phones (inferred).`,
    ],
  },
];

/** Offices that use a distributed server. */
export const DISTRIBUTED_ROWS: readonly FailureRow[] = [
  {
    id: "distributed-normal",
    domainRow: "None (normal)",
    label: "normal operation",
    when: { office: "up", distributedServer: "up", centralServer: "up", control: "central-office" },
    answers: "distributed-server", stores: "central-server", collects: "central-server", controlledBy: "central-office",
    inferred: [],
    sources: ["S3", "S6", "S7"],
    notes: ({ distributedServer, holders }) => [
      `${distributedServer?.name} records messages and forwards each one to ${holders.centralServer.name} by SMTP (S3).`,
    ],
  },
  {
    id: "distributed-central-office-down",
    domainRow: "C-IPO down, F-IPO configured",
    label: "central office down, the fallback office controls the central server",
    when: { office: "up", distributedServer: "up", centralServer: "up", control: "fallback-office" },
    answers: "distributed-server", stores: "central-server", collects: "central-server", controlledBy: "fallback-office",
    inferred: [],
    sources: ["S8", "S27"],
    notes: takeoverNotes,
  },
  {
    id: "distributed-fallback-link-lost",
    domainRow: "Link C-IPO ↔ F-IPO lost (both IPOs alive)",
    label: "split: the distributed server answers, and the central and fallback offices both claim the central server",
    when: { office: "up", distributedServer: "up", centralServer: "up", control: SPLIT },
    answers: "distributed-server", stores: "central-server", collects: "central-server", controlledBy: "split-side",
    inferred: ["stores", "collects", "controlledBy"],
    sources: ["S17", "S18", "S27"],
    notes: splitNotes,
  },
  {
    id: "distributed-central-server-down",
    domainRow: "C-VM down, no B-VM",
    label: "central server down, the distributed server stores and collects for its own offices",
    when: { office: "up", distributedServer: "up", centralServer: "down", backupServer: NO_WORKING_BACKUP },
    answers: "distributed-server", stores: "distributed-server", collects: "distributed-server", controlledBy: "none",
    inferred: ["collects"],
    sources: ["S6"],
    notes: ({ distributedServer, holders }) => [
      `${distributedServer?.name} stores and collects messages while ${holders.centralServer.name} is unavailable, and ` +
        `forwards them when it returns (S6).`,
    ],
  },
  {
    id: "distributed-central-server-down-backup",
    domainRow: "C-VM down, B-VM configured (silent on D-IPOs; S6 applied)",
    label: "central server down, the distributed server stores and collects for its own offices",
    when: { office: "up", distributedServer: "up", centralServer: "down", backupServer: "up" },
    answers: "distributed-server", stores: "distributed-server", collects: "distributed-server", controlledBy: "none",
    inferred: ["stores", "collects"],
    sources: ["S6"],
    notes: ({ distributedServer, holders }) => [
      `While ${holders.centralServer.name} is unavailable, "any backup or distributed server" does storage and collection ` +
        `(S6): ${distributedServer?.name} keeps its own offices' messages and forwards them when ` +
        `${holders.centralServer.name} returns (inferred).`,
    ],
  },
  {
    id: "distributed-server-down",
    domainRow: "D-VM down",
    label: "distributed server down, no documented fallback",
    when: { office: "up", distributedServer: "down" },
    answers: "none", stores: "none", collects: "as-centralized", controlledBy: "as-centralized",
    inferred: ["answers", "stores"],
    sources: ["S3", "S6"],
    notes: ({ distributedServer, holders }) => [
      `No documented fallback to ${holders.centralServer.name} for calls to ${distributedServer?.name} (inferred loss of ` +
        `service); messages already forwarded stay on ${holders.centralServer.name}.`,
    ],
  },
  {
    id: "distributed-cut-off",
    domainRow: "SCN link D-IPO ↔ C-IPO down (D-VM reachable)",
    label: "cut off from the office that controls the central server, the distributed server keeps answering",
    when: { office: "up", distributedServer: "up", centralServer: "up", control: "cut-off" },
    answers: "distributed-server", stores: "distributed-server", collects: "none", controlledBy: "none",
    inferred: ALL_COLUMNS,
    sources: ["S3", "S6"],
    notes: ({ distributedServer }) => [
      `${distributedServer?.name} queues new messages and forwards them when the path returns; message collection and ` +
        `waiting indication from the central server are unavailable (inferred).`,
    ],
  },
  {
    id: "distributed-no-controller",
    domainRow: "C-IPO down, no F-IPO (silent on D-IPOs; treated as a lost link to the C-IPO)",
    label: "central office down and no fallback office to take over, the distributed server keeps answering",
    when: { office: "up", distributedServer: "up", centralServer: "up", control: "no-controller" },
    answers: "distributed-server", stores: "distributed-server", collects: "none", controlledBy: "none",
    inferred: ALL_COLUMNS,
    sources: ["S3", "S6"],
    notes: ({ distributedServer, holders }) => [
      `No office controls ${holders.centralServer.name}; ${distributedServer?.name} queues new messages and forwards them ` +
        `once it is controlled again; message collection and waiting indication are unavailable (inferred).`,
    ],
  },
];
