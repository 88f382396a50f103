// The desktop app shows main's error messages as main wrote them: Electron rejects every
// ipcRenderer.invoke with "Error invoking remote method '<channel>': Error: <message>", and the
// IPC client takes that wrapper off, so "Locate folder…", Settings → Library and the rest read
// the same one line as under `shoebox serve`.
import { describe, expect, it } from 'vitest';
import type { LibraryApi } from '../../../src/shared/api';
import { ipcClient } from '../../../src/renderer/client/ipc-client';
import { unwrapIpcError } from '../../../src/renderer/client/ipc-errors';

const electronRejection = (channel: string, message: string, name = 'Error') => Promise.reject(new Error(`Error invoking remote method '${channel}': ${name}: ${message}`));

describe('errors over IPC', () => {
  it('a LibraryApi call and a desktop call reject with main’s message alone', async () => {
    const bridge = {
      mapFolder: () => electronRejection('shoebox:mapFolder', 'folder not found: /Volumes/photos'),
      setLibrary: () => electronRejection('shoebox-desktop:setLibrary', 'bucket not found: family (s3://family/shoebox)', 'LibraryLocationError'),
      subscribe: () => () => {},
    } as unknown as LibraryApi;
    const client = ipcClient(bridge);
    await expect(client.mapFolder('/mnt/nas/photos', '/Volumes/photos')).rejects.toThrow(/^folder not found: \/Volumes\/photos$/);
    await expect(client.setLibrary!({ choice: { kind: 'default' } })).rejects.toThrow(/^bucket not found: family \(s3:\/\/family\/shoebox\)$/);
  });

  it("keeps the engine's error name, which the page decides by (a refused change: LibraryBusyError…)", async () => {
    const lost = 'lost the connection to s3://family/shoebox at http://nas:9000 (no answer for 25 s): what was committed is kept; trying again resumes from there';
    const client = ipcClient({ setFavourites: () => electronRejection('shoebox:setFavourites', lost, 'LeaseLostError'), subscribe: () => () => {} } as unknown as LibraryApi);
    await expect(client.setFavourites(['p1'], true)).rejects.toThrow(expect.objectContaining({ name: 'LeaseLostError', message: lost }));
    expect(unwrapIpcError(new Error("Error invoking remote method 'shoebox:x': Error: plain"))).toMatchObject({ name: 'Error', message: 'plain' });
  });

  it('answers and other errors pass through unchanged', async () => {
    const client = ipcClient({ listFolders: async () => [], subscribe: () => () => {} } as unknown as LibraryApi);
    expect(await client.listFolders()).toEqual([]);
    const plain = new Error('library busy: index on nas (pid 12) is writing to s3://family/shoebox');
    expect(unwrapIpcError(plain)).toBe(plain);
  });
});
