// Electron rejects ipcRenderer.invoke with only the main process's error message, wrapped as
// "Error invoking remote method 'shoebox:addFolder': Error: folder not found: /x". The page
// shows error messages as they are, so the wrapper is taken off here, once for every call:
// the user reads "folder not found: /x", as under `shoebox serve`.
import type { DesktopBridge } from '../shoebox';
import { RemoteError } from '../../shared/rpc';
import { detailFromMessage } from '../../shared/ipc-error-detail';

const ELECTRON_WRAPPER = /^Error invoking remote method '[^']*': (?:([A-Za-z]*Error): )?/;

/** The error with Electron's IPC wrapper taken off its message (other errors unchanged). The
 *  wrapper is the only place IPC keeps the engine's error name (LibraryBusyError…): it is put
 *  back as the error's name, so the page decides by it as under `shoebox serve`. The detail
 *  main wrote into the message (shared/ipc-error-detail.ts) is put back as the error's
 *  `detail`, as the WebSocket's RemoteError has it. */
export function unwrapIpcError(error: unknown): unknown {
  const wrapper = error instanceof Error ? ELECTRON_WRAPPER.exec(error.message) : null;
  if (!wrapper) return error;
  const { message, detail } = detailFromMessage((error as Error).message.slice(wrapper[0].length));
  return new RemoteError({ name: wrapper[1] || 'Error', message, ...(detail ? { detail } : {}) });
}

/** The bridge's calls, each rejecting with the unwrapped error; `subscribe` (not a call) as it is. */
export function withUnwrappedErrors(api: DesktopBridge): DesktopBridge {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(api)) {
    if (typeof value !== 'function' || name === 'subscribe') {
      wrapped[name] = value;
      continue;
    }
    const call = value as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      const result = call(...args);
      return isThenable(result)
        ? Promise.resolve(result).catch((error: unknown) => {
            throw unwrapIpcError(error);
          })
        : result;
    };
  }
  return wrapped as unknown as DesktopBridge;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
