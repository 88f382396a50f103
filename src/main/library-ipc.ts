// Settings → Library over IPC (desktop app only: `shoebox serve` takes --library instead).
// The page reads the choice (never the keys) and saves a new one; saving reopens the engine
// on it, so the page's next calls answer from the new library. Asked to, the engine first
// copies the library open now there (core copy-library: the place must be empty; the page's
// job list shows the copy), so an existing library moves to a NAS or a bucket whole. A
// choice that cannot be opened (a bucket that does not answer, keys it refuses) is never
// kept: it is checked before it is saved, and put back as it was when the engine still fails
// to start on it, so the app never starts on a library it cannot open.
import { ipcMain } from 'electron';
import { checkLibraryChoiceInput, type LibraryChoiceView } from '../shared/library-choice';
import { GET_LIBRARY_CHANNEL, SET_LIBRARY_CHANNEL, assertTrustedSender } from './ipc';
import type { EngineLibraryOptions, LibrarySetting } from './library-setting';

export interface LibrarySwitch {
  /** Fails, in one line, when the library cannot be reached (core's checkLibraryLocation);
   *  `toOpen`: also when it holds an unfinished copy (a copy there finishes it instead). */
  check(options: EngineLibraryOptions, toOpen: boolean): Promise<void>;
  /** Copies the library open now to that place (it must be empty), checked before it resolves. */
  copy(options: EngineLibraryOptions): Promise<unknown>;
  /** Restarts the engine on the saved choice. */
  restart(): Promise<void>;
}

/** Checks, saves and switches to `input`; on any failure the previous choice stays, and the engine on it. */
export async function switchLibrary(setting: LibrarySetting, input: unknown, engine: LibrarySwitch): Promise<LibraryChoiceView> {
  const options = setting.optionsFor(input);
  const copy = checkLibraryChoiceInput(input).copy === true;
  await engine.check(options, !copy);
  setting.checkSave(input); // keys that cannot be kept are refused before a copy, not after it
  // A copy that fails or is stopped saves nothing: the app stays on the library it had.
  if (copy) await engine.copy(options);
  const before = setting.snapshot();
  const view = setting.save(input);
  try {
    await engine.restart();
  } catch (error) {
    setting.restore(before);
    await engine.restart().catch(() => undefined); // back on the library it had
    throw error;
  }
  return view;
}

export function registerLibraryIpc(setting: LibrarySetting, engine: LibrarySwitch): () => void {
  // One switch at a time (Save clicked twice, two windows): overlapping ones would save and
  // put back each other's choice and restart the engine under each other.
  let switching: Promise<unknown> = Promise.resolve();
  ipcMain.handle(GET_LIBRARY_CHANNEL, (event): LibraryChoiceView => {
    assertTrustedSender(event);
    return setting.view();
  });
  ipcMain.handle(SET_LIBRARY_CHANNEL, async (event, ...args: unknown[]): Promise<LibraryChoiceView> => {
    assertTrustedSender(event);
    if (args.length !== 1) throw new Error('setLibrary: expected 1 argument, the library setting.');
    const next = switching.catch(() => {}).then(() => switchLibrary(setting, args[0], engine));
    switching = next;
    return next;
  });
  return () => {
    ipcMain.removeHandler(GET_LIBRARY_CHANNEL);
    ipcMain.removeHandler(SET_LIBRARY_CHANNEL);
  };
}
