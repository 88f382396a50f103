// The app (or `serve`) on a library another process writes: the changes that run as jobs are
// refused at once with LibraryBusyError, as setFavourites is (the page tells that error by its
// name), and leave no failed job in the job list; nothing is copied, removed or trashed. The
// duplicate scan is no change: it runs as a reader, its report shown here and not saved.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import type { LibraryHost } from '../../src/core/api/library-api';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

/** What a refused call threw: its class's name and first line (or what it answered instead). */
async function refusal(call: Promise<unknown>): Promise<{ name: string; line: string }> {
  return call.then(
    (answer) => ({ name: 'answered', line: JSON.stringify(answer) }),
    (error: Error) => ({ name: error.name, line: error.message.split('\n')[0]! }),
  );
}

const BUSY = { name: 'LibraryBusyError', line: expect.stringMatching(/^library busy: /) };

/** A library of three photos (two the same) that another host of this process writes (the
 *  app opened twice on one library: it does not give the lock back here), and this host on it. */
async function besideAWriter() {
  const library = tempDir('shoebox-elsewhere-jobs-library-');
  const photos = tempDir('shoebox-elsewhere-jobs-photos-');
  await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
  fs.copyFileSync(path.join(photos, 'red.jpg'), path.join(photos, 'red copy.jpg'));
  await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
  const writer = await openHost({ library });
  expect(await jobFinished(writer.events, await writer.host.addFolder(photos))).toMatchObject({ state: 'done', result: { added: 3 } });
  const here = await openHost({ library, watch: false });
  expect((await here.host.status()).writerElsewhere).toMatch(/^library busy: /);
  return { writer, photos, ...here };
}

describe('a library another process writes: its jobs', () => {
  it('refuses every change that runs as a job at once, as LibraryBusyError, leaving no failed job', async () => {
    const { host, events, photos } = await besideAWriter();
    const card = tempDir('shoebox-elsewhere-jobs-card-');
    await writeColourPhoto(card, 'IMG_0001.jpg', COLOURS.green!);
    const copy = photoId(path.join(photos, 'red copy.jpg'));
    const refused: Record<string, (host: LibraryHost) => Promise<unknown>> = {
      importDescriptions: (h) => h.importDescriptions(),
      importPhotos: (h) => h.importPhotos(card, photos),
      repairLibrary: (h) => h.repairLibrary(),
      removeFolder: (h) => h.removeFolder(photos),
      trashDuplicates: (h) => h.trashDuplicates([copy]),
    };
    const seen: Record<string, unknown> = {};
    for (const [method, call] of Object.entries(refused)) seen[method] = await refusal(call(host));
    expect(seen).toEqual(Object.fromEntries(Object.keys(refused).map((method) => [method, BUSY])));
    // No job was queued for them, so none is left failed; and nothing changed.
    expect(await host.jobs()).toEqual([]);
    expect(events.filter((e) => e.type === 'job')).toEqual([]);
    expect(fs.readdirSync(photos).sort()).toEqual(['blue.jpg', 'red copy.jpg', 'red.jpg']);
    expect((await host.listFolders()).map((f) => f.path)).toEqual([photos]);
    expect((await host.status()).photos).toBe(3);
  }, 120_000);

  it('runs a duplicate scan as a reader: it finishes, says its report was not saved, and shows it here', async () => {
    const { host, events, writer } = await besideAWriter();
    const scan = await jobFinished(events, await host.findDuplicates(['exact']));
    expect(scan, scan.error ?? '').toMatchObject({ kind: 'dupes', state: 'done', result: { summary: '1 group, 1 photo could go; not saved: another process is writing the library' } });
    expect((await host.duplicates())?.groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['red copy.jpg', 'red.jpg']]);
    // Saved only by the writer: the writer has no report.
    expect(await writer.host.duplicates()).toBeNull();
    expect((await host.jobs()).filter((j) => j.state === 'failed')).toEqual([]);
  }, 120_000);
});
