// Two devices (two homes) share one library (--library DIR) and see its photo folder under
// different paths, as a NAS mounted at /mnt/nas on one laptop and /Volumes/photos on another.
// The second device maps the folder (`shoebox folders map`): results, list and status use its
// paths, indexing there embeds nothing again, and before the mapping the folder still searches
// and says its originals are not reachable from this device.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** The same photos under another path, times kept (as one NAS share seen from two devices). */
function sameShare(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const rel = path.relative(from, path.join(entry.parentPath, entry.name));
    sameTimes(path.join(from, rel), path.join(to, rel));
  }
}

/** `to` gets `from`'s modification time to the millisecond (the precision rows keep). */
function sameTimes(from: string, to: string): void {
  const st = fs.statSync(from);
  fs.utimesSync(to, st.atimeMs / 1000, st.mtimeMs / 1000);
}

async function run(home: string, library: string, args: string[]) {
  const res = await shoebox(['--home', home, '--library', library, ...args]);
  return res;
}

async function json<T>(home: string, library: string, args: string[]): Promise<T> {
  const res = await run(home, library, [...args, '--json']);
  expect(res.code, res.stderr).toBe(0);
  return JSON.parse(res.stdout) as T;
}

type Hit = { path: string; score: number };

describe('shoebox folders map', () => {
  it('a second device maps the shared folder to its own path: same results under its paths, nothing embedded again', { timeout: 180_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const mountA = path.join(tempDir('shoebox-mnt-'), 'nas', 'photos'); // device A: /mnt/nas/photos
    const mountB = path.join(tempDir('shoebox-volumes-'), 'photos'); // device B: /Volumes/photos
    fs.mkdirSync(path.join(mountA, '2021'), { recursive: true });
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(path.join(mountA, '2021'), `${name}.jpg`, rgb);

    const first = await json<{ added: number; embedded: number }>(homeA, library, ['index', ...MODEL, mountA]);
    expect(first).toMatchObject({ added: 4, embedded: 4 });
    const resultsA = await json<Hit[]>(homeA, library, ['search', ...MODEL, '--all', 'yellow']);
    expect(resultsA).toHaveLength(4);

    // Device B, before the share is mounted at A's path or mapped: the folder still searches
    // (same photos, same order) and says its originals are not reachable from here.
    const before = await run(homeB, library, ['search', ...MODEL, '--all', 'yellow']);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout.trim().split('\n').map((l) => l.split('\t')[1])).toEqual(resultsA.map((h) => h.path));
    fs.renameSync(mountA, `${mountA}.away`); // A's path does not exist on device B
    const unreachable = await run(homeB, library, ['search', ...MODEL, '--all', 'yellow']);
    expect(unreachable.stderr).toContain('cannot reach');
    expect(unreachable.stderr).toContain('shoebox folders map');
    const listed = await json<{ path: string; unreachable?: boolean }[]>(homeB, library, ['list', ...MODEL]);
    expect(listed.every((p) => p.unreachable === true)).toBe(true);
    const statusBefore = await run(homeB, library, ['status', ...MODEL]);
    expect(statusBefore.stdout).toContain('not reachable from this device');

    // Adding B's path of the same share as a new folder would list every photo twice: refused,
    // with the mapping to make instead.
    sameShare(`${mountA}.away`, mountB);
    const added = await run(homeB, library, ['index', ...MODEL, mountB]);
    expect(added.code).toBe(1);
    expect(added.stderr).toContain(`holds the photos of the library folder ${mountA}`);
    expect(added.stderr).toContain(`shoebox folders map ${mountA} ${mountB}`);
    expect(await json<{ path: string }[]>(homeB, library, ['folders', 'list', ...MODEL])).toEqual([{ path: mountA, unreachable: true, addedAt: expect.any(String) }]);

    // The mapping.
    const mapped = await run(homeB, library, ['folders', 'map', ...MODEL, mountA, mountB]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.stdout).toContain(`${mountA} is ${mountB} on this device (4 photos)`);
    expect(await json<unknown[]>(homeB, library, ['folders', 'list', ...MODEL])).toEqual([{ path: mountB, libraryPath: mountA, addedAt: expect.any(String) }]);

    // Same results in the same order, under B's paths, no note.
    const after = await run(homeB, library, ['search', ...MODEL, '--all', '--json', 'yellow']);
    expect(after.stderr).not.toContain('cannot reach');
    const resultsB = JSON.parse(after.stdout) as Hit[];
    expect(resultsB.map((h) => h.path)).toEqual(resultsA.map((h) => h.path.replace(mountA, mountB)));
    expect(resultsB.map((h) => h.score)).toEqual(resultsA.map((h) => h.score));
    const listB = await json<{ path: string; folder: string }[]>(homeB, library, ['list', ...MODEL]);
    expect(listB.map((p) => [p.path, p.folder])).toEqual(listed.map((p) => [p.path.replace(mountA, mountB), mountB]));
    expect(await json<{ path: string; photos: number }[]>(homeB, library, ['list', ...MODEL, '--folder', path.join(mountB, '2021')])).toHaveLength(4);
    const statusB = await json<{ pending: number; folders: unknown[] }>(homeB, library, ['status', ...MODEL]);
    expect(statusB).toMatchObject({ pending: 0, folders: [{ path: mountB, libraryPath: mountA, photos: 4 }] });

    // Indexing on B recognises every photo (rows are matched under the library's path).
    const indexB = await json<{ unchanged: number; added: number; removed: number; embedded: number }>(homeB, library, ['index', ...MODEL]);
    expect(indexB).toMatchObject({ unchanged: 4, added: 0, removed: 0, embedded: 0 });
    // A new photo on B's side lands under the library's path, where device A finds it.
    await writeColourPhoto(path.join(mountB, '2021'), 'extra.jpg', [10, 200, 30]);
    expect(await json<{ added: number; embedded: number }>(homeB, library, ['index', ...MODEL, mountB])).toMatchObject({ added: 1, embedded: 1 });
    fs.renameSync(`${mountA}.away`, mountA);
    fs.copyFileSync(path.join(mountB, '2021', 'extra.jpg'), path.join(mountA, '2021', 'extra.jpg'));
    sameTimes(path.join(mountB, '2021', 'extra.jpg'), path.join(mountA, '2021', 'extra.jpg'));
    const listA = await json<{ path: string }[]>(homeA, library, ['list', ...MODEL]);
    expect(listA.map((p) => p.path)).toContain(path.join(mountA, '2021', 'extra.jpg'));
    expect(await json<{ unchanged: number; embedded: number }>(homeA, library, ['index', ...MODEL])).toMatchObject({ unchanged: 5, embedded: 0 });

    // The mapping is device B's alone: in B's home, never in the library or A's home.
    expect(JSON.parse(fs.readFileSync(path.join(homeB, 'folder-mappings.json'), 'utf8'))).toEqual({ version: 1, libraries: { [path.resolve(library)]: { [mountA]: mountB } } });
    expect(fs.existsSync(path.join(homeA, 'folder-mappings.json'))).toBe(false);

    // Forgetting it: B looks at A's path again.
    const unmapped = await run(homeB, library, ['folders', 'unmap', ...MODEL, mountB]);
    expect(unmapped.code, unmapped.stderr).toBe(0);
    expect(unmapped.stdout.split('\n')[0]).toBe(`forgot where this device finds ${mountA}: it is looked for at that path again`);
    expect(await json<unknown[]>(homeB, library, ['folders', 'list', ...MODEL])).toEqual([{ path: mountA, addedAt: expect.any(String) }]);
    // Again: nothing was mapped, and it says so rather than that it forgot something.
    const again = await run(homeB, library, ['folders', 'unmap', ...MODEL, mountA]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.split('\n')[0]).toBe(`${mountA} was not mapped on this device: nothing to forget`);
  });

  it('refuses a mapping that cannot hold, in one line', { timeout: 120_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const home = tempDir();
    const one = tempDir('shoebox-photos-');
    const two = tempDir('shoebox-photos-');
    await writeColourPhoto(one, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(two, 'blue.jpg', COLOURS.blue!);
    expect((await run(home, library, ['index', ...MODEL, one, two])).code).toBe(0);

    const notFolder = await run(home, library, ['folders', 'map', ...MODEL, '/not/a/library/folder', one]);
    expect(notFolder.code).toBe(1);
    expect(notFolder.stderr.trim()).toBe('shoebox: not a library folder: /not/a/library/folder (shoebox folders list shows them)');
    const missing = await run(home, library, ['folders', 'map', ...MODEL, one, path.join(one, 'nowhere')]);
    expect(missing.stderr.trim()).toBe(`shoebox: folder not found: ${path.join(one, 'nowhere')}`);
    const overlap = await run(home, library, ['folders', 'map', ...MODEL, one, two]);
    expect(overlap.code).toBe(1);
    expect(overlap.stderr.trim()).toBe(`shoebox: cannot map ${one} to ${two}: it overlaps the library folder ${two}`);
    expect(fs.existsSync(path.join(home, 'folder-mappings.json'))).toBe(false);
  });
});
