// Two devices (two homes) share one library; device B sees the folder A indexed through its own
// copy made without keeping times (`cp -r` without -p): same bytes, other mtimes. The photos
// must not bounce between the devices as "updated" and "pending": B reads them once, finds
// A's content, leaves the shared rows alone, and later runs (and status) need only a stat. A
// photo of B's copy whose content did change, and A's own folder, keep the plain rule.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

type Summary = { unchanged: number; added: number; updated: number; removed: number; embedded: number };

/** Sets a file's mtime, `secondsAgo` in the past. */
function setTime(file: string, secondsAgo: number): void {
  const t = Date.now() / 1000 - secondsAgo;
  fs.utimesSync(file, t, t);
}

describe('a mapped folder whose copy has other file times', () => {
  it('is unchanged on both devices: no updates back and forth, nothing pending', { timeout: 240_000 }, async () => {
    const library = path.join(tempDir('shoebox-shared-'), 'library');
    const homeA = tempDir();
    const homeB = tempDir();
    const photos = tempDir('shoebox-photos-');
    const folder = path.join(photos, 'S'); // A's folder, at the library's path
    const copy = path.join(photos, 'S2'); // B's copy of it
    fs.mkdirSync(folder);
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(folder, `${name}.jpg`, rgb);
    for (const name of fs.readdirSync(folder)) setTime(path.join(folder, name), 3600);
    const run = (home: string, args: string[]) => shoebox(['--home', home, '--library', library, ...args]);
    const json = async <T>(home: string, args: string[]): Promise<T> => {
      const res = await run(home, [...args, '--json']);
      expect(res.code, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as T;
    };
    expect(await json<Summary>(homeA, ['index', ...MODEL, folder])).toMatchObject({ added: 4 });
    // `cp -r`: the same bytes, with the copy's own times.
    fs.cpSync(folder, copy, { recursive: true });
    for (const name of fs.readdirSync(copy)) setTime(path.join(copy, name), 60);
    const mapped = await run(homeB, ['folders', 'map', ...MODEL, folder, copy]);
    expect(mapped.code, mapped.stderr).toBe(0);

    // B reads its copy once: A's content, nothing updated, nothing embedded.
    expect(await json<Summary>(homeB, ['index', ...MODEL])).toMatchObject({ unchanged: 4, added: 0, updated: 0, embedded: 0 });
    expect(await json<{ pending: number }>(homeB, ['status', ...MODEL])).toMatchObject({ pending: 0 });
    // A's rows were not rewritten with B's times: nothing pending or updated on A either.
    expect(await json<{ pending: number }>(homeA, ['status', ...MODEL])).toMatchObject({ pending: 0 });
    expect(await json<Summary>(homeA, ['index', ...MODEL])).toMatchObject({ unchanged: 4, updated: 0, embedded: 0 });
    expect(await json<Summary>(homeB, ['index', ...MODEL])).toMatchObject({ unchanged: 4, updated: 0, embedded: 0 });

    // The next run on B is a stat: the answer is kept on B. But a file written in place with
    // its size and time set back (`touch -r`, `rsync -t --inplace`) has a new ctime: it is read
    // again and its change indexed.
    const red = path.join(copy, 'red.jpg');
    const { mtime } = fs.statSync(red);
    const bytes = fs.readFileSync(red);
    fs.writeFileSync(red, Buffer.concat([bytes.subarray(0, bytes.length - 1), Buffer.from([bytes[bytes.length - 1]! ^ 1])]));
    fs.utimesSync(red, mtime, mtime);
    expect(await json<Summary>(homeB, ['index', ...MODEL])).toMatchObject({ unchanged: 3, updated: 1 });

    // A photo of B's copy whose content changed, with its size, is updated.
    const blue = path.join(copy, 'blue.jpg');
    const changed = fs.readFileSync(blue);
    changed[15] = changed[15]! ^ 1; // the JFIF header's density: another content, same size, still decodes
    fs.writeFileSync(blue, changed);
    setTime(blue, 30);
    expect(await json<{ pending: number }>(homeB, ['status', ...MODEL])).toMatchObject({ pending: 1 });
    expect(await json<Summary>(homeB, ['index', ...MODEL])).toMatchObject({ unchanged: 3, updated: 1 });

    // A's folder, at the library's path, keeps the plain rule: a new time is a change.
    setTime(path.join(folder, 'green.jpg'), 10);
    expect(await json<{ pending: number }>(homeA, ['status', ...MODEL])).toMatchObject({ pending: 3 }); // green, and red and blue now B's
    expect(await json<Summary>(homeA, ['index', ...MODEL])).toMatchObject({ updated: 3 });
  });
});
