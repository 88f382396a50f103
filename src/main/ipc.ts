// The IPC half of the LibraryApi bridge; src/preload/index.ts is the other half.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { LibraryApi, Unsubscribe } from '../shared/api';
import { INVOKABLE_METHODS, invoke, type InvokableMethod } from '../shared/api-methods';
import { withDetailInMessage } from '../shared/ipc-error-detail';
import { isAppUrl } from './app-url';
import { chooseFolder } from './folder-dialog';
import { revealPhoto } from './reveal-photo';

// The preload may import only src/shared, so it repeats these two strings;
// test/unit/preload checks that both sides agree.
/** Request/response methods travel on `shoebox:<method>`. */
export const INVOKE_CHANNEL_PREFIX = 'shoebox:';
/** Engine events travel main -> renderer on this channel. */
export const EVENT_CHANNEL = 'shoebox:event';
/** The desktop app's own calls, answered by main (not LibraryApi: `shoebox serve` has none). */
export const DESKTOP_CHANNEL_PREFIX = 'shoebox-desktop:';
export const REVEAL_PHOTO_CHANNEL = `${DESKTOP_CHANNEL_PREFIX}revealPhoto`;
/** Settings → Library (library-ipc.ts): read the choice, save one (which reopens the engine). */
export const GET_LIBRARY_CHANNEL = `${DESKTOP_CHANNEL_PREFIX}library`;
export const SET_LIBRARY_CHANNEL = `${DESKTOP_CHANNEL_PREFIX}setLibrary`;

export { INVOKABLE_METHODS, type InvokableMethod };

/**
 * Registers one ipcMain handler per LibraryApi method (the list in src/shared/api-methods.ts,
 * which tsc keeps equal to LibraryApi). Arguments come from the renderer: each call's are
 * checked there (types, ranges, sizes) before the engine sees them; chooseFolder is answered
 * here with the platform's folder dialog, and revealPhoto (desktop only) with the file
 * manager. Returns a function that
 * removes the handlers.
 */
export function registerIpc(api: LibraryApi): () => void {
  for (const method of INVOKABLE_METHODS) {
    ipcMain.handle(INVOKE_CHANNEL_PREFIX + method, (event, ...args: unknown[]) => {
      assertTrustedSender(event);
      // The folder dialog is main's own (the engine has no windows); its arguments are
      // still checked like every other call's.
      const answer = method === 'chooseFolder' ? invoke({ ...api, chooseFolder: () => chooseFolder(event.sender) }, method, args) : invoke(api, method, args);
      // Electron passes on only an error's name and message: its detail (an unknown tag…) rides in the message.
      return Promise.resolve(answer).catch((error: unknown) => {
        throw withDetailInMessage(error);
      });
    });
  }
  ipcMain.handle(REVEAL_PHOTO_CHANNEL, (event, ...args: unknown[]) => {
    assertTrustedSender(event);
    return revealPhoto(api, args);
  });
  return () => {
    for (const method of INVOKABLE_METHODS) ipcMain.removeHandler(INVOKE_CHANNEL_PREFIX + method);
    ipcMain.removeHandler(REVEAL_PHOTO_CHANNEL);
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
