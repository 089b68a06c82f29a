import { AbstractMessageWriter, type Message, type MessageWriter } from "vscode-languageserver/node";

/**
 * Writes each message to stdout as one write: header and body together. The library's
 * StreamMessageWriter writes the header, waits for that write's callback, then writes the body, so
 * every message costs two system calls and wakes the editor twice (it reads a 25-byte header, sleeps,
 * then reads the body); on a busy machine each wake-up can wait for a core, which is what the tail of
 * didChange → publishDiagnostics measured (bench/lsp.ts). Stream writes keep their order, so no queue
 * is needed; the body is JSON.stringify's, as the library's.
 */
export class SingleWriteMessageWriter extends AbstractMessageWriter implements MessageWriter {
  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on("error", (error: Error) => this.fireError(error));
    stream.on("close", () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const body = JSON.stringify(message);
    const frame = `Content-Length: ${Buffer.byteLength(body, "utf8")}\r\n\r\n${body}`;
    return new Promise((resolve, reject) => {
      this.stream.write(frame, "utf8", (error?: Error | null) => {
        if (error) {
          this.fireError(error, message);
          reject(error);
        } else {
          resolve();
        }
      });
    });
  }

  end(): void {
    this.stream.end();
  }
}
