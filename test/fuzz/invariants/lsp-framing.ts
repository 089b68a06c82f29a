import { FrameDecoder, FramingError } from "../../../src/lsp/framing.js";
import { admit, type LifecycleState } from "../../../src/lsp/lifecycle.js";
import { ensureNone } from "./violation.js";

/**
 * The language server's framing on any bytes, then well-formed messages (issue 17 item 7): the
 * decoder either refuses the stream (FramingError: the server exits 1 and the editor restarts
 * it), or reads the last well-formed message, or is inside a body whose declared length has not
 * all come. Never anything else: no other exception, and never a header state holding bytes that
 * swallow the well-formed messages without a word (the deaf server). The lifecycle answers or
 * forwards every message it is given.
 */
/** Complete `Name: value` lines, then a line begun: a name so far, or a name and a colon. */
const HEADER_SO_FAR = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+:[^\r\n]*\r?\n)*[!#$%&'*+.^_`|~0-9A-Za-z-]*(?::[^\r\n]*)?\r?$/;

export function checkLspFraming(garbage: Uint8Array, chunkSizes: readonly number[]): void {
  const problems: string[] = [];
  const marker = JSON.stringify({ jsonrpc: "2.0", id: 4242, method: "initialize", params: {} });
  const valid = Buffer.from(`Content-Length: ${Buffer.byteLength(marker)}\r\n\r\n${marker}`);
  const stream = Buffer.concat([Buffer.from(garbage), valid, valid, valid]);
  const decoder = new FrameDecoder();
  let last: string | undefined;
  let state: LifecycleState = "new";
  let refused = false;
  let at = 0;
  for (let index = 0; at < stream.length; index++) {
    const size = Math.max(1, chunkSizes[index % Math.max(1, chunkSizes.length)] ?? stream.length);
    try {
      for (const body of decoder.push(stream.subarray(at, at + size))) {
        if (body.kind !== "body") continue;
        last = body.text;
        let message: unknown;
        try {
          message = JSON.parse(body.text);
        } catch {
          continue;
        }
        const verdict = admit(state, message);
        if (!verdict.forward && !verdict.reply && typeof (message as { id?: unknown })?.id === "number") problems.push(`a request was neither answered nor forwarded: ${body.text.slice(0, 80)}`);
        state = verdict.state;
      }
    } catch (error) {
      if (!(error instanceof FramingError)) problems.push(`the decoder threw ${String(error)}`);
      refused = true;
      break;
    }
    at += size;
  }
  // Waiting is fine where more bytes can finish the message: inside a declared body, at a message
  // boundary, or in a header that can still become one. Anything else never ends.
  const pending = decoder.pendingHeader;
  if (!refused && last !== marker && !decoder.waitingForBody && pending !== "" && !HEADER_SO_FAR.test(pending)) {
    problems.push(`deaf: waiting on ${JSON.stringify(pending.slice(0, 60))}, which cannot become a header`);
  }
  ensureNone(problems, "language server framing");
}
