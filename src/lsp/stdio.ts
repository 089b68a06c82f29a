import { format } from "node:util";
import {
  AbstractMessageReader, createConnection, ProposedFeatures, type DataCallback, type Disposable, type Message,
} from "vscode-languageserver/node";
import { FrameDecoder, FramingError } from "./framing.js";
import { admit, errorResponse, PARSE_ERROR, type ErrorResponse, type LifecycleState } from "./lifecycle.js";
import { SingleWriteMessageWriter } from "./message-writer.js";
import { startServer } from "./server.js";
import { relaunchWithYoungGeneration } from "./young-generation.js";

/**
 * Reads messages from stdin with the strict framing of framing.ts and the lifecycle of
 * lifecycle.ts. A stream that cannot be framed any more ends the process with code 1, so the editor
 * restarts the server (a server that stays alive but deaf would leave the editor waiting); a body
 * that is not JSON, or a request the lifecycle refuses, is answered with an error and the server
 * reads on.
 */
class StdinMessageReader extends AbstractMessageReader {
  private readonly decoder = new FrameDecoder();
  state: LifecycleState = "new";

  constructor(private readonly reply: (response: ErrorResponse) => void, private readonly fail: (reason: string) => void) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (chunk: Buffer): void => {
      let bodies;
      try {
        bodies = this.decoder.push(chunk);
      } catch (error) {
        if (error instanceof FramingError) return this.fail(error.message);
        throw error;
      }
      for (const body of bodies) this.deliver(body.kind === "body" ? body.text : undefined, callback);
    };
    process.stdin.on("data", onData);
    process.stdin.on("error", (error) => this.fireError(error));
    process.stdin.on("close", () => this.fireClose());
    return { dispose: () => void process.stdin.off("data", onData) };
  }

  private deliver(text: string | undefined, callback: DataCallback): void {
    let message: unknown;
    try {
      if (text === undefined) throw new Error("the body is not UTF-8");
      message = JSON.parse(text);
    } catch (error) {
      this.reply(errorResponse(null, PARSE_ERROR, `the message is not JSON: ${(error as Error).message}`));
      return;
    }
    const verdict = admit(this.state, message);
    this.state = verdict.state;
    if (verdict.reply) this.reply(verdict.reply);
    if (verdict.forward) callback(message as Message);
  }
}

/**
 * `scnc lsp --stdio`: the server on stdin and stdout. Console output goes to the client's log,
 * since anything written to stdout outside the protocol would corrupt it. The process ends on
 * `exit` (code 0 after `shutdown`), when stdin closes (likewise), and with code 1 when the stream
 * cannot be framed (issue 17 item 7). Started without a larger young generation, it runs itself
 * again with one (young-generation.ts) and this process only waits for it.
 */
export function runStdioServer(): void {
  if (relaunchWithYoungGeneration()) return;
  const writer = new SingleWriteMessageWriter(process.stdout);
  const exit = (code: number): never => process.exit(code);
  const reader = new StdinMessageReader(
    (response) => void writer.write(response as unknown as Message),
    (reason) => {
      process.stderr.write(`scnc lsp: the editor sent a message that cannot be read (${reason}); exiting so that the editor restarts the server\n`);
      exit(1);
    },
  );
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  for (const level of ["log", "info", "warn", "error", "debug"] as const) {
    console[level] = (...args: unknown[]) => connection.console[level === "debug" ? "log" : level](format(...args));
  }
  process.stdin.on("end", () => exit(reader.state === "shut down" ? 0 : 1));
  process.stdin.on("close", () => exit(reader.state === "shut down" ? 0 : 1));
  process.on("uncaughtException", (error) => connection.console.error(`scnc: internal error: ${error.stack ?? error.message}`));
  startServer(connection);
}
