// The app (or `serve`) on a library another process writes: the family's laptop while the GPU
// box's `shoebox watch` runs, or the app opened beside a `shoebox watch` of the same data
// folder. It searches and views the library, refuses changes with the writer's line, shows
// what the writer adds, and writes once the writer is done.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { openLibrary } from '../../src/core/engine';
import { LibraryLocation } from '../../src/core/location';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { useAppProcesses } from '../helpers/app-process';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();
const appProcess = useAppProcesses();
const names = (photos: { path: string }[]) => photos.map((p) => path.basename(p.path)).sort();

/** Four colour photos in a folder of their own. */
async function colourPhotos(): Promise<string> {
  const photos = tempDir('shoebox-elsewhere-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  return photos;
}

describe('a library another process writes', () => {
  it('is searched and viewed, its changes refused with the writer named, and written once the writer is done', async () => {
    const library = tempDir('shoebox-elsewhere-library-');
    const photos = await colourPhotos();
    // The other device's app, indexing and holding the library (busy all along: it does not
    // give the lock back while this test looks; writer-hand-back.test.ts has it do that).
    const writer = await appProcess(tempDir('shoebox-elsewhere-home-'), library, { handBackMs: 3_600_000 });
    expect(await writer.call('indexNow', [photos])).toMatchObject({ added: 4 });
    const busy = new RegExp(`^library busy: shoebox serve on \\S+ \\(pid ${writer.child.pid}\\) is writing to ${library.replace(/[/.]/g, '\\$&')}; it lets the library go once quiet for 30 s \\(unless set otherwise\\): try again then \\(if it has stopped, its lease lapses by itself at \\d\\d:\\d\\d:\\d\\d, in \\d+ s\\)$`);

    // This device's app: it holds the lock when it can, and watches its folders.
    const { host, events } = await openHost({ library, watch: true, followMs: 200 });
    expect(await host.status()).toMatchObject({ model: { id: expect.any(String) }, photos: 4, folders: 1, writerElsewhere: expect.stringMatching(busy) });
    // Said for the page to decide by too: who, and why (not read back out of the line).
    expect((await host.status()).writer).toEqual({ holder: expect.stringMatching(new RegExp(`^shoebox serve on \\S+ \\(pid ${writer.child.pid}\\)$`)), reason: 'busy' });
    expect(names((await host.search('red', { limit: 1 })).photos)).toEqual(['red.jpg']);
    const red = photoId(path.join(photos, 'red.jpg'));
    await expect(host.setFavourites([red], true)).rejects.toThrow(busy);

    // What the writer adds meanwhile reaches this page: it is told to read again.
    const more = tempDir('shoebox-elsewhere-more-');
    await writeColourPhoto(more, 'later.jpg', [120, 60, 200]);
    expect(await writer.call('indexNow', [more])).toMatchObject({ added: 1 });
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'photos-changed', added: 0, removed: 0 }), { timeout: 10_000 });
    expect(names((await host.timeline({ limit: 10 })).photos)).toContain('later.jpg');

    // The writer quits: this app's watcher takes the library over (it tries every 10 s), and
    // the page is told to read its status again.
    // (Events from here on: the line may go before the writer has quite exited.)
    events.length = 0;
    writer.child.stdin!.end();
    await new Promise((resolve) => writer.child.once('exit', resolve));
    await vi.waitFor(async () => expect((await host.status()).writerElsewhere).toBeNull(), { timeout: 20_000, interval: 250 });
    expect((await host.status()).writer).toBeNull();
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'folders-changed' }), { timeout: 10_000 });
    expect(await host.setFavourites([red], true)).toMatchObject({ done: 1 });
    expect(names((await host.timeline({ favourite: true })).photos)).toEqual(['red.jpg']);
  }, 120_000);

  it('without a watcher, drops the writer\'s line once the writer is gone, and writes', async () => {
    const library = tempDir('shoebox-elsewhere-library-');
    const photos = await colourPhotos();
    // A writer in this process (the app opened twice): its line names no other process.
    const writer = await openHost({ library });
    expect(await jobFinished(writer.events, await writer.host.addFolder(photos))).toMatchObject({ state: 'done', result: { embedded: 4 } });
    const { host, events } = await openHost({ library, watch: false, followMs: 200 });
    expect((await host.status()).writerElsewhere).toMatch(/^library busy: this process is already writing to /);
    expect((await host.status()).writer).toEqual({ holder: null, reason: 'busy' }); // no other process to name
    await writer.host.close();
    // `serve --no-watch`: no watcher tries the library; its looks at the commits see the lock free.
    await vi.waitFor(async () => expect((await host.status()).writerElsewhere).toBeNull(), { timeout: 10_000, interval: 100 });
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'folders-changed' }), { timeout: 10_000 });
    expect(await host.setFavourites([photoId(path.join(photos, 'blue.jpg'))], true)).toMatchObject({ done: 1 });
  });

  it('tells the library\'s listener of a write refused because another process writes', async () => {
    const library = tempDir('shoebox-elsewhere-library-');
    await openHost({ library }); // the writer
    const lib = openLibrary({ home: tempDir(), location: LibraryLocation.local(library), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    try {
      const told: Error[] = [];
      lib.onWriterElsewhere = (error) => told.push(error);
      await expect(lib.writable()).rejects.toThrow(/^library busy: /);
      await vi.waitFor(() => expect(told.map((e) => e.message)).toEqual([expect.stringMatching(/^library busy: /)]), { timeout: 10_000 });
    } finally {
      await lib.close();
    }
  });
});
