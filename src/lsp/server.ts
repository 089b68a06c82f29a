import {
  CodeActionKind, DidChangeWatchedFilesNotification, LSPErrorCodes, MessageType, ShowMessageNotification, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams,
  type InitializeResult, type TextDocumentPositionParams,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import packageJson from "../../package.json" with { type: "json" };
import { CONFIG_FILE_NAME } from "../config/schema.js";
import type { RunOptions } from "../rules/run.js";
import { analyze, type Analysis } from "./analysis.js";
import { codeActions } from "./code-actions.js";
import { completions } from "./completion.js";
import { DocumentConfigurations } from "./configuration.js";
import { lspDiagnostics } from "./diagnostics.js";
import { formattingEdits } from "./formatting.js";
import { hover } from "./hover.js";
import { definition, references } from "./navigation.js";
import { isPosition, toOffset } from "./positions.js";
import { prepareRename, rename } from "./rename.js";
import { documentSymbols } from "./symbols.js";

export interface ServerSettings {
  /** Rule severities for a document; by default, from the scnc.json that applies to its file. */
  readonly runOptions?: (uri: string) => RunOptions;
}

/** What the client said it supports, in its `initialize` request. */
interface ClientSupport {
  relatedInformation: boolean;
  snippets: boolean;
  insertReplace: boolean;
  /** The client can watch scnc.json files for us (dynamic registration of watched files). */
  watchesFiles: boolean;
}

/**
 * The language server: diagnostics on open and on every change, and the requests that read them.
 * Each handler is a thin adapter over a pure module in this directory. A request about a document
 * the client never opened, or with a malformed position, gets an empty answer; an unexpected error
 * is logged to the client and answered empty, so one bad request never takes the server down.
 */
export function startServer(connection: Connection, settings: ServerSettings = {}): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, { analysis: Analysis; options: RunOptions }>();
  const client: ClientSupport = { relatedInformation: false, snippets: false, insertReplace: false, watchesFiles: false };
  // A notification, not window/showMessageRequest: nothing to wait for, nothing to fail.
  const configurations = new DocumentConfigurations((message) =>
    send("showing a message", connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message })));

  /** The options to check a document with, if known without waiting (scnc.json may be loading). */
  function optionsOf(uri: string): RunOptions | undefined {
    return settings.runOptions ? settings.runOptions(uri) : configurations.cached(uri);
  }

  function analysisOf(document: TextDocument): Analysis {
    const options = optionsOf(document.uri) ?? {};
    const cached = analyses.get(document.uri);
    if (cached?.analysis.version === document.version && cached.options === options) return cached.analysis;
    // The stale analysis goes first: kept while the new one is made, it was copied by every
    // young-generation collection that fell during a check (a tenth to a quarter of what each copied).
    if (cached) analyses.delete(document.uri);
    // A client that sent something other than text (it happens) gets the diagnostics of nothing.
    const text: unknown = document.getText();
    const analysis = analyze(document.uri, document.version, typeof text === "string" ? text : "", options);
    analyses.set(document.uri, { analysis, options });
    return analysis;
  }

  function logFailure(what: string, error: unknown): void {
    connection.console.error(`scnc: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }

  /** Sends without waiting; a message the closing connection cannot take is logged, never thrown
   * (an unhandled rejection would end the process). */
  function send(what: string, sending: Promise<unknown>): void {
    sending.catch((error: unknown) => logFailure(what, error));
  }

  /** Runs a handler for a position in an open document, with the shape of its params checked. */
  function atPosition<R>(what: string, empty: R, handler: (analysis: Analysis, offset: number) => R): (params: TextDocumentPositionParams) => R {
    return (params) => {
      try {
        const document = documents.get(params?.textDocument?.uri);
        if (!document || !isPosition(params.position)) return empty;
        const analysis = analysisOf(document);
        return handler(analysis, toOffset(analysis.lineIndex, analysis.text, params.position));
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logFailure(what, error);
        return empty;
      }
    };
  }

  function publish(document: TextDocument): void {
    if (!optionsOf(document.uri)) {
      // The first document of a directory waits for its scnc.json; later changes never wait.
      void configurations.load(document.uri).then(() => {
        const latest = documents.get(document.uri);
        if (latest) publish(latest);
      });
      return;
    }
    try {
      const analysis = analysisOf(document);
      send("publishing diagnostics", connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: lspDiagnostics(analysis, client) }));
    } catch (error) {
      logFailure("checking the document", error);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const text = params?.capabilities?.textDocument;
    client.relatedInformation = text?.publishDiagnostics?.relatedInformation === true;
    client.snippets = text?.completion?.completionItem?.snippetSupport === true;
    client.insertReplace = text?.completion?.completionItem?.insertReplaceSupport === true;
    client.watchesFiles = params?.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: text?.rename?.prepareSupport ? { prepareProvider: true } : true,
        completionProvider: { resolveProvider: false },
        documentSymbolProvider: true,
        documentFormattingProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      },
      serverInfo: { name: "scnc", version: packageJson.version },
    };
  });

  connection.onInitialized(() => {
    if (client.watchesFiles) {
      send("watching scnc.json", connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${CONFIG_FILE_NAME}` }] }));
    }
  });
  connection.onDidChangeWatchedFiles(() => {
    configurations.clear();
    for (const document of documents.all()) publish(document);
  });

  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    send("clearing diagnostics", connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  });

  connection.onHover(atPosition("hover", null, hover));
  connection.onDefinition(atPosition("go to definition", [], definition));
  connection.onReferences((params) =>
    atPosition("find references", [], (analysis, offset) => references(analysis, offset, params?.context?.includeDeclaration !== false))(params));
  connection.onCompletion(atPosition("completion", [], (analysis, offset) => completions(analysis, offset, client)));
  connection.onPrepareRename(atPosition("rename", null, (analysis, offset) => {
    const prepared = prepareRename(analysis, offset);
    return prepared.ok ? { range: prepared.range, placeholder: prepared.placeholder } : null;
  }));
  connection.onRenameRequest((params) => atPosition("rename", null, (analysis, offset) => {
    if (typeof params.newName !== "string") return null;
    const renamed = rename(analysis, offset, params.newName);
    if (!renamed.ok) throw new ResponseError(LSPErrorCodes.RequestFailed, renamed.problem);
    return { changes: { [analysis.uri]: renamed.edits } };
  })(params));

  connection.onDocumentSymbol((params) => {
    try {
      const document = documents.get(params?.textDocument?.uri);
      return document ? documentSymbols(analysisOf(document)) : [];
    } catch (error) {
      logFailure("document symbols", error);
      return [];
    }
  });
  connection.onCodeAction((params) => {
    try {
      const document = documents.get(params?.textDocument?.uri);
      if (!document || !isPosition(params.range?.start) || !isPosition(params.range?.end)) return [];
      return codeActions(analysisOf(document), params.range, client);
    } catch (error) {
      logFailure("code actions", error);
      return [];
    }
  });
  connection.onDocumentFormatting(async (params) => {
    try {
      const document = documents.get(params?.textDocument?.uri);
      return document ? await formattingEdits(analysisOf(document)) : [];
    } catch (error) {
      logFailure("formatting", error);
      return [];
    }
  });

  documents.listen(connection);
  connection.listen();
}
