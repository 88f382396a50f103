// Electron's ipcMain.handle hands a thrown error to the page as one string only ("Error invoking
// remote method '<channel>': <name>: <message>"): an error's own fields do not cross. So main
// (src/main/ipc.ts) appends an error's detail to its message as a tagged line of JSON, and the
// page's IPC client (src/renderer/client/ipc-errors.ts) takes it off again and puts it back as
// the error's `detail`: the same error the page gets over `shoebox serve`'s WebSocket, where the
// detail travels as a field (shared/rpc.ts). Only a checked detail is written or read back.
import { detailOfError, errorDetailOf, type ErrorDetail } from './error-detail';

/** Starts the appended line: not something an engine message ends with. */
const DETAIL_TAG = '\n[shoebox-error-detail] ';

/** The error to throw across IPC: one with its detail written into its message, or `error` itself when it has none. */
export function withDetailInMessage(error: unknown): unknown {
  const detail = detailOfError(error);
  if (!detail) return error;
  const carried = new Error(`${(error as Error).message}${DETAIL_TAG}${JSON.stringify(detail)}`);
  carried.name = (error as Error).name;
  // Main's log of a failed handler keeps the engine error's own stack, not this wrapper's.
  if (error instanceof Error && error.stack) carried.stack = error.stack;
  return carried;
}

/** A message received over IPC, split into the engine's own message and the detail main appended (if any, and valid). */
export function detailFromMessage(message: string): { message: string; detail?: ErrorDetail } {
  const at = message.lastIndexOf(DETAIL_TAG);
  if (at < 0) return { message };
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.slice(at + DETAIL_TAG.length));
  } catch {
    return { message };
  }
  const detail = errorDetailOf(parsed);
  return detail ? { message: message.slice(0, at), detail } : { message };
}
