/**
 * The protocol's lifecycle, which the library leaves to the server: before `initialize` a request
 * gets ServerNotInitialized (-32002) and a notification is dropped, except `exit`; after
 * `shutdown` a request gets InvalidRequest (-32600) and a notification is dropped, except `exit`
 * (LSP 3.17, "Server lifecycle"). A message that is no JSON-RPC message gets InvalidRequest, a body
 * that is no JSON a ParseError (-32700), both with a null id (JSON-RPC 2.0, section 5.1). Pure:
 * the state and the message in, what to do out.
 */

export type LifecycleState = "new" | "running" | "shut down";

export const PARSE_ERROR = -32700;
export const INVALID_REQUEST = -32600;
export const SERVER_NOT_INITIALIZED = -32002;

export interface ErrorResponse {
  readonly jsonrpc: "2.0";
  readonly id: number | string | null;
  readonly error: { readonly code: number; readonly message: string };
}

export interface Verdict {
  readonly state: LifecycleState;
  /** Hand the message to the server's handlers. */
  readonly forward: boolean;
  /** Answer it here instead. */
  readonly reply?: ErrorResponse;
}

export function errorResponse(id: number | string | null, code: number, message: string): ErrorResponse {
  return { jsonrpc: "2.0", id, error: { code, message } };
}

function isId(value: unknown): value is number | string {
  return typeof value === "number" || typeof value === "string";
}

export function admit(state: LifecycleState, message: unknown): Verdict {
  if (typeof message !== "object" || message === null || Array.isArray(message)) {
    // A batch (an array) is not part of the language server protocol.
    return { state, forward: false, reply: errorResponse(null, INVALID_REQUEST, "not a JSON-RPC message object") };
  }
  const { id, method } = message as { id?: unknown; method?: unknown };
  if (typeof method !== "string") return { state, forward: true }; // a response to the server's own request
  const request = isId(id);
  if (method === "exit") return { state, forward: true };
  if (state === "new") {
    if (method === "initialize" && request) return { state: "running", forward: true };
    return request
      ? { state, forward: false, reply: errorResponse(id, SERVER_NOT_INITIALIZED, `'${method}' before 'initialize': the server is not initialized yet`) }
      : { state, forward: false };
  }
  if (state === "shut down") {
    return request
      ? { state, forward: false, reply: errorResponse(id, INVALID_REQUEST, `'${method}' after 'shutdown': the server is shutting down; send 'exit'`) }
      : { state, forward: false };
  }
  if (method === "initialize" && request) {
    return { state, forward: false, reply: errorResponse(id, INVALID_REQUEST, "'initialize' was already sent") };
  }
  if (method === "shutdown" && request) return { state: "shut down", forward: true };
  return { state, forward: true };
}
