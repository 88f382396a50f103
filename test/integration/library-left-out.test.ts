// No file is left out silently: whatever under a library folder cannot be indexed is named in
// `failed` or `unavailable` with a reason (a name that is not UTF-8, a subfolder that cannot be
// read, a path longer than the system allows, a link to nothing).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';
import { indexPaths, type IndexerDeps, type ScanScope } from '../../src/core/library/indexer';

afterEach(() => {
  vi.restoreAllMocks();
});

async function onePhoto(): Promise<string> {
  const dir = tempDir('shoebox-left-out-');
  await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
  return dir;
}

describe.runIf(process.platform === 'linux')('files that cannot be indexed are reported, never skipped silently', () => {
  it('a photo whose name is not valid UTF-8 is reported as failed with why', async () => {
    const dir = await onePhoto();
    const raw = Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.jpg')]); // Latin-1 "café.jpg"
    fs.writeFileSync(raw, fs.readFileSync(path.join(dir, 'red.jpg')));
    const s = await testLibrary(tempDir()).index([dir]);
    expect(s.added).toBe(1);
    expect(s.failed).toEqual([{ path: path.join(dir, 'caf\uFFFD.jpg'), reason: 'file name is not valid UTF-8: cannot be indexed (rename it)' }]);
  });

  it('a subfolder that cannot be read is reported even when no photo was indexed from it', async () => {
    const dir = await onePhoto();
    const sub = path.join(dir, 'private');
    fs.mkdirSync(sub);
    await writeColourPhoto(sub, 'blue.jpg', COLOURS.blue!);
    // Root runs these tests, so chmod cannot make a folder unreadable: fail its readdir instead.
    const readdir = fsp.readdir.bind(fsp);
    vi.spyOn(fsp, 'readdir').mockImplementation(((d: string, options: never) => {
      if (d === sub) return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${sub}'`), { code: 'EACCES' }));
      return readdir(d, options);
    }) as typeof fsp.readdir);
    const s = await testLibrary(tempDir()).index([dir]);
    expect(s.unavailable).toEqual([{ path: sub, reason: 'cannot read folder (EACCES)', kept: 0 }]);
  });

  it('a link whose target does not exist is reported', async () => {
    const dir = await onePhoto();
    const link = path.join(dir, 'gone.jpg');
    fs.symlinkSync(path.join(tempDir(), 'nothing.jpg'), link);
    const s = await testLibrary(tempDir()).index([dir]);
    expect(s.unavailable).toEqual([{ path: link, reason: 'link target not found', kept: 0 }]);
  });

  it('a link that leads back to itself is reported as a link loop, whether its folder is indexed or the watcher reports it', async () => {
    const dir = await onePhoto();
    const loop = path.join(dir, 'loop.jpg');
    fs.symlinkSync(loop, loop); // ELOOP: its target is itself
    const lib = testLibrary(tempDir());
    expect((await lib.index([dir])).unavailable).toEqual([{ path: loop, reason: 'link loop', kept: 0 }]);
    // As the watcher reports it (a link made in a watched folder): indexPaths stats it again.
    const store = await lib.writable();
    const inside = lib as unknown as { indexerDeps(s: typeof store): IndexerDeps; scanScope(s: typeof store): Promise<ScanScope> };
    const s = await indexPaths(inside.indexerDeps(store), [loop], () => dir, await inside.scanScope(store));
    expect(s.unavailable).toEqual([{ path: loop, reason: 'link loop', kept: 0 }]);
  });

  it('a folder whose path is longer than the system allows is reported', async () => {
    const dir = await onePhoto();
    // 20 levels of 240-character names: past PATH_MAX (4096), built one relative step at a time.
    const segment = 'd'.repeat(240);
    execFileSync('bash', ['-c', `cd "$1" && for i in $(seq 1 20); do mkdir ${segment} && cd ${segment}; done && cp "$1/red.jpg" deep.jpg`, 'bash', dir]);
    const s = await testLibrary(tempDir()).index([dir]);
    expect(s.added).toBe(1);
    const reasons = [...s.unavailable, ...s.failed].map((u) => u.reason);
    expect(reasons).toEqual(['path too long for this system (ENAMETOOLONG)']);
  });
});
