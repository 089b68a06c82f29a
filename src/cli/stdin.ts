import type { Readable } from "node:stream";

/**
 * All of `stream`, or its first `limit` bytes and one more when it is longer: enough for the caller
 * to say the input is too long without holding an unbounded pipe in memory.
 */
export async function readAll(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    length += buffer.length;
    if (length > limit) {
      stream.destroy();
      break;
    }
  }
  return Buffer.concat(chunks, length);
}
