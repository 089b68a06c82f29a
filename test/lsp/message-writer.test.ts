import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FrameDecoder } from "../../src/lsp/framing.js";
import { SingleWriteMessageWriter } from "../../src/lsp/message-writer.js";

/** A stdout stand-in that keeps each write apart, as the pipe's reader would see them. */
function recordingStream(): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      writes.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, writes };
}

describe("the server's message writer", () => {
  it("writes each message as one frame, header and body together, so the editor wakes once per message", async () => {
    const { stream, writes } = recordingStream();
    const writer = new SingleWriteMessageWriter(stream);
    await writer.write({ jsonrpc: "2.0", method: "textDocument/publishDiagnostics", params: { uri: "file:///a.scn", diagnostics: [] } } as never);
    await writer.write({ jsonrpc: "2.0", id: 1, result: null } as never);
    expect(writes).toHaveLength(2);
    expect(writes[0]?.toString()).toMatch(/^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2.0","method":"textDocument\/publishDiagnostics"/);
  });

  it("counts the body's length in UTF-8 bytes, so a message with non-ASCII text decodes whole", async () => {
    const { stream, writes } = recordingStream();
    const writer = new SingleWriteMessageWriter(stream);
    const messages = [
      { jsonrpc: "2.0", id: 1, result: { contents: "office 'zürich' — the central office ✓ 𝄞" } },
      { jsonrpc: "2.0", id: 2, result: null },
    ];
    for (const message of messages) await writer.write(message as never);
    const decoded = new FrameDecoder().push(Buffer.concat(writes));
    expect(decoded.map((body) => (body.kind === "body" ? JSON.parse(body.text) : body))).toEqual(messages);
  });

  it("keeps the order of messages written without waiting", async () => {
    const { stream, writes } = recordingStream();
    const writer = new SingleWriteMessageWriter(stream);
    await Promise.all([1, 2, 3].map((id) => writer.write({ jsonrpc: "2.0", id, result: id } as never)));
    const decoded = new FrameDecoder().push(Buffer.concat(writes));
    expect(decoded.map((body) => (body.kind === "body" ? (JSON.parse(body.text) as { id: number }).id : 0))).toEqual([1, 2, 3]);
  });

  it("reports a failed write as an error of the writer and rejects", async () => {
    const stream = new Writable({ write: (_chunk, _encoding, done) => done(new Error("EPIPE")) });
    stream.on("error", () => undefined);
    const writer = new SingleWriteMessageWriter(stream);
    const errors: unknown[] = [];
    writer.onError(([error]) => errors.push(error));
    await expect(writer.write({ jsonrpc: "2.0", id: 1, result: null } as never)).rejects.toThrow("EPIPE");
    expect(errors.length).toBeGreaterThan(0);
  });
});
