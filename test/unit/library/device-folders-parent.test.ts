// `folders map ROOT PLACE` where ROOT is not a library folder but the root of a share holding
// several (src/core/library/device-folders.ts): each library folder under it is mapped to PLACE +
// its path below ROOT, in one write, all or none; `unmap ROOT` forgets them; a folder holding
// none is refused as before.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeviceFolders } from '../../../src/core/library/device-folders';
import { folderMappingsPath } from '../../../src/core/library/folder-mappings-file';
import { tempDir } from '../../helpers/images';

const LIBRARY = 'file:///library';

/** Device A's folders (root/f1, root/f2, elsewhere), device B's copies of root/*, and B's view. */
function twoDevices() {
  const base = tempDir('shoebox-parent-map-');
  const a = path.join(base, 'A', 'root');
  const b = path.join(base, 'B', 'root');
  const elsewhere = path.join(base, 'A', 'elsewhere');
  for (const dir of [path.join(a, 'f1'), path.join(a, 'f2'), path.join(b, 'f1'), path.join(b, 'f2'), elsewhere]) fs.mkdirSync(dir, { recursive: true });
  const home = tempDir('shoebox-home-');
  const folders = new DeviceFolders(home, LIBRARY);
  const libraryFolders = [path.join(a, 'f1'), path.join(a, 'f2'), elsewhere];
  // As the mapped store lists them: this device's paths.
  const store = { listFolders: async () => libraryFolders.map((p) => ({ path: folders.map().toDevice(p), addedAt: 0 })) };
  return { base, a, b, elsewhere, home, folders, store: store as unknown as Parameters<DeviceFolders['list']>[0] };
}

describe('mapping the root of a share that holds several library folders', () => {
  it('maps each library folder under it to the same path below the new root, in one go', async () => {
    const { a, b, home, folders, store } = twoDevices();
    const done = await folders.mapFolders(store, a, b);
    expect(done.parent).toBe(a);
    expect(done.wasMapped).toBe(0);
    expect(done.folders.map((f) => [f.library, f.device])).toEqual([
      [path.join(a, 'f1'), path.join(b, 'f1')],
      [path.join(a, 'f2'), path.join(b, 'f2')],
    ]);
    expect(JSON.parse(fs.readFileSync(folderMappingsPath(home), 'utf8')).libraries[LIBRARY]).toEqual({
      [path.join(a, 'f1')]: path.join(b, 'f1'),
      [path.join(a, 'f2')]: path.join(b, 'f2'),
    });
    expect((await folders.list(store)).filter((f) => f.mapped).map((f) => f.device)).toEqual([path.join(b, 'f1'), path.join(b, 'f2')]);
  });

  it('maps none when one cannot be mapped, and says which', async () => {
    const { a, b, home, folders, store } = twoDevices();
    fs.rmSync(path.join(b, 'f2'), { recursive: true });
    await expect(folders.mapFolders(store, a, b)).rejects.toThrow(`nothing mapped under ${a}: cannot map ${path.join(a, 'f2')} to ${path.join(b, 'f2')}: folder not found`);
    expect(fs.existsSync(folderMappingsPath(home))).toBe(false);
  });

  it('unmapping the root (either device\'s path) forgets the mappings of the folders under it only', async () => {
    const { base, a, b, elsewhere, folders, store } = twoDevices();
    const other = path.join(base, 'B', 'elsewhere');
    fs.mkdirSync(other);
    await folders.mapFolders(store, elsewhere, other);
    await folders.mapFolders(store, a, b);
    const forgot = await folders.mapFolders(store, b, null);
    expect(forgot).toMatchObject({ parent: b, wasMapped: 2 });
    expect(forgot.folders.map((f) => [f.library, f.device, f.mapped])).toEqual([
      [path.join(a, 'f1'), path.join(a, 'f1'), false],
      [path.join(a, 'f2'), path.join(a, 'f2'), false],
    ]);
    expect((await folders.list(store)).filter((f) => f.mapped).map((f) => [f.library, f.device])).toEqual([[elsewhere, other]]);
  });

  it('a library folder is still mapped alone, and a folder holding none is refused as before', async () => {
    const { base, a, b, folders, store } = twoDevices();
    const one = await folders.mapFolders(store, path.join(a, 'f1'), path.join(b, 'f1'));
    expect(one).toEqual({ folders: [{ library: path.join(a, 'f1'), device: path.join(b, 'f1'), mapped: true, reachable: true }], wasMapped: 0 });
    const empty = path.join(base, 'nothing');
    await expect(folders.mapFolders(store, empty, b)).rejects.toThrow(`not a library folder: ${empty} (shoebox folders list shows them)`);
  });
});
