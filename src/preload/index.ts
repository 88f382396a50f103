// The whole surface the page gets: window.shoebox, a LibraryApi over IPC plus the desktop
// app's own revealPhoto (main answers it: the file manager). Nothing else, least of all
// ipcRenderer itself, which would let the page call any channel.
//
// Runs sandboxed, so it is built as CommonJS (out/preload/index.cjs) and may require only
// 'electron' and a few Node shims: anything it imports must be bundled in.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LibraryApi, LibraryEvent } from '../shared/api';
import { INVOKABLE_METHODS } from '../shared/api-methods';
import type { DesktopLibrary, LibraryChoiceInput, LibraryChoiceView } from '../shared/library-choice';

// Same strings as src/main/ipc.ts, which this layer may not import; a unit test keeps them in step.
const INVOKE_CHANNEL_PREFIX = 'shoebox:';
const EVENT_CHANNEL = 'shoebox:event';
const REVEAL_PHOTO_CHANNEL = 'shoebox-desktop:revealPhoto';
const GET_LIBRARY_CHANNEL = 'shoebox-desktop:library';
const SET_LIBRARY_CHANNEL = 'shoebox-desktop:setLibrary';

// One function per LibraryApi method (the shared list tsc keeps complete); main checks the
// arguments, so this side only forwards them.
const methods = Object.fromEntries(
  INVOKABLE_METHODS.map((method) => [method, (...args: unknown[]) => ipcRenderer.invoke(`${INVOKE_CHANNEL_PREFIX}${method}`, ...args)]),
);

const api = {
  ...methods,
  /** Shows a library photo (by id: main resolves the path) in the file manager. */
  revealPhoto: (id: string): Promise<void> => ipcRenderer.invoke(REVEAL_PHOTO_CHANNEL, id),
  /** Settings → Library: this device's library choice (never the keys), and saving a new one. */
  library: (): Promise<LibraryChoiceView> => ipcRenderer.invoke(GET_LIBRARY_CHANNEL),
  setLibrary: (input: LibraryChoiceInput): Promise<LibraryChoiceView> => ipcRenderer.invoke(SET_LIBRARY_CHANNEL, input),
  subscribe(listener: (event: LibraryEvent) => void) {
    // The page gets the event only: the IpcRendererEvent carries `sender`, i.e. ipcRenderer.
    const onEvent = (_ipcEvent: IpcRendererEvent, event: LibraryEvent): void => listener(event);
    ipcRenderer.on(EVENT_CHANNEL, onEvent);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, onEvent);
    };
  },
} as LibraryApi & DesktopLibrary & { revealPhoto(id: string): Promise<void> };

contextBridge.exposeInMainWorld('shoebox', api);
