// LibraryApi as the app and `shoebox serve` host it, on real LanceDB, ONNX Runtime (the
// tiny colour model) and files: jobs and their events, reads, searches, images, the writer
// lock, the first run without a model, and the watcher between jobs.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { ModelManager } from '../../src/core/models/model-manager';
import type { JobState } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

const open = (home: string, options: { model?: boolean; watch?: boolean } = {}) =>
  openHost({ home, watch: options.watch ?? false, ...(options.model === false ? { modelDir: undefined } : {}) });

async function colourFolder(): Promise<string> {
  const dir = tempDir('shoebox-api-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  await writeColourPhoto(dir, 'blue again.jpg', [40, 50, 190]);
  fs.writeFileSync(path.join(dir, 'broken.jpg'), 'not a photo');
  return dir;
}

const finished = jobFinished;

describe('LibraryApi over a real library', () => {
  it('adds a folder as a background job with progress, then lists, searches and describes it', async () => {
    const photos = await colourFolder();
    const { host, events } = await open(tempDir());
    const job = await host.addFolder(photos);
    expect(job).toMatchObject({ kind: 'index', folder: photos, state: 'queued' });
    expect((await host.listFolders()).map((f) => f.path)).toEqual([photos]);
    const done = await finished(events, job);
    expect(done).toMatchObject({ state: 'done', result: { added: 5, embedded: 5, failed: 1 } });
    expect(events.filter((e) => e.type === 'job' && e.job.id === job.id).map((e) => (e as { job: JobState }).job.state)).toEqual(expect.arrayContaining(['queued', 'running', 'done']));
    expect(events.some((e) => e.type === 'index-progress' && e.jobId === job.id && e.progress.total === 6)).toBe(true);
    expect(events).toContainEqual({ type: 'photos-changed', added: 5, removed: 0 });

    expect(await host.listFolders()).toEqual([{ path: photos, addedAt: expect.any(Number), photos: 5, failed: 1 }]);
    expect(await host.status()).toMatchObject({ model: { id: TINY_IMMICH }, photos: 5, folders: 1, failed: 1 });
    expect(await host.listFailures({ folder: photos })).toEqual({ total: 1, failures: [expect.objectContaining({ path: path.join(photos, 'broken.jpg'), reason: expect.stringMatching(/not an image/) })] });

    const page = await host.listPhotos({ limit: 2, offset: 1 });
    expect(page.total).toBe(5);
    expect(page.photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg', 'green.jpg']);
    expect(JSON.parse(JSON.stringify(page))).toEqual(page);

    const blue = await host.search('blue', { limit: 2 });
    expect(blue.photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg', 'blue again.jpg']);
    expect(blue.hasMore).toBe(true);
    expect((await host.search('   ')).photos).toEqual([]);

    const like = await host.similar(blue.photos[0]!.id, { limit: 2 });
    expect(like.photos.map((p) => path.basename(p.path))).toEqual(['blue.jpg', 'blue again.jpg']);

    const query = await writeColourPhoto(tempDir(), 'q.jpg', COLOURS.yellow!);
    const byImage = await host.searchByImage({ name: 'q.jpg', base64: fs.readFileSync(query).toString('base64') }, { limit: 1 });
    expect(path.basename(byImage.photos[0]!.path)).toBe('yellow.jpg');
    await expect(host.searchByImage({ name: 'notes.txt', base64: Buffer.from('hello').toString('base64') })).rejects.toThrow(/notes.txt: not an image/);

    const details = await host.getPhoto(blue.photos[0]!.id);
    expect(details).toMatchObject({ path: path.join(photos, 'blue.jpg'), width: 320, height: 240, modelId: TINY_IMMICH, cameraMake: null });
    expect(await host.getPhoto(photoId('/etc/passwd'))).toBeNull();
    expect(await host.getPhoto('not an id')).toBeNull();
  });

  it('preloading search (the app, serve): a text model that cannot load keeps the library usable, and a search says why', async () => {
    const model = tempDir('shoebox-model-');
    fs.cpSync(fixtureModelDir(TINY_IMMICH), model, { recursive: true });
    fs.writeFileSync(path.join(model, 'textual', 'model.onnx'), 'not an ONNX model');
    const photos = await colourFolder();
    const { host, events } = await openHost({ home: tempDir(), modelDir: model, preloadSearch: true });
    // The preload runs (and fails) in the background as the library opens: nothing breaks.
    expect(await finished(events, await host.addFolder(photos))).toMatchObject({ state: 'done', result: { embedded: 5 } });
    expect((await host.listPhotos()).photos).toHaveLength(5);
    // Search by example still works; a text search gives the model's own one-line reason.
    expect((await host.similar((await host.listPhotos()).photos[0]!.id)).photos.length).toBeGreaterThan(0);
    await expect(host.search('red')).rejects.toThrow(/textual\/model\.onnx: not a loadable ONNX model/);
  });

  it('reads library images only', async () => {
    const photos = await colourFolder();
    const { host, events } = await open(tempDir());
    await finished(events, await host.addFolder(photos));
    const blue = path.join(photos, 'blue.jpg');
    const thumb = await host.readImage(photoId(blue), 'thumb');
    expect(thumb?.contentType).toBe('image/jpeg');
    const full = await host.readImage(photoId(blue), 'image');
    expect(Buffer.from(full!.data).equals(fs.readFileSync(blue))).toBe(true);
    expect(await host.readImage(photoId('/etc/passwd'), 'image')).toBeNull();
    expect(await host.readImage(photoId(`${photos}/../${path.basename(photos)}/blue.jpg`), 'image')).toBeNull();
    expect(await host.readImage(photoId(path.join(photos, 'broken.jpg')), 'image')).toBeNull();
    // A library photo replaced by a link to a private file after indexing is not served.
    fs.rmSync(blue);
    fs.symlinkSync('/etc/passwd', blue);
    expect(await host.readImage(photoId(blue), 'image')).toBeNull();
    // Its thumbnail was made from the photo as indexed, and stays in the thumbs folder.
    expect((await host.readImage(photoId(blue), 'thumb'))?.contentType).toBe('image/jpeg');
  });

  it('removes a folder and its photos, leaving the files alone', async () => {
    const photos = await colourFolder();
    const { host, events } = await open(tempDir());
    await finished(events, await host.addFolder(photos));
    await host.removeFolder(photos);
    expect(await host.listFolders()).toEqual([]);
    expect((await host.listPhotos()).total).toBe(0);
    expect(events).toContainEqual({ type: 'photos-changed', added: 0, removed: 5 });
    expect(fs.existsSync(path.join(photos, 'red.jpg'))).toBe(true);
    await expect(host.removeFolder('/not/a/library/folder')).rejects.toThrow(/not a library folder/);
  });

  it('reports a bad folder to the caller, not in a job', async () => {
    const { host } = await open(tempDir());
    await expect(host.addFolder('/no/such/folder')).rejects.toThrow(/folder not found/);
    await expect(host.addFolder('relative/photos')).rejects.toThrow(/full path/);
    const file = await writeColourPhoto(tempDir(), 'a.jpg', COLOURS.red!);
    await expect(host.addFolder(file)).rejects.toThrow(/not a folder/);
    expect(await host.jobs()).toEqual([]);
  });

  it('is the one writer: a second host on the same data folder only views until the first closes', async () => {
    const home = tempDir();
    const photos = await colourFolder();
    const { host, events } = await open(home);
    await finished(events, await host.addFolder(photos));
    const second = await open(home);
    expect((await second.host.status()).writerElsewhere).toMatch(/^library busy: /);
    await expect(second.host.removeFolder(photos)).rejects.toThrow(/^library busy: /);
    expect((await host.listPhotos()).total).toBe(5);
    await host.close();
    await second.host.removeFolder(photos);
    expect((await second.host.status()).writerElsewhere).toBeNull();
  });

  it('first run: answers without a model, says what to do, and picks up a model installed meanwhile', async () => {
    const home = tempDir();
    const { host } = await open(home, { model: false });
    const status = await host.status();
    expect(status).toMatchObject({ model: null, photos: 0, folders: 0 });
    expect(status.modelProblem).toMatch(/shoebox models install/);
    expect(await host.listPhotos()).toEqual({ total: 0, offset: 0, photos: [] });
    expect(await host.listFolders()).toEqual([]);
    await expect(host.addFolder(tempDir())).rejects.toThrow(/no model/i);
    expect((await host.models()).inUse).toBeNull();

    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
    expect(await host.status()).toMatchObject({ model: { id: 'tiny' }, modelProblem: null });
    expect((await host.models()).models).toContainEqual(expect.objectContaining({ id: 'tiny', source: 'imported', active: true }));
  });

  it('follows the folders between jobs: a photo copied in later appears', async () => {
    const photos = await colourFolder();
    const { host, events } = await open(tempDir(), { watch: true });
    await finished(events, await host.addFolder(photos));
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    await writeColourPhoto(photos, 'late.jpg', [128, 0, 128]);
    await expect.poll(async () => (await host.listPhotos()).total, { timeout: 30_000 }).toBe(6);
  });
  it('foreground indexing (the CLI) is a job of the same host: queued with the app\'s jobs, with progress, and its whole summary', async () => {
    const photos = await colourFolder();
    const { host, events } = await open(tempDir());
    // A job the app queued first: the foreground run waits its turn (one writer, one queue).
    const appJob = await host.addFolder(photos);
    const summary = await host.indexNow([photos]);
    expect(summary).toMatchObject({ scanned: 6, added: 0, unchanged: 5, interrupted: false });
    // Recorded by the app's run before it, the file unchanged since: known.
    expect(summary.failed).toEqual([{ path: path.join(photos, 'broken.jpg'), reason: expect.stringMatching(/not an image/), known: true }]);
    const jobs = await host.jobs();
    const foreground = jobs.find((j) => j.id !== appJob.id && j.kind === 'index')!;
    expect(foreground).toMatchObject({ folder: photos, state: 'done' });
    expect(jobs.find((j) => j.id === appJob.id)).toMatchObject({ state: 'done' });
    expect(events.some((e) => e.type === 'index-progress' && e.jobId === appJob.id)).toBe(true);

    // A stop asked before the run starts leaves everything for the next run.
    const stop = new AbortController();
    stop.abort();
    expect(await host.indexNow([photos], { signal: stop.signal })).toMatchObject({ interrupted: true, added: 0 });

    // The fuller answers a terminal prints, from the same library.
    expect(await host.report()).toMatchObject({ photos: 5, pending: 0, model: TINY_IMMICH, provider: 'cpu', folders: [{ path: photos, photos: 5 }] });
    expect((await host.listPhotoRecords({ limit: 1 }))[0]).toMatchObject({ path: path.join(photos, 'blue again.jpg'), size: expect.any(Number), hash: expect.any(String) });
    expect(await host.countSearchable()).toBe(5);
    expect(await host.countSearchable({ camera: 'no such camera' })).toBe(0);
    expect(await host.removeFolderCounted(photos)).toBe(5);
  });

  it('without a model, the foreground calls fail with the model choice\'s own words', async () => {
    const { host } = await open(tempDir(), { model: false });
    await expect(host.ready()).rejects.toThrow(/^no model: install one/);
    await expect(host.indexNow([tempDir()])).rejects.toThrow(/^no model: install one/);
  });
});
