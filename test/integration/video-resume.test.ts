// A run killed after a video's frames were committed and before its row was (the frames are
// written first: video-indexing.ts) leaves frames that no row names. The next run keeps them
// for that content instead of reading and embedding the whole video again: it reads only the
// poster (for the row's vector and thumbnail), which is the one the full read picked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

let home: string;
let lib: LibraryService;

beforeAll(() => {
  home = tempDir();
  lib = openLibrary({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', ffmpeg: systemFfmpeg() });
});

afterAll(async () => {
  await lib?.close();
});

function thumbnails(): string[] {
  const thumbs = path.join(home, 'thumbs');
  return fs.existsSync(thumbs) ? fs.readdirSync(thumbs, { recursive: true }).map(String).filter((f) => f.endsWith('.jpg')) : [];
}

describe('a video whose frames were stored before a crash, its row not', () => {
  it('is not read and embedded again: its stored frames are kept, its row made from the same poster', async () => {
    const dir = tempDir('shoebox-video-resume-');
    const file = writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'red', seconds: 0.6 }, { colour: 'blue', seconds: 2.4 }], { size: '96x64' });
    expect((await lib.index([dir])).added).toBe(1);
    const store = await lib.writable();
    const [row] = await store.photosByPath([file]).then((m) => [...m.values()]);
    const [indexed] = await store.photosByHash(row!.hash);
    expect(indexed?.durationMs).toBeCloseTo(3000, -2);

    // The crash: the row and the thumbnail were never written; the frames were (stand-ins,
    // told apart from what a new read would store by their times).
    await store.removePhotos([file]);
    for (const t of thumbnails()) fs.rmSync(path.join(home, 'thumbs', t));
    const dim = indexed!.vector.length;
    const unit = (i: number) => Float32Array.from({ length: dim }, (_, j) => (j === i ? 1 : 0));
    await store.putVideoFrames(row!.hash, [{ timeMs: 123, vector: unit(0) }, { timeMs: 4567, vector: unit(1) }]);

    const resumed = await lib.index([dir]);
    expect(resumed.added).toBe(1);
    expect(resumed.failed).toEqual([]);
    const after = await lib.readable();
    const frames = (await after.videoFramesOf([row!.hash])).get(row!.hash) ?? [];
    expect(frames.map((f) => f.timeMs).sort((a, b) => a - b)).toEqual([123, 4567]); // kept, not read again
    const [again] = await after.photosByHash(row!.hash);
    expect(again?.durationMs).toBe(indexed!.durationMs);
    expect([again?.width, again?.height]).toEqual([96, 64]);
    // The same poster: the same vector as the full read gave the row (the blue frame at 1 s).
    const dot = indexed!.vector.reduce((s, v, i) => s + v * again!.vector[i]!, 0);
    expect(dot).toBeGreaterThan(0.999);
    expect(thumbnails()).toHaveLength(1);
  }, 120_000);
});
