// The message protocol LibraryApi travels in when it crosses a byte stream or a message
// port: `shoebox serve`'s WebSocket and the Electron main <-> engine process port.
//
//   request   {id, method, params}      caller -> engine
//   response  {id, result} | {id, error: {name, message, detail?}}
//   event     {event}                   engine -> caller, pushed (LibraryEvent)
//
// Environment-free: the renderer, src/main and src/server all use it.
import type { LibraryApi, LibraryEvent, Unsubscribe } from './api';
import { INVOKABLE_METHODS, InvalidArgumentsError, invoke, isInvokableMethod } from './api-methods';
import { detailOfError, errorDetailOf, type ErrorDetail } from './error-detail';

export interface RpcRequest {
  id: number;
  method: string;
  params: unknown[];
}

export interface RpcErrorBody {
  name: string;
  message: string;
  /** What the refusal is, for a front end that words it itself (shared/error-detail.ts); plain JSON, checked on both sides. */
  detail?: ErrorDetail;
}

export type RpcResponse = { id: number; result?: unknown } | { id: number; error: RpcErrorBody };

export interface RpcEventMessage {
  event: LibraryEvent;
}

/** An error the other side reported; `name` keeps its kind (InvalidArgumentsError, LibraryBusyError...), `detail` what it is (an unknown tag...). */
export class RemoteError extends Error {
  // Declared, not defined: an error without a detail has no `detail` property at all.
  declare readonly detail?: ErrorDetail;
  constructor(body: RpcErrorBody) {
    super(body.message);
    this.name = body.name;
    if (body.detail !== undefined) this.detail = body.detail;
  }
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** The calling side: numbers requests, matches responses, fans events out to listeners. */
export class RpcClient {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: LibraryEvent) => void>();
  private nextId = 1;

  constructor(private readonly send: (request: RpcRequest) => void) {}

  call(method: string, params: unknown[]): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      try {
        this.send({ id, method, params });
      } catch (error) {
        this.pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /** Feed every message from the other side here; anything that is not ours is ignored. */
  receive(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    if ('event' in message) {
      const event = (message as RpcEventMessage).event;
      for (const listener of this.listeners) listener(event);
      return;
    }
    const id = (message as { id?: unknown }).id;
    if (typeof id !== 'number') return;
    const waiter = this.pending.get(id);
    if (!waiter) return;
    this.pending.delete(id);
    if ('error' in message) waiter.reject(new RemoteError(normaliseError((message as { error: unknown }).error)));
    else waiter.resolve((message as { result?: unknown }).result);
  }

  /** Rejects every call in flight (the connection or the process went away). */
  failAll(error: Error): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  get inFlight(): number {
    return this.pending.size;
  }

  onEvent(listener: (event: LibraryEvent) => void): Unsubscribe {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** A LibraryApi whose every method is a call through `client`. */
export function libraryApiOverRpc(client: Pick<RpcClient, 'call' | 'onEvent'>): LibraryApi {
  const methods = Object.fromEntries(
    INVOKABLE_METHODS.map((method) => [method, (...params: unknown[]) => client.call(method, trimUndefined(params))]),
  );
  return { ...methods, subscribe: (listener) => client.onEvent(listener) } as LibraryApi;
}

/** The one line for params that are not an array: `{"folder": ...}` is not listPhotos' first argument. */
export const PARAMS_NOT_ARRAY = 'params must be a JSON array of arguments';

/** Answers one request with `handle`; null for messages that are not requests (see notARequestReply). */
export async function answerRequest(message: unknown, handle: (method: string, params: unknown[]) => Promise<unknown>): Promise<RpcResponse | null> {
  if (typeof message !== 'object' || message === null) return null;
  const { id, method, params } = message as Partial<RpcRequest>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  try {
    if (typeof method !== 'string') throw new InvalidArgumentsError('method must be a string');
    // Absent: no arguments. Anything else but an array is refused, never dropped: calling with
    // none instead would answer another question (every photo for a misspelt filter).
    if (params !== undefined && !Array.isArray(params)) throw new InvalidArgumentsError(`${PARAMS_NOT_ARRAY}, not ${jsonKind(params)}`);
    return { id, result: await handle(method, params ?? []) };
  } catch (error) {
    return { id, error: errorBody(error) };
  }
}

/**
 * The error reply for a message answerRequest does not take as a request (no whole-number id,
 * not an object), for a transport whose other side is a script that should hear why (the
 * WebSocket of `shoebox serve`). The id is echoed when it is a string or a number, so a script
 * can still match the reply; otherwise it is null. Not an RpcResponse: RpcClient ignores it.
 */
export function notARequestReply(message: unknown): { id: string | number | null; error: RpcErrorBody } {
  const id = typeof message === 'object' && message !== null ? (message as { id?: unknown }).id : undefined;
  const echoed = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
  const problem =
    typeof message !== 'object' || message === null || Array.isArray(message)
      ? `a request must be a JSON object {id, method, params}, not ${jsonKind(message)}`
      : id === undefined
        ? 'a request needs an "id": a whole number its reply will carry'
        : `a request's "id" must be a whole number, not ${jsonKind(id)}`;
  return { id: echoed, error: errorBody(new InvalidArgumentsError(problem)) };
}

function jsonKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? `${value} (too large)` : `${value}`;
  if (typeof value === 'string') return 'a string';
  return typeof value === 'boolean' ? 'a boolean' : typeof value;
}

/** Dispatches to LibraryApi's methods only, with checked arguments. */
export function libraryHandler(api: LibraryApi): (method: string, params: unknown[]) => Promise<unknown> {
  return async (method, params) => {
    if (!isInvokableMethod(method)) throw new InvalidArgumentsError(`unknown method "${method.slice(0, 60)}"`);
    return invoke(api, method, params);
  };
}

/** An error as it crosses: its name, its message and a known detail; never its stack or other fields. */
export function errorBody(error: unknown): RpcErrorBody {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const detail = detailOfError(error);
  return { name: error.name || 'Error', message: error.message, ...(detail ? { detail } : {}) };
}

function normaliseError(value: unknown): RpcErrorBody {
  const o = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof RpcErrorBody, unknown>>;
  const detail = errorDetailOf(o.detail);
  return { name: typeof o.name === 'string' ? o.name : 'Error', message: typeof o.message === 'string' ? o.message : 'unknown error', ...(detail ? { detail } : {}) };
}

function trimUndefined(params: unknown[]): unknown[] {
  let n = params.length;
  while (n > 0 && params[n - 1] === undefined) n--;
  return params.slice(0, n);
}
