// The playground page: a CodeMirror 6 editor talking to scnc's language server in a Web Worker,
// and tabs computed by the same worker. Nothing leaves the page: no request, no storage.
import { LSPClient, LSPPlugin, formatKeymap, hoverTooltips, jumpToDefinitionKeymap, renameKeymap, serverCompletion, type Transport } from "@codemirror/lsp-client";
import { openLintPanel, setDiagnostics, type Diagnostic as EditorDiagnostic } from "@codemirror/lint";
import { StateEffect } from "@codemirror/state";
import { EditorView, keymap } from "@codemirror/view";
import { basicSetup } from "codemirror";
import type * as lsp from "vscode-languageserver-protocol";
import type { PlaygroundViews } from "../../src/playground/views.js";
import { scncHighlighting } from "./highlight.js";
import { decodeShared, encodeShared } from "./share.js";

declare const SCNC_WORKER_SOURCE: string;
declare const SCNC_EXAMPLES: readonly { name: string; text: string }[];

const URI = "file:///playground/network.scn";

function element<T extends HTMLElement>(id: string): T {
  return document.getElementById(id) as T;
}

/** The language server in a Worker started from a Blob: a Worker from a file:// URL is refused. */
function workerTransport(): Transport {
  const worker = new Worker(URL.createObjectURL(new Blob([SCNC_WORKER_SOURCE], { type: "text/javascript" })));
  let handlers: ((value: string) => void)[] = [];
  worker.onmessage = (event: MessageEvent) => {
    const text = JSON.stringify(event.data);
    for (const handler of handlers) handler(text);
  };
  return {
    send: (message: string) => worker.postMessage(JSON.parse(message)),
    subscribe: (handler) => handlers.push(handler),
    unsubscribe: (handler) => (handlers = handlers.filter((candidate) => candidate !== handler)),
  };
}

const SEVERITY: Record<number, EditorDiagnostic["severity"]> = { 1: "error", 2: "warning", 3: "info", 4: "hint" };

function sameRange(first: lsp.Range, second: lsp.Range): boolean {
  return first.start.line === second.start.line && first.start.character === second.start.character &&
    first.end.line === second.end.line && first.end.character === second.end.character;
}

/** Applies a code action's edit to the editor (the server's edits are for the synced document). */
function applyAction(view: EditorView, action: lsp.CodeAction): void {
  const plugin = LSPPlugin.get(view);
  const edits = action.edit?.changes?.[URI] ?? [];
  if (!plugin || edits.length === 0) return;
  view.dispatch({
    changes: edits.map((edit) => ({
      from: plugin.unsyncedChanges.mapPos(plugin.fromPosition(edit.range.start, plugin.syncedDoc)),
      to: plugin.unsyncedChanges.mapPos(plugin.fromPosition(edit.range.end, plugin.syncedDoc)),
      insert: edit.newText,
    })),
    userEvent: "input.quickfix",
  });
}

let published = 0;

/** Diagnostics from the server, each with its quick fixes (textDocument/codeAction, the actions
 * VS Code shows) as the lint tooltip's buttons. */
function diagnosticsWithFixes() {
  return {
    clientCapabilities: { textDocument: { publishDiagnostics: { versionSupport: true, relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } } } },
    notificationHandlers: {
      "textDocument/publishDiagnostics": (client: LSPClient, params: lsp.PublishDiagnosticsParams) => {
        const file = client.workspace.getFile(params.uri);
        if (!file || (params.version != null && params.version !== file.version)) return false;
        const view = file.getView();
        const plugin = view && LSPPlugin.get(view);
        if (!view || !plugin) return false;
        const show = (actions: readonly lsp.CodeAction[]) => {
          const current = client.workspace.getFile(params.uri);
          if (!current || current.version !== file.version) return;
          view.dispatch(setDiagnostics(view.state, params.diagnostics.map((item): EditorDiagnostic => ({
            from: plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.start, plugin.syncedDoc)),
            to: plugin.unsyncedChanges.mapPos(plugin.fromPosition(item.range.end, plugin.syncedDoc)),
            severity: SEVERITY[item.severity ?? 1] ?? "error",
            source: String(item.code ?? "scnc"),
            message: typeof item.message === "string" ? item.message : item.message.value,
            actions: actions
              .filter((action) => action.diagnostics?.some((diagnostic) => JSON.stringify(diagnostic.message) === JSON.stringify(item.message) && sameRange(diagnostic.range, item.range)))
              .map((action) => ({ name: action.title, apply: (target: EditorView) => applyAction(target, action) })),
          }))));
          published++;
          element("diagnostic-count").textContent = `${params.diagnostics.length}`;
          document.body.dataset.published = String(published);
        };
        if (params.diagnostics.length === 0) show([]);
        else {
          const end = plugin.syncedDoc.lineAt(plugin.syncedDoc.length);
          client.request<lsp.CodeActionParams, lsp.CodeAction[] | null>("textDocument/codeAction", {
            textDocument: { uri: params.uri },
            range: { start: { line: 0, character: 0 }, end: { line: end.number - 1, character: end.length } },
            context: { diagnostics: params.diagnostics, only: ["quickfix"] },
          }).then((actions) => show(actions ?? []), () => show([]));
        }
        return true;
      },
    },
    // Every change goes to the server at once (the stock extension waits 500 ms).
    editorExtension: EditorView.updateListener.of((update) => {
      if (update.docChanged) LSPPlugin.get(update.view)?.client.sync();
    }),
  };
}

const client = new LSPClient({
  rootUri: "file:///playground/",
  timeout: 10_000,
  extensions: [diagnosticsWithFixes(), serverCompletion(), hoverTooltips(), keymap.of([...formatKeymap, ...renameKeymap, ...jumpToDefinitionKeymap])],
});
client.connect(workerTransport());

function initialText(): string {
  const shared = decodeShared(location.hash);
  return shared ?? (SCNC_EXAMPLES[0]?.text ?? "");
}

const view = new EditorView({
  doc: initialText(),
  extensions: [basicSetup, scncHighlighting(), client.plugin(URI, "scn"), EditorView.contentAttributes.of({ "aria-label": "The .scn network" })],
  parent: element("editor"),
});

// The editor scrolls: keyboard users can reach and scroll it (axe-core: scrollable-region-focusable).
view.scrollDOM.tabIndex = 0;
view.scrollDOM.setAttribute("aria-label", "Editor");

// ---- Examples and sharing

const examples = element<HTMLSelectElement>("examples");
for (const example of SCNC_EXAMPLES) examples.append(new Option(example.name, example.name));
examples.addEventListener("change", () => {
  const example = SCNC_EXAMPLES.find((candidate) => candidate.name === examples.value);
  if (example) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: example.text } });
});

element("share").addEventListener("click", () => {
  const hash = encodeShared(view.state.doc.toString());
  history.replaceState(null, "", hash);
  const link = element<HTMLInputElement>("share-link");
  link.value = location.href;
  link.hidden = false;
  link.select();
  void navigator.clipboard?.writeText(location.href).catch(() => undefined);
});

// ---- Tabs

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
function select(tab: HTMLButtonElement): void {
  for (const other of tabs) {
    const selected = other === tab;
    other.setAttribute("aria-selected", String(selected));
    other.tabIndex = selected ? 0 : -1;
    element(other.getAttribute("aria-controls") as string).hidden = !selected;
  }
  void refresh();
}
tabs.forEach((tab, index) => {
  tab.addEventListener("click", () => select(tab));
  tab.addEventListener("keydown", (event) => {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (step === 0) return;
    const next = tabs[(index + step + tabs.length) % tabs.length] as HTMLButtonElement;
    next.focus();
    select(next);
  });
});

// ---- Graphviz, loaded the first time a drawing is needed

let layout: Promise<(dot: string) => Promise<string>> | undefined;
function graphviz(): Promise<(dot: string) => Promise<string>> {
  layout ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "graphviz.js";
    script.onload = () => resolve((globalThis as unknown as { scncLayout: (dot: string) => Promise<string> }).scncLayout);
    script.onerror = () => reject(new Error("graphviz.js did not load"));
    document.head.append(script);
  });
  return layout;
}

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function devicesHtml(views: PlaygroundViews): string {
  if (!views.devices) return `<p>${escapeText(views.blocked ?? "The network has errors.")}</p>`;
  return views.devices.map((device) => `<section class="device" aria-label="${device.kind} ${escapeText(device.name)}">` +
    `<h3>${device.kind} ${escapeText(device.name)}</h3>` +
    `<h4>${escapeText(device.jsonPath)}</h4><pre class="device-json" data-path="${escapeText(device.jsonPath)}">${escapeText(device.json)}</pre>` +
    `<details><summary>${escapeText(device.checklistPath)} (checklist)</summary><pre class="device-checklist" data-path="${escapeText(device.checklistPath)}">${escapeText(device.checklist)}</pre></details>` +
    "</section>").join("\n");
}

let latest: { text: string; views: PlaygroundViews } | undefined;
let refreshing = 0;

/** Recomputes the tabs for the current text, the visible one first. */
async function refresh(): Promise<void> {
  const text = view.state.doc.toString();
  const ticket = ++refreshing;
  await client.initializing;
  const views = latest?.text === text ? latest.views : await client.request<{ text: string }, PlaygroundViews>("scnc/views", { text });
  if (ticket !== refreshing) return;
  latest = { text, views };
  element("panel-diagnostics").innerHTML = views.diagnosticsHtml;
  element("panel-devices").innerHTML = devicesHtml(views);
  element("panel-failures").innerHTML = views.failuresHtml;
  element("panel-licences").innerHTML = views.licencesHtml;
  const graph = element("panel-graph");
  if (!graph.hidden) {
    if (!views.dot) graph.innerHTML = `<p>${escapeText(views.blocked ?? "The network has errors.")}</p>`;
    else {
      const svg = await (await graphviz())(views.dot);
      if (ticket === refreshing) graph.innerHTML = `<div class="drawing" role="img" aria-label="Topology of the network">${svg}</div>`;
    }
  }
  document.body.dataset.views = String(ticket);
}

let pending: number | undefined;
const notify = EditorView.updateListener.of((update) => {
  if (!update.docChanged) return;
  if (pending !== undefined) clearTimeout(pending);
  pending = window.setTimeout(() => void refresh(), 150);
});
view.dispatch({ effects: StateEffect.appendConfig.of(notify) });

element("download-report").addEventListener("click", async () => {
  const text = view.state.doc.toString();
  const views = latest?.text === text ? latest.views : await client.request<{ text: string }, PlaygroundViews>("scnc/views", { text });
  const svg = views.dot ? await (await graphviz())(views.dot) : undefined;
  const html = await client.request<{ text: string; svg?: string }, string>("scnc/report", { text, ...(svg ? { svg } : {}) });
  const link = element<HTMLAnchorElement>("report-link");
  if (link.href) URL.revokeObjectURL(link.href);
  link.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
  link.download = "scnc-report.html";
  link.hidden = false;
  link.click();
});

void refresh();

// For the browser tests and the latency benchmark: read and replace the document as a user would.
(globalThis as unknown as { scncPlayground: unknown }).scncPlayground = {
  text: () => view.state.doc.toString(),
  replace: (from: number, to: number, insert: string) => view.dispatch({ changes: { from, to, insert }, userEvent: "input.type" }),
  openDiagnostics: () => openLintPanel(view),
  /** Puts the cursor at `offset` and focuses the editor. */
  cursor: (offset: number) => {
    view.dispatch({ selection: { anchor: offset }, scrollIntoView: true });
    view.focus();
  },
  /** A request the server answers at once (a hover on the first character): the worker round trip. */
  roundTrip: () => client.request("textDocument/hover", { textDocument: { uri: URI }, position: { line: 0, character: 0 } }),
};
