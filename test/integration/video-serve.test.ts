// A library video through LibraryApi and `shoebox serve`: listed as a video with its duration,
// found by search with its moment, played with ranged requests (206 + the right bytes), and
// an exact copy reported as an exact duplicate. Real files (Debian's ffmpeg), real engine.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo } from '../../src/shared/api';
import { startServer, type RunningServer } from '../../src/server/server';
import { imagePath } from '../../src/shared/serve-access';
import { FFMPEG_ENV } from '../../src/core/media';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { jobFinished } from '../helpers/api-host';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

let dir: string;
let host: LibraryHost;
let server: RunningServer;
let video: Photo;
const events: LibraryEvent[] = [];
const previousFfmpeg = process.env[FFMPEG_ENV];

beforeAll(async () => {
  process.env[FFMPEG_ENV] = systemFfmpeg().path; // Debian's, as CI has it
  dir = tempDir('shoebox-video-serve-');
  await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
  // Big enough that a player needs several pieces of it.
  writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'red', seconds: 3 }, { colour: 'blue', seconds: 3 }], { size: '640x480', filter: 'noise=alls=40:allf=t' });
  fs.copyFileSync(path.join(dir, 'clip.mp4'), path.join(dir, 'clip copy.mp4'));
  const ui = tempDir('shoebox-ui-');
  fs.writeFileSync(path.join(ui, 'index.html'), '<!doctype html><title>Shoebox</title>');
  host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  host.subscribe((e) => events.push(e));
  expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 3, failed: 0 } });
  video = (await host.listPhotos()).photos.find((p) => p.path.endsWith(`${path.sep}clip.mp4`))!;
  server = await startServer({ api: host, rendererDir: ui });
}, 180_000);

afterAll(async () => {
  server?.close();
  await host?.close();
  if (previousFfmpeg === undefined) delete process.env[FFMPEG_ENV];
  else process.env[FFMPEG_ENV] = previousFfmpeg;
});

const url = (id: string) => `http://127.0.0.1:${server.port}${imagePath(server.token, 'video', id)}`;

describe('a video in the library API', () => {
  it('is listed as a video with its duration; a photo is not', async () => {
    expect(video).toMatchObject({ kind: 'video' });
    expect(video.duration).toBeCloseTo(6, 0);
    const photo = (await host.listPhotos()).photos.find((p) => p.path.endsWith('green.jpg'))!;
    expect(photo.kind).toBeUndefined();
  });

  // The app says "1 photo, 2 videos" as status does, never "3 photos": the core gives the
  // videos' count with each count the app shows (a view's, a folder's, the place-less photos').
  it('counts its videos apart for the timeline, the folder and the photos without a place', async () => {
    expect(await host.timelineSummary()).toMatchObject({ total: 3, videos: 2 });
    expect(await host.timelineSummary({ folder: dir })).toMatchObject({ total: 3, videos: 2 });
    expect((await host.timelineSummary({ favourite: true })).videos).toBeUndefined(); // none there
    expect(await host.listFolders()).toMatchObject([{ photos: 3, videos: 2 }]);
    expect(await host.places()).toMatchObject({ withoutPlace: 3, withoutPlaceVideos: 2 });
  });

  it('search returns it with the time of its best frame', async () => {
    const page = await host.search('blue');
    const hit = page.photos.find((p) => p.id === video.id);
    expect(hit?.time).toBeGreaterThanOrEqual(3);
  });

  it('the Videos view lists the videos alone, archived ones too (a view narrowed on purpose)', async () => {
    const names = async () => (await host.timeline({ videos: true })).photos.map((p) => path.basename(p.path)).sort();
    expect(await names()).toEqual(['clip copy.mp4', 'clip.mp4']);
    expect((await host.timelineSummary({ videos: true })).total).toBe(2);
    await host.setArchived([video.id], true); // the content: both copies
    try {
      expect(await names()).toEqual(['clip copy.mp4', 'clip.mp4']);
      expect((await host.timeline()).photos.map((p) => path.basename(p.path))).toEqual(['green.jpg']);
    } finally {
      await host.setArchived([video.id], false);
    }
  });

  it('an exact copy is an exact duplicate', async () => {
    await jobFinished(events, await host.findDuplicates(['exact']));
    const report = (await host.duplicates())!;
    const groups = report.groups.filter((g) => g.kind === 'exact').map((g) => g.members.map((m) => path.basename(m.path)).sort());
    expect(groups).toContainEqual(['clip copy.mp4', 'clip.mp4']);
  }, 60_000);
});

describe('playing a video through serve', () => {
  it('answers a Range request with 206 and exactly those bytes', async () => {
    const bytes = fs.readFileSync(video.path);
    expect(bytes.length).toBeGreaterThan(2000);
    const res = await fetch(url(video.id), { headers: { Range: 'bytes=1000-1999' } });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 1000-1999/${bytes.length}`);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(1000, 2000))).toBe(true);
  });

  it('an open-ended range runs to the end of a small file; a range past the end is 416', async () => {
    const size = fs.statSync(video.path).size;
    const tail = await fetch(url(video.id), { headers: { Range: `bytes=${size - 10}-` } });
    expect(tail.status).toBe(206);
    expect((await tail.arrayBuffer()).byteLength).toBe(10);
    const past = await fetch(url(video.id), { headers: { Range: `bytes=${size + 5}-` } });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);
  });

  it('without a Range (a download, curl) the whole file comes as a 200, even past one 4 MiB piece', async () => {
    // The copy made larger than a piece (bytes appended: serving reads bytes, not frames), then
    // indexed again: an original is served only as it was indexed (indexed-file-check.ts).
    const copy = (await host.listPhotos()).photos.find((p) => p.path.endsWith('clip copy.mp4'))!;
    fs.appendFileSync(copy.path, Buffer.alloc(5 * 1024 * 1024, 7));
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done', result: { failed: 0 } });
    const bytes = fs.readFileSync(copy.path);
    const res = await fetch(url(copy.id));
    expect(res.status).toBe(200);
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    expect(res.headers.get('content-range')).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('serves only library videos, and only with the capability', async () => {
    const photo = (await host.listPhotos()).photos.find((p) => p.path.endsWith('green.jpg'))!;
    expect((await fetch(url(photo.id))).status).toBe(404);
    const bare = await fetch(`http://127.0.0.1:${server.port}/video/${video.id}`, { headers: { Range: 'bytes=0-9' } });
    expect(bare.status).toBe(401);
  });
});
