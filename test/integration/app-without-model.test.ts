// The app and `serve` on a device without a model (the family's second laptop opening a shared
// library): the library is shown for reading at once, nothing is written or locked, and
// installing a model (from the app, or from a terminal and then "Check again") opens it with
// that model without a restart, re-embedding nothing the library already has for it.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobFinished, jobStates, useApiHosts } from '../helpers/api-host';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { ModelManager } from '../../src/core/models/model-manager';
import { updateSettings } from '../../src/core/settings';
import { createLibraryApi } from '../../src/core/api/library-api';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL_ID = 'vit-b-32-openai';

let hub: FakeHub;
const openHost = useApiHosts();

beforeEach(async () => {
  hub = await FakeHub.start();
  const files = readTree(fixtureModelDir(TINY_IMMICH));
  delete files['.stamp'];
  hub.addRepo('immich-app/ViT-B-32__openai', files);
  vi.stubEnv('SHOEBOX_HF_ENDPOINT', hub.url);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await hub.close();
});

const names = (photos: { path: string }[]) => photos.map((p) => path.basename(p.path)).sort();

/** A library made by a first device with the catalog model: four colour photos, embedded. */
async function sharedLibrary(): Promise<{ library: string; photos: string }> {
  const library = tempDir('shoebox-shared-library-');
  const photos = tempDir('shoebox-shared-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  const { host, events } = await openHost({ home: tempDir(), library, modelDir: undefined });
  expect(await jobFinished(events, await host.installModel(MODEL_ID))).toMatchObject({ state: 'done' });
  expect(await jobFinished(events, await host.addFolder(photos))).toMatchObject({ state: 'done', result: { embedded: 4 } });
  await host.close();
  return { library, photos };
}

/** The app's engine on a second device (its own home, no model): as src/main/engine-process.ts opens it. */
const openApp = (library: string) => openHost({ home: tempDir(), library, modelDir: undefined, readWithoutModel: true });

describe('the app on a device without a model', () => {
  it('shows the library for reading, writes and locks nothing, and opens it with the model installed from the app', async () => {
    const { library } = await sharedLibrary();
    const { host, events } = await openApp(library);

    expect(await host.status()).toMatchObject({ model: null, photos: 4, folders: 1, watching: false, modelProblem: expect.stringMatching(/^No model yet/) });
    expect(names((await host.timeline({ limit: 10 })).photos)).toEqual(['blue.jpg', 'green.jpg', 'red.jpg', 'yellow.jpg']);
    expect((await host.listFolders()).map((f) => f.photos)).toEqual([4]);
    expect((await host.models()).models.find((m) => m.id === MODEL_ID)).toMatchObject({ installed: false, active: false });
    const red = (await host.timeline({ limit: 10 })).photos.find((p) => p.path.endsWith('red.jpg'))!;
    // The library's own model, as the banner offers it: another would embed every photo again.
    const advice = `no model: this library's photos are embedded with ${MODEL_ID}: shoebox models install ${MODEL_ID} (another model would embed every photo again)`;
    await expect(host.setFavourites([red.id], true)).rejects.toThrow(advice);
    await expect(host.search('blue')).rejects.toThrow(advice);
    // No writer lock is held: the first device can open the library for writing meanwhile.
    const other = await openHost({ home: tempDir(), library });
    await other.host.close();

    const install = await host.installModel(MODEL_ID);
    expect(await jobFinished(events, install)).toMatchObject({ state: 'done' });
    expect(events).toContainEqual({ type: 'folders-changed' });
    expect(await host.status()).toMatchObject({ model: { id: MODEL_ID }, modelProblem: null, photos: 4 });
    // The folders are indexed with the new model: the library's vectors for it are used as they are.
    const index = events.flatMap((e) => (e.type === 'job' && e.job.kind === 'index' ? [e.job] : []))[0];
    expect(index).toBeDefined();
    expect(await jobFinished(events, index!)).toMatchObject({ state: 'done', result: { added: 0, embedded: 0 } });
    expect(jobStates(events, index!.id).map((j) => j.state)).toContain('running');
    expect(names((await host.search('blue', { limit: 1 })).photos)).toEqual(['blue.jpg']);
    await host.setFavourites([red.id], true);
    expect(names((await host.timeline({ favourite: true })).photos)).toEqual(['red.jpg']);
  });

  it('opens the library with a model installed from a terminal at the next status ("Check again")', async () => {
    const { library } = await sharedLibrary();
    const { host } = await openApp(library);
    expect((await host.status()).model).toBeNull();
    // Installed from a terminal (the folder as an install leaves it: import refuses catalog ids).
    const manager = new ModelManager({ home: host.home });
    fs.cpSync(fixtureModelDir(TINY_IMMICH), manager.modelDir(MODEL_ID), { recursive: true });
    updateSettings(host.home, { activeModel: MODEL_ID });
    expect(await host.status()).toMatchObject({ model: { id: MODEL_ID }, modelProblem: null, photos: 4 });
    expect(names((await host.search('red', { limit: 1 })).photos)).toEqual(['red.jpg']);
  });

  it('follows what another device adds while it is viewed, without a watcher', async () => {
    const { library } = await sharedLibrary();
    const { host, events } = await openHost({ home: tempDir(), library, modelDir: undefined, readWithoutModel: true, watch: true, followMs: 200 });
    expect((await host.timeline({ limit: 10 })).total).toBe(4);
    expect((await host.status()).watching).toBe(false);

    // The first device indexes one more photo: no event names it, the version does.
    const more = tempDir('shoebox-shared-more-');
    await writeColourPhoto(more, 'later.jpg', [120, 60, 200]);
    const writer = await createLibraryApi({ home: tempDir(), library, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    await writer.indexNow([more]);
    await writer.close();
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'photos-changed', added: 0, removed: 0 }), { timeout: 10_000 });
    expect(names((await host.timeline({ limit: 10 })).photos)).toContain('later.jpg');
    expect(await host.status()).toMatchObject({ model: null, photos: 5, folders: 2 });
  });

  it('searches with a model installed while another process writes the library, and writes once that one is gone', async () => {
    const { library } = await sharedLibrary();
    const { host, events } = await openHost({ home: tempDir(), library, modelDir: undefined, readWithoutModel: true, watch: true, followMs: 200 });
    // The other laptop's app: it holds the writer lock as long as it runs.
    const other = await createLibraryApi({ home: tempDir(), library, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    const green = (await host.timeline({ limit: 10 })).photos.find((p) => p.path.endsWith('green.jpg'))!;
    try {
      expect(await jobFinished(events, await host.installModel(MODEL_ID))).toMatchObject({ state: 'done' });
      expect(await host.status()).toMatchObject({ model: { id: MODEL_ID }, photos: 4, modelProblem: null, writerElsewhere: expect.stringMatching(/^library busy: /) });
      expect(names((await host.search('green', { limit: 1 })).photos)).toEqual(['green.jpg']);
      await expect(host.setFavourites([green.id], true)).rejects.toThrow(/^library busy: /);
    } finally {
      // Events from here on: the page may be told the line went before close() has returned
      // (the lease is freed before close() ends, and this host's follower looks every 200 ms).
      events.length = 0;
      await other.close();
    }
    // Its watcher takes the library once the other is gone, and the page is told.
    await vi.waitFor(async () => expect((await host.status()).writerElsewhere).toBeNull(), { timeout: 20_000, interval: 250 });
    await vi.waitFor(() => expect(events).toContainEqual({ type: 'folders-changed' }), { timeout: 10_000 });
    expect(await host.setFavourites([green.id], true)).toMatchObject({ done: 1 });
  });

  it('does not index the folders this device cannot reach once the model is in', async () => {
    const { library, photos } = await sharedLibrary();
    // The first device's folder is elsewhere on this one (not located yet).
    fs.renameSync(photos, `${photos}-elsewhere`);
    const { host, events } = await openApp(library);
    expect(await jobFinished(events, await host.installModel(MODEL_ID))).toMatchObject({ state: 'done' });
    expect(await host.status()).toMatchObject({ model: { id: MODEL_ID }, photos: 4 });
    expect(events.filter((e) => e.type === 'job' && e.job.kind === 'index')).toEqual([]);
    expect((await host.listFolders()).map((f) => f.unreachable)).toEqual([true]);
  });

  it('locates another device\'s folder while only viewing: this device\'s note, no library write', async () => {
    const { library, photos } = await sharedLibrary();
    fs.renameSync(photos, `${photos}-here`);
    const { host } = await openApp(library);
    expect((await host.listFolders()).map((f) => f.unreachable)).toEqual([true]);
    expect(await host.mapFolder(photos, `${photos}-here`)).toMatchObject({ path: `${photos}-here`, libraryPath: photos, photos: 4 });
    expect((await host.timeline({ limit: 10 })).photos.every((p) => p.path.startsWith(`${photos}-here/`))).toBe(true);
    expect((await host.status()).model).toBeNull();
  });

  it('a first run (no library yet) still shows an empty library and no model', async () => {
    const { host } = await openApp(tempDir('shoebox-new-library-'));
    expect(await host.status()).toMatchObject({ model: null, photos: 0, folders: 0, modelProblem: expect.stringMatching(/^No model yet/) });
    expect(await host.listFolders()).toEqual([]);
  });
});
