// Two devices on one library: the laptop's `serve` (or app), quiet, gave the writer lock back;
// then the GPU box's `shoebox watch` took it. The laptop's page says so by itself (its banner,
// changes not offered), before any change is offered and refused, and drops it once the
// watch lets the library go.
import os from 'node:os';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { LibraryApiOptions } from '../../src/core/api/library-api';
import { resolveLibraryLocation } from '../../src/core/location/library-location';
import { readWriterLease } from '../../src/core/store/writer-lease';
import { shoebox, startShoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Prefix } from '../helpers/s3-gateway';

const openHost = useApiHosts();
const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});
const watches: ReturnType<typeof startShoebox>[] = [];
afterEach(() => {
  for (const w of watches.splice(0)) w.kill('SIGKILL');
});

interface Place {
  /** The laptop's host options for the library. */
  options: Pick<LibraryApiOptions, 'library' | 's3'>;
  uri: string;
  /** The environment a `shoebox` command needs to reach it. */
  env: NodeJS.ProcessEnv;
}

/** Where the family keeps the library: a shared folder (a NAS mount), or a bucket. */
const places: [string, (() => Place) | null][] = [
  [
    'a folder',
    () => {
      const library = tempDir('shoebox-seen-library-');
      return { options: { library }, uri: library, env: {} };
    },
  ],
  [
    'S3',
    s3
      ? () => {
          const uri = s3LibraryUri(s3, s3Prefix('writer-seen'));
          return { options: { library: uri, s3: { endpoint: s3.endpoint, region: s3.region, credentials: { accessKeyId: s3.accessKey, secretAccessKey: s3.secretKey } } }, uri, env: awsEnv(s3) };
        }
      : null,
  ],
];

describe.each(places)('a page on a library in %s that another device starts writing', (_, make) => {
  it.skipIf(!make)('says who writes without a change refused first, and drops it once the writer is gone', async () => {
    const place = make!();
    const location = await resolveLibraryLocation(place.uri, { defaultDir: '/nonexistent', env: { ...process.env, ...place.env } });
    // The laptop: it takes the library at its open, and gives it back once quiet for a second.
    // No watcher: one would try to take the library again and be refused, which alone raises
    // the banner; here only the page's own look at the lease can (writer-elsewhere.ts).
    const laptop = await openHost({ ...place.options, watch: false, handBackMs: 1000, followMs: 200 });
    await vi.waitFor(async () => expect(await readWriterLease(location)).toBeNull(), { timeout: 30_000, interval: 250 });
    expect((await laptop.host.status()).writerElsewhere).toBeNull();

    // The GPU box indexes a folder (a watch of a library with no folder takes no lock), then its
    // watch takes the library, and keeps it (SHOEBOX_HAND_BACK_MS: an hour).
    const box = tempDir('shoebox-seen-box-');
    const photos = tempDir('shoebox-seen-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const model = ['--provider', 'cpu', '--model-dir', fixtureModelDir(TINY_IMMICH)];
    expect((await shoebox(['--home', box, '--library', place.uri, 'index', ...model, photos], place.env)).code).toBe(0);
    await vi.waitFor(async () => expect(await readWriterLease(location)).toBeNull(), { timeout: 30_000, interval: 250 });
    laptop.events.length = 0;
    const args = ['--home', box, '--library', place.uri, '--provider', 'cpu', 'watch', '--model-dir', fixtureModelDir(TINY_IMMICH)];
    const watch = startShoebox(args, { ...place.env, SHOEBOX_HAND_BACK_MS: '3600000' });
    watches.push(watch);
    await vi.waitFor(async () => expect((await readWriterLease(location))?.pid).toBe(watch.pid), { timeout: 60_000, interval: 250 });

    // The laptop asked for nothing: its page is told to read the status again, and the status
    // names the writer (the banner; changes are not offered meanwhile).
    const holder = `shoebox watch on ${os.hostname()} (pid ${watch.pid})`;
    await vi.waitFor(async () => expect((await laptop.host.status()).writer).toEqual({ holder, reason: 'busy' }), { timeout: 15_000, interval: 100 });
    expect((await laptop.host.status()).writerElsewhere).toMatch(new RegExp(`^library busy: ${holder.replace(/[().]/g, '\\$&')} is writing to ${place.uri.replace(/[/.]/g, '\\$&')}; it lets the library go once quiet`));
    expect(laptop.events).toContainEqual({ type: 'folders-changed' });

    // The watch stops (its lease released): the laptop's page drops the note by itself.
    laptop.events.length = 0;
    watch.kill('SIGINT');
    await vi.waitFor(async () => expect((await laptop.host.status()).writerElsewhere).toBeNull(), { timeout: 30_000, interval: 100 });
    expect((await laptop.host.status()).writer).toBeNull();
    expect(laptop.events).toContainEqual({ type: 'folders-changed' });
  }, 180_000);
});
