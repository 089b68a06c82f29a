import {
  CodeActionKind, LSPErrorCodes, ResponseError, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams,
  type InitializeResult, type TextDocumentPositionParams,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import packageJson from "../../package.json" with { type: "json" };
import type { RunOptions } from "../rules/run.js";
import { analyze, type Analysis } from "./analysis.js";
import { codeActions } from "./code-actions.js";
import { completions } from "./completion.js";
import { lspDiagnostics } from "./diagnostics.js";
import { formattingEdits } from "./formatting.js";
import { hover } from "./hover.js";
import { definition, references } from "./navigation.js";
import { isPosition, toOffset } from "./positions.js";
import { prepareRename, rename } from "./rename.js";
import { documentSymbols } from "./symbols.js";

export interface ServerSettings {
  /** Rule severities for a document (scnc.json); every rule at its default when absent. */
  readonly runOptions?: (uri: string) => RunOptions;
}

/** What the client said it supports, in its `initialize` request. */
interface ClientSupport {
  relatedInformation: boolean;
  snippets: boolean;
}

/**
 * The language server: diagnostics on open and on every change, and the requests that read them.
 * Each handler is a thin adapter over a pure module in this directory. A request about a document
 * the client never opened, or with a malformed position, gets an empty answer; an unexpected error
 * is logged to the client and answered empty, so one bad request never takes the server down.
 */
export function startServer(connection: Connection, settings: ServerSettings = {}): void {
  const documents = new TextDocuments(TextDocument);
  const analyses = new Map<string, Analysis>();
  const client: ClientSupport = { relatedInformation: false, snippets: false };

  function analysisOf(document: TextDocument): Analysis {
    const cached = analyses.get(document.uri);
    if (cached?.version === document.version) return cached;
    const analysis = analyze(document.uri, document.version, document.getText(), settings.runOptions?.(document.uri) ?? {});
    analyses.set(document.uri, analysis);
    return analysis;
  }

  function logFailure(what: string, error: unknown): void {
    connection.console.error(`scnc: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
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
    try {
      const analysis = analysisOf(document);
      void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: lspDiagnostics(analysis, client) });
    } catch (error) {
      logFailure("checking the document", error);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const text = params?.capabilities?.textDocument;
    client.relatedInformation = text?.publishDiagnostics?.relatedInformation === true;
    client.snippets = text?.completion?.completionItem?.snippetSupport === true;
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

  documents.onDidChangeContent((change) => publish(change.document));
  documents.onDidClose((event) => {
    analyses.delete(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
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
