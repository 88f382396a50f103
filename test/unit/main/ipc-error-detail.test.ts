// A search with a tag no label set has, in the desktop app: main's handler answers with the
// engine's refusal (a RemoteError carrying its detail), Electron hands the page only the string
// "Error invoking remote method '<channel>': <name>: <message>", and the page's IPC client
// rebuilds the error with its detail, so the filter bar says it in the app's words by its code,
// as under `shoebox serve`.
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryApi } from '../../../src/shared/api';
import { RemoteError } from '../../../src/shared/rpc';
import { ipcClient } from '../../../src/renderer/client/ipc-client';
import { searchErrorText } from '../../../src/renderer/lib/filters';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { registerIpc } = await import('../../../src/main/ipc');

const APP_FRAME = { senderFrame: { url: 'shoebox://app/index.html' } } as unknown as IpcMainInvokeEvent;

/** The page's bridge as Electron makes it: each call through main's handler, a thrown error reduced to its toString(). */
function electronBridge(): LibraryApi {
  const call = (channel: string) => async (...args: unknown[]) => {
    const handler = fakeElectron.ipcMain.handle.mock.calls.find(([name]) => name === channel)![1] as (event: IpcMainInvokeEvent, ...a: unknown[]) => unknown;
    try {
      return await handler(APP_FRAME, ...args);
    } catch (error) {
      // As Electron does: the page gets this string alone, no cause.
      // eslint-disable-next-line preserve-caught-error
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`);
    }
  };
  return { search: call('shoebox:search'), listFolders: call('shoebox:listFolders'), subscribe: () => () => {} } as unknown as LibraryApi;
}

describe('an error’s detail over IPC', () => {
  beforeEach(resetFakeElectron);

  it('a search by an unknown tag reads in the app’s words, by its code', async () => {
    const refusal = new RemoteError({ name: 'QueryError', message: 'any words at all', detail: { code: 'unknown-tag', label: 'mauve' } });
    registerIpc({ search: async () => Promise.reject(refusal), subscribe: () => () => {} } as unknown as LibraryApi);
    const error = await ipcClient(electronBridge()).search('red', { filters: { tag: 'mauve' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'QueryError', message: 'any words at all', detail: { code: 'unknown-tag', label: 'mauve' } });
    expect(searchErrorText(error)).toBe('No label set has the tag “mauve” (any more): choose another tag.');
  });

  it('an error without a detail reads as before: its message alone, its name kept', async () => {
    registerIpc({ listFolders: async () => Promise.reject(Object.assign(new Error('library busy: x'), { name: 'LibraryBusyError' })), subscribe: () => () => {} } as unknown as LibraryApi);
    const error = await ipcClient(electronBridge()).listFolders().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'LibraryBusyError', message: 'library busy: x' });
    expect(error).not.toHaveProperty('detail');
  });
});
