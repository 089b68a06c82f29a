import type { Network } from "../../ir/types.js";
import type { Span } from "../../language/span.js";
import { passwordInstruction } from "../checklist/password.js";
import type { PasswordOutput } from "../documents.js";
import type { SettingValue, Step, StepDevice, StepSetting } from "./model.js";

/** Anything the IR locates: a `Located` value, a reference, or a bare span. */
type Locatable = { readonly propertySpan: Span } | Span | undefined;

/** The .scn spans of the given IR values (whole properties, so `group-id 100` rather than `100`). */
export function spansOf(...items: readonly Locatable[]): Span[] {
  return items.flatMap((item) => item === undefined ? [] : ["propertySpan" in item ? item.propertySpan : item]);
}

interface SettingOptions {
  readonly tab?: string;
  readonly note?: string;
  readonly inferred?: boolean;
  readonly sources?: readonly string[];
  readonly spans?: readonly Span[];
}

export function setting(label: string, value: SettingValue, options: SettingOptions = {}): StepSetting {
  return {
    label,
    ...(options.tab ? { tab: options.tab } : {}),
    value,
    ...(options.note ? { note: options.note } : {}),
    inferred: options.inferred ?? false,
    sources: options.sources ?? [],
    spans: options.spans ?? [],
  };
}

/** The Voicemail Password field: never its value, only where the engineer finds it (docs/secrets.md),
 * and where else the same password goes. */
export function passwordSetting(password: PasswordOutput, network: Network, options: { inferred: boolean; sources: readonly string[]; sameAs: string }): StepSetting {
  return setting("Voicemail Password", null, {
    inferred: options.inferred,
    sources: options.sources,
    spans: spansOf(network.voicemailPassword),
    note: `${passwordInstruction(password)} (the same as ${options.sameAs})`,
  });
}

type StepFields = Omit<Step, "device" | "notes" | "inferred" | "sources" | "spans"> & Partial<Pick<Step, "notes" | "inferred" | "sources" | "spans">>;

/** Collects one device's steps in order. */
export class StepList {
  private readonly list: Step[] = [];

  constructor(private readonly device: StepDevice) {}

  add(fields: StepFields): this {
    this.list.push({ notes: [], inferred: false, sources: [], spans: [], ...fields, device: this.device });
    return this;
  }

  get steps(): readonly Step[] {
    return this.list;
  }
}
