// Pause and Resume on a library folder, and Stop on an import, as the app and `shoebox serve`
// call them (LibraryApi.pauseIndexing / resumeIndexing / stopJob): a paused folder's job stops,
// the watcher neither catches it up nor follows it, what was indexed stays; Resume indexes
// what it lacks. A stopped import keeps what it copied and the next one finishes. Real
// LanceDB, the tiny model, the real folder watcher.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryApi } from '../../src/shared/api';
import { jobFinished, jobStates, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

async function colourFolder(prefix: string): Promise<string> {
  const dir = tempDir(prefix);
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

const photosIn = async (host: LibraryApi, folder: string) => (await host.listFolders()).find((f) => f.path === folder)?.photos;

/** Waits until the watcher has caught up and follows `folder`: a photo copied there appears. */
async function watcherFollows(host: LibraryApi, folder: string, name: string): Promise<void> {
  const before = (await photosIn(host, folder)) ?? 0;
  await writeColourPhoto(folder, name, [Math.floor(Math.random() * 255), 90, 160]);
  await expect.poll(() => photosIn(host, folder), { timeout: 30_000 }).toBe(before + 1);
}

describe('pausing a folder\'s indexing', () => {
  it('a paused folder is neither followed nor caught up until resumed; what was indexed stays searchable', async () => {
    const [paused, other] = [await colourFolder('shoebox-pause-a-'), await colourFolder('shoebox-pause-b-')];
    const { host, events } = await openHost({ watch: true });
    await jobFinished(events, await host.addFolder(paused));
    await jobFinished(events, await host.addFolder(other));
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);

    await host.pauseIndexing(paused);
    expect(await host.listFolders()).toEqual([
      expect.objectContaining({ path: paused, photos: 4, paused: true }),
      expect.not.objectContaining({ paused: true }),
    ]);
    // Copied into the paused folder first, then into the other, twice (two watcher batches).
    await writeColourPhoto(paused, 'while paused.jpg', [128, 0, 128]);
    await watcherFollows(host, other, 'late 1.jpg');
    await watcherFollows(host, other, 'late 2.jpg');
    expect(await photosIn(host, paused)).toBe(4);
    expect((await host.search('red', { limit: 1 })).photos[0]!.path).toMatch(/red\.jpg$/);

    const resumed = await jobFinished(events, await host.resumeIndexing(paused));
    expect(resumed).toMatchObject({ kind: 'index', folder: paused, state: 'done', result: { added: 1 } });
    expect((await host.listFolders()).find((f) => f.path === paused)).not.toHaveProperty('paused');
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    await watcherFollows(host, paused, 'after resume.jpg');
  }, 180_000);

  it('photos moved into a paused folder stay in the library, and resuming takes them without embedding them again', async () => {
    const [watched, paused] = [await colourFolder('shoebox-pause-e-'), tempDir('shoebox-pause-f-')];
    fs.mkdirSync(path.join(watched, 'trip'));
    await writeColourPhoto(path.join(watched, 'trip'), 'sea.jpg', [10, 60, 200]);
    await writeColourPhoto(path.join(watched, 'trip'), 'sand.jpg', [220, 200, 150]);
    await writeColourPhoto(paused, 'own.jpg', [90, 90, 90]);
    const { host, events } = await openHost({ watch: true });
    await jobFinished(events, await host.addFolder(watched));
    await jobFinished(events, await host.addFolder(paused));
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    await host.pauseIndexing(paused);
    const total = (await host.listPhotos()).total;
    expect(total).toBe(7);

    fs.renameSync(path.join(watched, 'trip'), path.join(paused, 'trip'));
    await watcherFollows(host, watched, 'late.jpg'); // the move's batch is behind it
    expect((await host.listPhotos()).total).toBe(total + 1); // nothing left the library
    // A rename where the watcher looks is seen whole: the photo is not shown twice meanwhile.
    fs.renameSync(path.join(watched, 'red.jpg'), path.join(watched, 'red renamed.jpg'));
    await expect.poll(async () => (await host.listPhotos({ limit: 100 })).photos.map((p) => path.basename(p.path)), { timeout: 30_000 }).toContain('red renamed.jpg');
    // (Its old row goes right after the new one is committed, in the same batch or the next.)
    await expect.poll(async () => (await host.listPhotos()).total, { timeout: 10_000 }).toBe(total + 1);

    const resumed = await jobFinished(events, await host.resumeIndexing(paused));
    expect(resumed).toMatchObject({ state: 'done', result: { added: 2, embedded: 0 } });
    // The watcher's first catch-up without a pause drops the rows of the old places.
    await expect.poll(async () => (await host.listPhotos()).total, { timeout: 30_000 }).toBe(total + 1);
    expect((await host.listPhotos({ limit: 100 })).photos.map((p) => path.relative(paused, p.path)).filter((p) => !p.startsWith('..')).sort()).toEqual(['own.jpg', path.join('trip', 'sand.jpg'), path.join('trip', 'sea.jpg')]);
  }, 180_000);

  it('while a folder is paused, a move the watcher sees in two batches, and one out of the paused folder, show the photo once', async () => {
    const [watched, paused, outside] = [await colourFolder('shoebox-pause-l-'), tempDir('shoebox-pause-m-'), tempDir('shoebox-pause-n-')];
    await writeColourPhoto(paused, 'own.jpg', [90, 90, 90]);
    await writeColourPhoto(paused, 'stays.jpg', [30, 140, 90]); // a library folder left empty keeps its rows (unmounted?)
    const { host, events } = await openHost({ watch: true });
    await jobFinished(events, await host.addFolder(watched));
    await jobFinished(events, await host.addFolder(paused));
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    await host.pauseIndexing(paused);
    const names = async () => (await host.listPhotos({ limit: 100 })).photos.map((p) => path.relative(watched, p.path)).sort();
    const colours = Object.keys(COLOURS).map((c) => `${c}.jpg`);

    // Out of the library, seen (a batch of its own), then back under another name.
    fs.renameSync(path.join(watched, 'red.jpg'), path.join(outside, 'red.jpg'));
    await watcherFollows(host, watched, 'late.jpg');
    fs.renameSync(path.join(outside, 'red.jpg'), path.join(watched, 'red again.jpg'));
    const moved = [...colours.filter((c) => c !== 'red.jpg'), 'red again.jpg', 'late.jpg'];
    const inPaused = (name: string) => path.join('..', path.basename(paused), name);
    await expect.poll(names, { timeout: 30_000 }).toEqual([...moved, inPaused('own.jpg'), inPaused('stays.jpg')].sort());
    // Out of the paused folder, which is not followed: only its arrival is seen.
    fs.renameSync(path.join(paused, 'own.jpg'), path.join(watched, 'own.jpg'));
    await expect.poll(names, { timeout: 30_000 }).toEqual([...moved, 'own.jpg', inPaused('stays.jpg')].sort());
  }, 180_000);

  it('while a folder is paused, a photo moved into it is kept even when its copy elsewhere changes in the same run', async () => {
    const [a, b, paused] = [tempDir('shoebox-pause-i-'), tempDir('shoebox-pause-j-'), tempDir('shoebox-pause-k-')];
    await writeColourPhoto(a, 'x.jpg', [200, 30, 120]);
    fs.copyFileSync(path.join(a, 'x.jpg'), path.join(b, 'x.jpg')); // the same content twice
    await writeColourPhoto(a, 'stays.jpg', [30, 30, 200]); // a folder left empty would keep its rows anyway
    await writeColourPhoto(paused, 'own.jpg', [90, 90, 90]);
    const { host, events } = await openHost();
    for (const folder of [a, b, paused]) await jobFinished(events, await host.addFolder(folder));
    await host.pauseIndexing(paused);

    fs.renameSync(path.join(a, 'x.jpg'), path.join(paused, 'x.jpg'));
    await writeColourPhoto(b, 'x.jpg', [20, 200, 20]); // the copy is edited: it holds other content now
    await host.indexNow([a, b]);
    expect((await host.listPhotos({ limit: 100 })).photos.map((p) => p.path)).toContain(path.join(a, 'x.jpg')); // kept, not lost
    const resumed = await jobFinished(events, await host.resumeIndexing(paused));
    expect(resumed).toMatchObject({ state: 'done', result: { added: 1, embedded: 0 } }); // its embedding taken, not made again
  }, 120_000);

  it('adding a paused folder again ends its pause and indexes it', async () => {
    const folder = await colourFolder('shoebox-pause-g-');
    const { host, events } = await openHost();
    await jobFinished(events, await host.addFolder(folder));
    await host.pauseIndexing(folder);
    await writeColourPhoto(folder, 'new.jpg', [128, 0, 128]);
    expect(await jobFinished(events, await host.addFolder(folder))).toMatchObject({ state: 'done', result: { added: 1 } });
    expect((await host.listFolders())[0]).not.toHaveProperty('paused');
  }, 120_000);

  it('pausing stops the folder\'s job at once; a folder removed and added again is indexed', async () => {
    const [paused, other] = [await colourFolder('shoebox-pause-c-'), await colourFolder('shoebox-pause-d-')];
    const { host, events } = await openHost({ watch: true });
    const job = await host.addFolder(paused);
    await host.pauseIndexing(paused);
    expect(await jobFinished(events, job)).toMatchObject({ state: 'cancelled' });
    const indexed = await photosIn(host, paused);
    expect(indexed).toBeLessThan(4);
    // The watcher starts after the queue empties: it catches up the other folder, not this one.
    await jobFinished(events, await host.addFolder(other));
    await watcherFollows(host, other, 'late.jpg');
    expect(await photosIn(host, paused)).toBe(indexed);

    await expect(host.pauseIndexing(tempDir())).rejects.toThrow(/^not a library folder: /);
    await host.removeFolder(paused);
    const again = await jobFinished(events, await host.addFolder(paused));
    expect(again).toMatchObject({ state: 'done' });
    expect(await host.listFolders()).toContainEqual(expect.objectContaining({ path: paused, photos: 4 }));
    expect((await host.listFolders()).find((f) => f.path === paused)).not.toHaveProperty('paused');
  }, 180_000);
  it('an import into a paused folder indexes what it copied, not the rest of the folder, which stays paused', async () => {
    const folder = await colourFolder('shoebox-pause-h-');
    const card = tempDir('shoebox-pause-card-');
    await writeColourPhoto(card, 'IMG_0001.JPG', [128, 0, 128]);
    const { host, events } = await openHost();
    await jobFinished(events, await host.addFolder(folder));
    await host.pauseIndexing(folder);
    await writeColourPhoto(folder, 'waiting.jpg', [0, 128, 128]); // added while paused
    const job = await jobFinished(events, await host.importPhotos(card, folder));
    expect(job).toMatchObject({ state: 'done', result: { added: 1 } });
    expect(jobStates(events, job.id).map((j) => j.step).filter((step, i, all) => step && step !== all[i - 1])).toEqual(['copying', 'indexing']);
    expect((await host.listPhotos({ limit: 100 })).photos.map((p) => path.basename(p.path))).not.toContain('waiting.jpg');
    expect((await host.listFolders())[0]).toMatchObject({ photos: 5, paused: true });
  }, 120_000);
});

describe('stopping an import', () => {
  it('Stop ends an import: what it copied stays, nothing is left half-written, the next import finishes', async () => {
    const library = tempDir('shoebox-stop-library-');
    const card = tempDir('shoebox-stop-card-');
    for (let i = 0; i < 40; i++) await writeColourPhoto(card, `IMG_${String(i).padStart(4, '0')}.JPG`, [(i * 6) % 256, 255 - ((i * 6) % 256), (i * 37) % 256]);
    const { host, events } = await openHost();
    await jobFinished(events, await host.addFolder(library));
    const index = await host.addFolder(tempDir('shoebox-stop-other-'));
    await expect(host.stopJob(index.id)).rejects.toThrow('indexing stops by pausing its folder (pauseIndexing)');
    await jobFinished(events, index);
    await expect(host.stopJob('job-999')).rejects.toThrow(/^no job job-999/);

    const job = await host.importPhotos(card, library);
    await expect.poll(() => jobStates(events, job.id).some((j) => j.state === 'running' && j.progress !== null), { timeout: 30_000, interval: 5 }).toBe(true);
    await host.stopJob(job.id);
    const stopped = await jobFinished(events, job);
    expect(stopped.state).toBe('cancelled');
    expect(stopped.result?.summary).toMatch(/; stopped before the end: what was copied stays, and the next import or index run takes it$/);
    const files = () => (fs.readdirSync(library, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(library, p)).isFile());
    expect(files().filter((p) => p.includes('shoebox-part'))).toEqual([]);
    expect((await host.listPhotos()).total).toBeLessThan(40); // cut short while copying or indexing
    await host.stopJob(job.id); // over already: nothing to stop, no error

    const next = await jobFinished(events, await host.importPhotos(card, library));
    expect(next).toMatchObject({ state: 'done' });
    expect(files().length).toBe(40);
    expect((await host.listPhotos()).total).toBe(40);
  }, 180_000);
});
