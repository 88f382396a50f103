// The family's library with two devices that both keep the app open (the GPU box's watcher
// and a laptop): each gives the writer lock back once quiet, so the other can mark, tag and
// index in between, and takes it again for its next write or change.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import type { LibraryApiOptions } from '../../src/core/api/library-api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';

const openHost = useApiHosts();
const names = (photos: { path: string }[]) => photos.map((p) => path.basename(p.path)).sort();
const s3 = await s3Gateway();

/** Where the family keeps the library: a shared folder (a NAS mount), or a bucket. */
const places: [string, (() => Pick<LibraryApiOptions, 'library' | 's3'>) | null][] = [
  ['a folder', () => ({ library: tempDir('shoebox-hand-back-library-') })],
  [
    'S3',
    s3
      ? () => ({ library: s3LibraryUri(s3, s3Prefix('hand-back')), s3: { endpoint: s3.endpoint, region: s3.region, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } } })
      : null,
  ],
];

describe.each(places)('two watching apps on one library in %s', (_, place) => {
  it.skipIf(!place)('write in turn: each gives the lock back when quiet and takes it again for its next change', async () => {
    const library = place!();
    const box = tempDir('shoebox-hand-back-box-');
    const laptop = tempDir('shoebox-hand-back-laptop-');
    await writeColourPhoto(box, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(box, 'green.jpg', COLOURS.green!);
    await writeColourPhoto(laptop, 'blue.jpg', COLOURS.blue!);

    // The GPU box indexes its folder, then watches it.
    const a = await openHost({ ...library, watch: true, handBackMs: 1000, followMs: 200 });
    expect(await jobFinished(a.events, await a.host.addFolder(box))).toMatchObject({ state: 'done', result: { embedded: 2 } });
    await vi.waitFor(async () => expect((await a.host.status()).watching).toBe(true), { timeout: 10_000 });

    // The laptop's app opens while the box still holds the lock (it just indexed): it says who
    // writes; once the box has been quiet for a second, the line goes and the laptop writes.
    const b = await openHost({ ...library, watch: true, handBackMs: 1000, followMs: 200 });
    await vi.waitFor(async () => expect((await b.host.status()).writerElsewhere).toBeNull(), { timeout: 20_000, interval: 100 });
    const red = photoId(path.join(box, 'red.jpg'));
    expect(await b.host.setFavourites([red], true)).toMatchObject({ done: 1 });
    expect(await jobFinished(b.events, await b.host.addFolder(laptop))).toMatchObject({ state: 'done', result: { embedded: 1 } });

    // The box's page is told of what the laptop wrote, and shows it.
    await vi.waitFor(() => expect(a.events).toContainEqual({ type: 'photos-changed', added: 0, removed: 0 }), { timeout: 10_000 });
    await vi.waitFor(async () => expect(names((await a.host.timeline({ favourite: true })).photos)).toEqual(['red.jpg']), { timeout: 10_000 });
    expect((await a.host.status()).photos).toBe(3);

    // A photo saved on the box: its watcher takes the lock again (once the laptop is quiet)
    // and indexes it; the laptop's page then shows it, and the laptop can still write.
    await writeColourPhoto(box, 'yellow.jpg', COLOURS.yellow!);
    await vi.waitFor(async () => expect((await a.host.status()).photos).toBe(4), { timeout: 30_000, interval: 250 });
    await vi.waitFor(async () => expect(names((await b.host.timeline({ limit: 10 })).photos)).toContain('yellow.jpg'), { timeout: 15_000, interval: 250 });
    await vi.waitFor(async () => expect(await b.host.setFavourites([photoId(path.join(box, 'yellow.jpg'))], true)).toMatchObject({ done: 1 }), { timeout: 15_000, interval: 250 });
    await vi.waitFor(async () => expect(names((await a.host.timeline({ favourite: true })).photos)).toEqual(['red.jpg', 'yellow.jpg']), { timeout: 15_000, interval: 250 });
  }, 180_000);
});

describe('a watcher woken after giving the lock back', () => {
  it('a folder another process removed meanwhile is not indexed again by the woken watcher', async () => {
    const library = tempDir('shoebox-hand-back-library-');
    const kept = tempDir('shoebox-hand-back-kept-');
    const gone = tempDir('shoebox-hand-back-gone-');
    await writeColourPhoto(kept, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(gone, 'green.jpg', COLOURS.green!);
    const a = await openHost({ library, watch: true, handBackMs: 500, followMs: 200 });
    for (const folder of [kept, gone]) expect(await jobFinished(a.events, await a.host.addFolder(folder))).toMatchObject({ state: 'done' });

    // Another device removes a folder while the watcher is quiet (lock given back).
    const b = await openHost({ library, handBackMs: 500 });
    await vi.waitFor(() => b.host.removeFolder(gone), { timeout: 20_000, interval: 200 });
    await vi.waitFor(async () => expect((await b.host.listFolders()).map((f) => f.path)).toEqual([kept]), { timeout: 20_000, interval: 200 });

    // A change in each: the watcher wakes, takes the lock again and catches up on the library's
    // folders as they are now: the removed folder's new photo stays out.
    await writeColourPhoto(gone, 'blue.jpg', COLOURS.blue!);
    fs.copyFileSync(path.join(kept, 'red.jpg'), path.join(kept, 'red-copy.jpg'));
    await vi.waitFor(async () => expect(names((await a.host.timeline({ limit: 10 })).photos)).toEqual(['red-copy.jpg', 'red.jpg']), { timeout: 30_000, interval: 250 });
    expect((await a.host.listFolders()).map((f) => f.path)).toEqual([kept]);
  }, 120_000);
});
