// Installing and switching models through LibraryApi, as the settings screen and the first-run
// screen do: a fake hub on 127.0.0.1 serves the tiny fixture models under the catalog's real
// repository names, so the catalog ids install as they would from huggingface.co.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { jobFinished, jobStates, useApiHosts } from '../helpers/api-host';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { findCatalogEntry } from '../../src/core/models/catalog';
import { COLOURS, tempDir, writeColourPhoto, writeRedLeftBlueRight } from '../helpers/images';
import type { JobState } from '../../src/shared/api';

const DEFAULT_ID = 'vit-b-32-openai';
const OTHER_ID = 'clip-vit-base-patch32';

function fixtureRepo(name: string): Record<string, Buffer> {
  const files = readTree(fixtureModelDir(name));
  delete files['.stamp'];
  return files;
}

let hub: FakeHub;
const openHost = useApiHosts();

beforeEach(async () => {
  hub = await FakeHub.start();
  hub.addRepo('immich-app/ViT-B-32__openai', fixtureRepo(TINY_IMMICH));
  hub.addRepo('Xenova/clip-vit-base-patch32', fixtureRepo(TINY_TRANSFORMERS));
  vi.stubEnv('SHOEBOX_HF_ENDPOINT', hub.url);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  await hub.close();
});

// No model given: the library uses whichever model is active, like the app and `shoebox serve`.
const open = (home: string) => openHost({ home, modelDir: undefined });
const jobEvents = jobStates;
const finished = jobFinished;

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-api-models-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  return dir;
}

const names = (photos: { path: string }[]) => photos.map((p) => path.basename(p.path));

describe('installModel', () => {
  it('downloads a catalog model in a job with byte progress; on a first run it becomes active and the library opens', async () => {
    const home = tempDir();
    const { host, events } = await open(home);
    expect((await host.status()).model).toBeNull();

    const job = await host.installModel(DEFAULT_ID);
    expect(job).toMatchObject({ kind: 'install-model', folder: DEFAULT_ID });
    const done = await finished(events, job);
    expect(done).toMatchObject({ state: 'done', error: null, result: { summary: expect.stringContaining(DEFAULT_ID) } });

    const progress = jobEvents(events, job.id).flatMap((j) => (j.progress ? [j.progress] : []));
    const total = Object.values(fixtureRepo(TINY_IMMICH)).reduce((sum, b) => sum + b.length, 0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toMatchObject({ done: total, total });
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    // The UI is told to look again, so it leaves the first-run screen without a restart.
    expect(events).toContainEqual({ type: 'folders-changed' });

    const models = await host.models();
    expect(models.models).toContainEqual(expect.objectContaining({ id: DEFAULT_ID, source: 'catalog', installed: true, active: true }));
    expect(await host.status()).toMatchObject({ model: { id: DEFAULT_ID, dir: path.join(home, 'models', DEFAULT_ID) }, modelProblem: null });
    // Usable at once: a folder can be added and searched.
    const photos = await colourFolder();
    expect(await finished(events, await host.addFolder(photos))).toMatchObject({ state: 'done', result: { embedded: 4 } });
    expect(names((await host.search('blue', { limit: 1 })).photos)).toEqual(['blue.jpg']);
  });

  it('lists catalog models not installed with their description and rough download size', async () => {
    const { host } = await open(tempDir());
    const other = (await host.models()).models.find((m) => m.id === OTHER_ID);
    expect(other).toMatchObject({ installed: false, active: false, description: expect.any(String), bytes: findCatalogEntry(OTHER_ID)!.approxBytes });
  });

  it('a failed download fails the job with a one-line reason and installs nothing', async () => {
    const home = tempDir();
    const { host, events } = await open(home);
    hub.faults.status = { file: 'textual/model.onnx', code: 404, times: 10 };
    const done = await finished(events, await host.installModel(DEFAULT_ID));
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/textual\/model\.onnx/);
    expect(done.error).not.toContain('\n');
    expect(fs.existsSync(path.join(home, 'models', DEFAULT_ID))).toBe(false);
    expect((await host.status()).model).toBeNull();
  });

  it('refuses an id that is not in the catalog, in one line, without a job', async () => {
    const { host } = await open(tempDir());
    await expect(host.installModel('no-such-model')).rejects.toThrow(/^"no-such-model" is not in the catalog[^\n]*$/);
    expect(await host.jobs()).toEqual([]);
  });

  it('a second install of the same model while it is queued is the same job', async () => {
    const { host, events } = await open(tempDir());
    const first = await host.installModel(DEFAULT_ID);
    const second = await host.installModel(DEFAULT_ID);
    expect(second.id).toBe(first.id);
    expect((await finished(events, first)).state).toBe('done');
  });
});

describe('useModel', () => {
  it('refuses a model that is not installed, in one line', async () => {
    const { host } = await open(tempDir());
    await expect(host.useModel(OTHER_ID)).rejects.toThrow(/^model "clip-vit-base-patch32" is not installed; install it first$/);
    await expect(host.useModel('never-heard-of')).rejects.toThrow(/^no model "never-heard-of"[^\n]*$/);
  });

  it('switches between two installed models: photos are embedded again under the new one and search keeps working', async () => {
    const home = tempDir();
    const { host, events } = await open(home);
    await finished(events, await host.installModel(DEFAULT_ID));
    const other = await finished(events, await host.installModel(OTHER_ID));
    expect(other.state).toBe('done');
    // Installed, but the first model stays active.
    expect((await host.models()).models).toContainEqual(expect.objectContaining({ id: OTHER_ID, installed: true, active: false }));

    const photos = await colourFolder();
    await finished(events, await host.addFolder(photos));
    const blue = (await host.search('blue', { limit: 1 })).photos[0]!;
    expect((await host.getPhoto(blue.id))?.modelId).toBe(DEFAULT_ID);

    const switched = await host.useModel(OTHER_ID);
    expect(switched.model).toEqual({ id: OTHER_ID, dir: path.join(home, 'models', OTHER_ID) });
    const reindex = switched.jobs.find((j) => j.kind === 'index' && j.folder === photos && (j.state === 'queued' || j.state === 'running'));
    expect(reindex).toBeDefined();
    expect(await finished(events, reindex!)).toMatchObject({ state: 'done', result: { embedded: 4 } });
    expect(JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'))).toMatchObject({ activeModel: OTHER_ID });
    expect((await host.models()).models).toContainEqual(expect.objectContaining({ id: OTHER_ID, active: true }));
    const hits = (await host.search('blue', { limit: 1 })).photos;
    expect(names(hits)).toEqual(['blue.jpg']);
    expect((await host.getPhoto(hits[0]!.id))?.modelId).toBe(OTHER_ID);

    // Back again: the first model's vectors were kept, so nothing is embedded twice.
    const back = await host.useModel(DEFAULT_ID);
    const again = back.jobs.find((j) => j.kind === 'index' && (j.state === 'queued' || j.state === 'running'))!;
    expect(await finished(events, again)).toMatchObject({ state: 'done', result: { embedded: 0 } });
    expect(names((await host.search('blue', { limit: 1 })).photos)).toEqual(['blue.jpg']);
  });

  it('a photo turned while one model was active is embedded turned by the others at their next index run, once', async () => {
    const home = tempDir();
    const { host, events } = await open(home);
    await finished(events, await host.installModel(DEFAULT_ID));
    await finished(events, await host.installModel(OTHER_ID));
    const photos = await colourFolder();
    await writeRedLeftBlueRight(path.join(photos, 'flag.jpg'));
    await finished(events, await host.addFolder(photos));
    const reindexed = async (status: { jobs: JobState[] }) => (await finished(events, status.jobs.find((j) => j.kind === 'index' && (j.state === 'queued' || j.state === 'running'))!)).result?.embedded;
    const flag = (await host.timeline({ limit: 10 })).photos.find((p) => p.path.endsWith('flag.jpg'))!;

    // Turned before the second model ever saw it: its first index embeds it turned, once (5, not 6).
    expect(await host.rotatePhotos([flag.id], 1)).toMatchObject({ done: 1 });
    expect(await reindexed(await host.useModel(OTHER_ID))).toBe(5);
    // The first model embedded it turned at the turn: nothing to do there.
    expect(await reindexed(await host.useModel(DEFAULT_ID))).toBe(0);
    // Turned back while the first is active: the second's vector of the flag still shows it
    // turned, so the flag alone is embedded again there, and only once.
    expect(await host.rotatePhotos([flag.id], -1)).toMatchObject({ done: 1 });
    expect(await reindexed(await host.useModel(OTHER_ID))).toBe(1);
    expect((await host.indexNow([photos])).embedded).toBe(0);
    expect(await reindexed(await host.useModel(DEFAULT_ID))).toBe(0);
  });

  it('started with a model folder (--model-dir), switches to an installed model and back to that folder', async () => {
    const home = tempDir();
    const { host, events } = await openHost({ home, modelDir: fixtureModelDir(TINY_IMMICH) });
    const started = (await host.models()).models.find((m) => m.active)!;
    expect(started).toMatchObject({ source: 'folder', installed: true, dir: fixtureModelDir(TINY_IMMICH) });
    await finished(events, await host.installModel(OTHER_ID));
    const photos = await colourFolder();
    await finished(events, await host.addFolder(photos));

    await host.useModel(OTHER_ID);
    // Still offered, not in use: the way back.
    expect((await host.models()).models).toContainEqual(expect.objectContaining({ id: started.id, source: 'folder', installed: true, active: false }));
    const back = await host.useModel(started.id);
    expect(back.model).toEqual({ id: started.id, dir: fixtureModelDir(TINY_IMMICH) });
    const again = back.jobs.find((j) => j.kind === 'index' && (j.state === 'queued' || j.state === 'running'));
    if (again) expect(await finished(events, again)).toMatchObject({ state: 'done', result: { embedded: 0 } });
    expect((await host.models()).models.filter((m) => m.active).map((m) => m.id)).toEqual([started.id]);
    expect(names((await host.search('blue', { limit: 1 })).photos)).toEqual(['blue.jpg']);
  });

  it('using the model already in use changes nothing and stops no job', async () => {
    const { host, events } = await open(tempDir());
    await finished(events, await host.installModel(DEFAULT_ID));
    const before = (await host.jobs()).length;
    expect((await host.useModel(DEFAULT_ID)).model?.id).toBe(DEFAULT_ID);
    expect((await host.jobs()).length).toBe(before);
  });
});
