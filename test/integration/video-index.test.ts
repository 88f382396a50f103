// Videos end to end in-process: real files made with Debian's ffmpeg, indexed by the engine
// with real LanceDB and ONNX Runtime on the tiny colour model (the text "blue" is near blue
// pixels), searched as a user does. A video that is red then blue must be found by "blue" at
// its blue moment, as ONE result.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import type { LibraryEvent } from '../../src/shared/api';
import { search, similar } from '../../src/core/search/search-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, truncateCopy, writeColourVideo } from '../helpers/videos';

let photos: string;
let home: string;
let lib: LibraryService;
const events: LibraryEvent[] = [];

beforeAll(async () => {
  photos = tempDir('shoebox-video-');
  await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
  await writeColourPhoto(photos, 'green.jpg', [20, 200, 30]);
  writeColourVideo(path.join(photos, 'red-then-blue.mp4'), [{ colour: 'red', seconds: 4 }, { colour: 'blue', seconds: 4 }]);
  // By content, not by name: a WebM called .dat, a QuickTime movie without an extension.
  writeColourVideo(path.join(photos, 'yellow.dat'), [{ colour: 'yellow', seconds: 3 }], { codec: ['-c:v', 'libvpx', '-b:v', '200k', '-f', 'webm'] });
  writeColourVideo(path.join(photos, 'magenta'), [{ colour: 'magenta', seconds: 3 }], { codec: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'mov'] });
  // Noise-free frames compress to nothing; a real clip's worth of bytes makes truncation bite.
  const full = writeColourVideo(path.join(tempDir(), 'full.mp4'), [{ colour: 'green', seconds: 2 }], { size: '640x480', filter: 'noise=alls=60:allf=t' });
  truncateCopy(full, path.join(photos, 'cut-short.mp4'));
  home = tempDir();
  lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', ffmpeg: systemFfmpeg(), emit: (e) => events.push(e) });
}, 60_000);

afterAll(async () => {
  await lib?.close();
});

describe('indexing videos', () => {
  let summary: Awaited<ReturnType<LibraryService['index']>>;
  beforeAll(async () => {
    summary = await lib.index([photos]);
  }, 120_000);

  it('adds each video as one library item with its duration, recognised by content', async () => {
    expect(summary.added).toBe(5); // 2 photos + 3 videos
    const rows = await (await lib.readable()).listPhotos();
    const byName = new Map(rows.map((r) => [path.basename(r.path), r]));
    expect(byName.get('red-then-blue.mp4')?.durationMs).toBeCloseTo(8000, -2);
    expect(byName.get('yellow.dat')?.durationMs).toBeCloseTo(3000, -2);
    expect(byName.get('magenta')?.durationMs).toBeCloseTo(3000, -2);
    expect(byName.get('red.jpg')?.durationMs).toBeUndefined();
    // The video's own size, not the reduced frame the model saw.
    expect([byName.get('red-then-blue.mp4')?.width, byName.get('red-then-blue.mp4')?.height]).toEqual([320, 240]);
    expect([byName.get('yellow.dat')?.width, byName.get('yellow.dat')?.height]).toEqual([320, 240]);
  });

  it('fails a truncated video with its reason and keeps going', () => {
    const failure = summary.failed.find((f) => path.basename(f.path) === 'cut-short.mp4');
    expect(failure?.reason).toMatch(/truncated|damaged/);
  });

  it('stores frames sampled every few seconds and at the scene change', async () => {
    const store = await lib.readable();
    const frames = await store.countVideoFrames();
    // red-then-blue: 0, 2, the cut at 4, 6 (+ yellow and magenta's 2 each): every video has several
    expect(frames).toBeGreaterThanOrEqual(8);
  });

  it('a second run re-embeds nothing (a finished video is unchanged)', async () => {
    const again = await lib.index([photos]);
    expect(again.embedded).toBe(0);
    expect(again.unchanged).toBe(5);
  });
});

describe('searching videos', () => {
  it('"blue" finds the red-then-blue video once, at its blue moment', async () => {
    const result = await search(lib, 'blue');
    const videoHits = result.hits.filter((h) => path.basename(h.path) === 'red-then-blue.mp4');
    expect(videoHits).toHaveLength(1);
    expect(result.hits[0]!.path).toBe(videoHits[0]!.path);
    expect(videoHits[0]!.time).toBeGreaterThanOrEqual(4);
  });

  it('"red" finds the same video at its red moment, beside the red photo', async () => {
    const result = await search(lib, 'red');
    const names = result.hits.map((h) => path.basename(h.path));
    expect(names).toContain('red.jpg');
    const video = result.hits.find((h) => path.basename(h.path) === 'red-then-blue.mp4');
    expect(video?.time).toBeLessThan(4);
  });

  it('photos carry no time', async () => {
    const result = await search(lib, 'red');
    expect(result.hits.find((h) => path.basename(h.path) === 'red.jpg')?.time).toBeUndefined();
  });

  it('similar finds a video from a photo of its scene', async () => {
    const outside = tempDir();
    const photo = await writeColourPhoto(outside, 'a-blue-scene.jpg', [20, 20, 230]);
    const result = await similar(lib, photo, { all: true, limit: 3 });
    expect(path.basename(result.hits[0]!.path)).toBe('red-then-blue.mp4');
    expect(result.hits[0]!.time).toBeGreaterThanOrEqual(4);
  });

  it('the folder filter still applies to videos', async () => {
    const result = await search(lib, 'blue', { filters: { folder: path.join(photos, 'elsewhere') } });
    expect(result.hits).toHaveLength(0);
  });
});

describe('without ffmpeg', () => {
  it('skips the videos with ONE line, indexes the photos, and reads them once ffmpeg is back', async () => {
    const dir = tempDir('shoebox-noffmpeg-');
    await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
    writeColourVideo(path.join(dir, 'a.mp4'), [{ colour: 'blue', seconds: 2 }]);
    writeColourVideo(path.join(dir, 'b.mkv'), [{ colour: 'red', seconds: 2 }], { codec: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-f', 'matroska'] });
    const seen: LibraryEvent[] = [];
    const h = tempDir();
    const without = openLibrary({ home: h, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', ffmpeg: null, emit: (e) => seen.push(e) });
    try {
      const summary = await without.index([dir]);
      expect(summary.added).toBe(1);
      expect(summary.failed).toEqual([]);
      const lines = seen.flatMap((e) => (e.type === 'log' && /ffmpeg/.test(e.message) ? [e.message] : []));
      expect(lines).toEqual(['ffmpeg not found: 2 videos skipped (install ffmpeg, or set SHOEBOX_FFMPEG to its path)']);
    } finally {
      await without.close();
    }
    const withIt = openLibrary({ home: h, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', ffmpeg: systemFfmpeg() });
    try {
      expect((await withIt.index([dir])).added).toBe(2);
    } finally {
      await withIt.close();
    }
  }, 120_000);
});

describe('watching a folder', () => {
  it('a video copied in is indexed with its frames and found at its moment', async () => {
    const dir = tempDir('shoebox-video-watch-');
    await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
    const watched = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', ffmpeg: systemFfmpeg() });
    await watched.index([dir]);
    const stop = new AbortController();
    const summaries: unknown[] = [];
    const watching = watched.watch(stop.signal, (s) => summaries.push(s));
    try {
      await expect.poll(() => summaries.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(1);
      // Made elsewhere and moved in whole, as a phone sync or a file manager's copy ends.
      const made = writeColourVideo(path.join(tempDir(), 'new.mp4'), [{ colour: 'green', seconds: 3 }, { colour: 'red', seconds: 3 }]);
      fs.renameSync(made, path.join(dir, 'new.mp4'));
      await expect.poll(async () => (await watched.listPhotos()).find((p) => p.path.endsWith('new.mp4'))?.durationMs, { timeout: 60_000 }).toBeGreaterThan(5000);
      const hit = (await search(watched, 'red')).hits.find((h) => h.path.endsWith('new.mp4'));
      expect(hit?.time).toBeGreaterThanOrEqual(3);
    } finally {
      stop.abort();
      await watching;
      await watched.close();
    }
  }, 120_000);
});

describe('exact duplicate videos', () => {
  it('a copy of a video shares its content hash and frames', async () => {
    const copy = path.join(photos, 'copy-of-red-then-blue.mp4');
    fs.copyFileSync(path.join(photos, 'red-then-blue.mp4'), copy);
    const summary = await lib.index([photos]);
    expect(summary.added).toBe(1);
    expect(summary.embedded).toBe(0); // the twin's row and frames are reused
    const store = await lib.readable();
    const rows = await store.listPhotos();
    const hashes = rows.filter((r) => r.path.endsWith('red-then-blue.mp4')).map((r) => r.hash);
    expect(new Set(hashes).size).toBe(1);
    const result = await search(lib, 'blue');
    expect(result.hits.filter((h) => h.path.endsWith('red-then-blue.mp4'))).toHaveLength(2);
    expect(result.hits.every((h) => !h.path.endsWith('red-then-blue.mp4') || h.time! >= 4)).toBe(true);
  }, 60_000);

  it('removing a video drops its frames once no copy holds them', async () => {
    const before = await (await lib.readable()).countVideoFrames();
    fs.rmSync(path.join(photos, 'copy-of-red-then-blue.mp4'));
    expect((await lib.index([photos])).removed).toBe(1);
    expect(await (await lib.readable()).countVideoFrames()).toBe(before); // the original still holds them
    fs.rmSync(path.join(photos, 'red-then-blue.mp4'));
    expect((await lib.index([photos])).removed).toBe(1);
    const after = await (await lib.readable()).countVideoFrames();
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(0); // the other videos' frames stay
  }, 60_000);
});
