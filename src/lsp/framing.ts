/**
 * The base protocol's framing (`Content-Length: N`, a blank line, N bytes of JSON), read strictly.
 * The library's reader goes deaf after a header it cannot read: it neither answers nor exits, and
 * the editor waits for ever. This decoder says what is wrong instead, so the server can exit with
 * a non-zero code and the editor restart it (issue 17 item 7). Pure: bytes in, bodies or a reason out.
 *
 * What is accepted: header lines `Name: value` ended by CRLF or by LF alone (some clients send LF),
 * one Content-Length of decimal digits (repeated only with the same value), any other header
 * (Content-Type is not checked: the body is read as UTF-8, as the protocol says). What is refused:
 * a header line that is not `Name: value` (binary garbage, the tail of a body whose length was too
 * short), a missing, non-numeric, negative or conflicting Content-Length, a length above
 * MAX_BODY_BYTES, and a header that does not end within MAX_HEADER_BYTES.
 */

export const MAX_HEADER_BYTES = 8 * 1024;
/** As large as the largest input scnc reads (src/cli/regular-file.ts). */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type Decoded =
  | { readonly kind: "body"; readonly text: string }
  /** The body is not UTF-8: the framing held, so the next message can still be read. */
  | { readonly kind: "undecodable" };

const HEADER_END = /\r?\n\r?\n/;
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*?)[ \t]*$/;

export class FramingError extends Error {
  override readonly name = "FramingError";
}

export class FrameDecoder {
  private buffer: Buffer = Buffer.alloc(0);
  private bodyLength: number | undefined;
  private readonly utf8 = new TextDecoder("utf-8", { fatal: true });

  /** Whether the decoder is inside a body whose declared bytes have not all come yet. */
  get waitingForBody(): boolean {
    return this.bodyLength !== undefined;
  }

  /** The bytes of a header that has not ended yet (Latin-1): what the decoder waits on. */
  get pendingHeader(): string {
    return this.bodyLength === undefined ? this.buffer.toString("latin1") : "";
  }

  /** Adds bytes from the stream and returns every message now complete. Throws FramingError when
   * the stream cannot be framed any more; after that the decoder must not be used. */
  push(chunk: Uint8Array): Decoded[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const decoded: Decoded[] = [];
    for (;;) {
      if (this.bodyLength === undefined) {
        const header = this.header();
        if (header === undefined) return decoded;
        this.bodyLength = header;
      }
      if (this.buffer.length < this.bodyLength) return decoded;
      const body = this.buffer.subarray(0, this.bodyLength);
      this.buffer = this.buffer.subarray(this.bodyLength);
      this.bodyLength = undefined;
      decoded.push(this.decode(body));
    }
  }

  /** The next header's Content-Length, once the whole header is in; the buffer then starts at the body. */
  private header(): number | undefined {
    const prefix = this.buffer.subarray(0, MAX_HEADER_BYTES + 4).toString("latin1");
    const end = HEADER_END.exec(prefix);
    if (!end) {
      if (this.buffer.length > MAX_HEADER_BYTES) throw new FramingError(`a message header did not end within ${MAX_HEADER_BYTES} bytes`);
      // Fail as soon as the header cannot become one (the rest of a body whose Content-Length was
      // too short, garbage), not when a next message happens to arrive.
      refuseUnfinishedHeader(prefix);
      return undefined;
    }
    const length = contentLength(prefix.slice(0, end.index));
    this.buffer = this.buffer.subarray(end.index + end[0].length);
    return length;
  }

  private decode(body: Uint8Array): Decoded {
    try {
      return { kind: "body", text: this.utf8.decode(body) };
    } catch {
      return { kind: "undecodable" };
    }
  }
}

function shown(text: string): string {
  const printable = text.replace(/[^\x20-\x7e]/g, "?");
  return JSON.stringify(printable.length > 40 ? `${printable.slice(0, 40)}…` : printable);
}

/** A header line as far as it has come: a name so far, or a name and a colon. */
const HEADER_LINE_START = /^[!#$%&'*+.^_`|~0-9A-Za-z-]*(?::.*)?$/;

function refuseUnfinishedHeader(prefix: string): void {
  const lines = prefix.split(/\r?\n/);
  const last = lines.pop() as string;
  for (const line of lines) {
    if (!HEADER_LINE.test(line)) throw new FramingError(`a message header line is not "Name: value": ${shown(line)}`);
  }
  if (!HEADER_LINE_START.test(last.replace(/\r$/, ""))) throw new FramingError(`a message header line is not "Name: value": ${shown(last)}`);
}

function contentLength(header: string): number {
  let length: number | undefined;
  for (const line of header.split(/\r?\n/)) {
    const match = HEADER_LINE.exec(line);
    if (!match) throw new FramingError(`a message header line is not "Name: value": ${shown(line)}`);
    if ((match[1] as string).toLowerCase() !== "content-length") continue;
    const value = match[2] as string;
    if (!/^\d+$/.test(value)) throw new FramingError(`Content-Length is not a whole number of bytes: ${shown(value)}`);
    const parsed = value.length > 12 ? Infinity : Number(value);
    if (parsed > MAX_BODY_BYTES) throw new FramingError(`Content-Length ${value.length > 12 ? `${value.slice(0, 12)}…` : value} is above the ${MAX_BODY_BYTES}-byte limit`);
    if (length !== undefined && parsed !== length) throw new FramingError(`two Content-Length headers disagree (${length} and ${parsed})`);
    length = parsed;
  }
  if (length === undefined) throw new FramingError("a message header has no Content-Length");
  return length;
}
