// The engine as the desktop app runs it: the built out/main/engine.js in its own process,
// spoken to over a port, with the inference worker it finds next to itself in the bundle.
// Electron cannot be launched here, so a shim plays utilityProcess (test/helpers).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobState, LibraryEvent, PhotoPage, PlacesSummary, SearchPage } from '../../src/shared/api';
import { ModelManager } from '../../src/core/models/model-manager';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { buildApp } from '../helpers/build-app';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

let outDir: string;
let engine: ChildProcess;
const events: LibraryEvent[] = [];
const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
let hello: Promise<{ type: string }>;
let nextId = 1;

function call<T>(method: string, ...params: unknown[]): Promise<T> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    waiting.set(id, (m) => (m.error ? reject(new Error(m.error.message)) : resolve(m.result as T)));
    engine.send({ id, method, params });
  });
}

beforeAll(async () => {
  outDir = await buildApp();
  const home = tempDir('shoebox-engine-home-');
  await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
  engine = fork(path.join(REPO_ROOT, 'test/helpers/utility-process-shim.mjs'), [path.join(outDir, 'main', 'engine.js'), JSON.stringify({ home, provider: 'cpu' })], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
  hello = new Promise((resolve) => {
    engine.on('message', (message: { id?: number; type?: string; event?: LibraryEvent; result?: unknown; error?: { message: string } }) => {
      if (message.type) resolve({ type: message.type });
      else if (message.event) events.push(message.event);
      else if (typeof message.id === 'number') waiting.get(message.id)?.({ result: message.result, ...(message.error ? { error: message.error } : {}) });
    });
  });
});

afterAll(async () => {
  if (engine && engine.exitCode === null) {
    const exited = new Promise((resolve) => engine.once('exit', resolve));
    engine.send({ id: 0, method: 'host:shutdown', params: [] });
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    engine.kill();
  }
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

describe('the bundled engine process', () => {
  it('writes the engine and every worker it starts side by side in out/main', () => {
    expect(fs.existsSync(path.join(outDir, 'main', 'engine.js'))).toBe(true);
    // Every siblingModule(import.meta.url, '<name>') in the engine's sources is a bundle of its own.
    const workers = new Set<string>();
    for (const file of fs.readdirSync(path.join(REPO_ROOT, 'src/core'), { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.ts')) continue;
      const text = fs.readFileSync(path.join(REPO_ROOT, 'src/core', file), 'utf8');
      for (const m of text.matchAll(/siblingModule\(import\.meta\.url, '([\w-]+)'\)/g)) workers.add(m[1]!);
    }
    expect([...workers].sort()).toEqual(['hash-worker', 'heic-worker', 'inference-worker', 'matmul-worker', 'ocr-worker', 'signature-worker']);
    for (const name of workers) expect(fs.existsSync(path.join(outDir, 'main', `${name}.js`)), `${name}.js`).toBe(true);
    expect(fs.readdirSync(path.join(outDir, 'main')).every((name) => !fs.statSync(path.join(outDir, 'main', name)).isDirectory())).toBe(true);
  });

  it('says ready, indexes a folder through its bundled inference worker, and searches it', async () => {
    expect(await hello).toEqual({ type: 'ready' });
    const photos = tempDir('shoebox-engine-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    const job = await call<JobState>('addFolder', photos);
    await expect.poll(() => events.some((e) => e.type === 'job' && e.job.id === job.id && e.job.state === 'done'), { timeout: 60_000 }).toBe(true);
    const page = await call<PhotoPage>('listPhotos', {});
    expect(page.total).toBe(4);
    const hits = await call<SearchPage>('search', 'blue', { limit: 2 });
    expect(path.basename(hits.photos[0]!.path)).toBe('blue.jpg');
  });

  it('serves library images to main and nothing else', async () => {
    const page = await call<PhotoPage>('listPhotos', {});
    const thumb = await call<{ contentType: string; data: Uint8Array }>('host:readImage', page.photos[0]!.id, 'thumb');
    expect(thumb.contentType).toBe('image/jpeg');
    expect(thumb.data.byteLength).toBeGreaterThan(100);
    const outside = Buffer.from('/etc/passwd').toString('base64url');
    expect(await call('host:readImage', outside, 'image')).toBeNull();
  });

  it("copies its library for Settings → Library's \"copy this library there\", as a job the page sees", async () => {
    const target = path.join(tempDir('shoebox-engine-copy-'), 'nas-library');
    const report = await call<{ to: string; tables: { name: string; rows: number }[]; files: number }>('host:copyLibrary', target, null);
    expect(report.to).toBe(target);
    expect(report.tables.find((t) => t.name.startsWith('photos__'))?.rows).toBe(4);
    const copyJob = events.filter((e) => e.type === 'job' && e.job.kind === 'copy-library').at(-1);
    expect(copyJob).toMatchObject({ job: { state: 'done', folder: target, progress: { done: report.files, total: report.files } } });
    expect(fs.readdirSync(path.join(target, 'thumbs')).length).toBeGreaterThan(0);
    await expect(call('host:copyLibrary', target, null)).rejects.toThrow(/is not empty/);
  });

  it('names where photos were taken from the GeoNames table the bundle finds in node_modules', async () => {
    const photos = tempDir('shoebox-engine-places-');
    await writeExifColourPhoto(photos, 'arezzo.jpg', [200, 40, 40], { gps: { lat: 43.4682, lon: 11.8802 } });
    const job = await call<JobState>('addFolder', photos);
    await expect.poll(() => events.some((e) => e.type === 'job' && e.job.id === job.id && e.job.state === 'done'), { timeout: 60_000 }).toBe(true);
    const places = await call<PlacesSummary>('places');
    expect(places.countries.map((c) => [c.country, c.towns.map((t) => t.place)])).toEqual([['Italy', ['Arezzo, Italy']]]);
  });

  it('checks arguments as any transport does', async () => {
    await expect(call('listPhotos', { limit: -1 })).rejects.toThrow(/limit/);
    await expect(call('nope')).rejects.toThrow(/unknown method/);
  });
});
