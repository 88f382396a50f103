// The IPC half of the LibraryApi bridge; src/preload/index.ts is the other half.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { LibraryApi, Unsubscribe } from '../shared/api';
import { isAppUrl } from './app-url';

// The preload may import only src/shared, so it repeats these two strings;
// test/unit/preload checks that both sides agree.
/** Request/response methods travel on `shoebox:<method>`. */
export const INVOKE_CHANNEL_PREFIX = 'shoebox:';
/** Engine events travel main -> renderer on this channel. */
export const EVENT_CHANNEL = 'shoebox:event';

/** LibraryApi's request/response methods; `subscribe` is bridged by events instead. */
export type InvokableMethod = Exclude<keyof LibraryApi, 'subscribe'>;

// One entry per method: when LibraryApi grows, tsc fails here until the bridge does too.
// Arguments come from the renderer, so each entry must validate them before use.
const handlers: { [M in InvokableMethod]: (api: LibraryApi, args: unknown[]) => ReturnType<LibraryApi[M]> } = {
  info: (api) => api.info(),
};

export const INVOKABLE_METHODS = Object.keys(handlers) as InvokableMethod[];

/** Registers one ipcMain handler per LibraryApi method. Returns a function that removes them. */
export function registerIpc(api: LibraryApi): () => void {
  for (const method of INVOKABLE_METHODS) {
    ipcMain.handle(INVOKE_CHANNEL_PREFIX + method, (event, ...args: unknown[]) => {
      assertTrustedSender(event);
      return handlers[method](api, args);
    });
  }
  return () => {
    for (const method of INVOKABLE_METHODS) ipcMain.removeHandler(INVOKE_CHANNEL_PREFIX + method);
  };
}

/**
 * Answers only frames showing our own pages. Navigation is already guarded, but this is
 * the line that matters: an iframe or a page that slipped through must not reach the library.
 */
export function assertTrustedSender(event: IpcMainInvokeEvent): void {
  // senderFrame is null when the frame navigated away or was destroyed mid-call.
  const url = event.senderFrame?.url;
  if (url === undefined || !isAppUrl(url)) {
    throw new Error(`Shoebox refused a request from an untrusted page (${url ?? 'frame gone'}).`);
  }
}

/** Pushes every engine event to the app pages among `targets()` (looked up per event). */
export function forwardEvents(api: LibraryApi, targets: () => WebContents[]): Unsubscribe {
  return api.subscribe((event) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, event);
    }
  });
}
