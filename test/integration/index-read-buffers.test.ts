// Indexing reads photos into reused buffers and decodes two at a time: every photo's row must
// still hold its own content's hash and its own pixels' embedding, never a neighbour's (a
// buffer handed back too early would give a photo the pixels of the next one read into it).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { dot } from '../../src/core/clip/vectors';
import { tempDir } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

/** Photos of distinct colours and very different file sizes (grain makes some large). */
async function mixedPhotos(dir: string): Promise<string[]> {
  const colours: [number, number, number][] = [
    [220, 20, 20], [20, 200, 30], [25, 30, 210], [230, 220, 20], [200, 30, 200], [20, 200, 200], [250, 90, 90], [90, 250, 90],
    [240, 140, 20], [120, 60, 20], [140, 240, 140], [20, 90, 60], [120, 130, 240], [80, 20, 120], [240, 160, 200], [90, 90, 250],
  ];
  const files: string[] = [];
  for (const [i, rgb] of colours.entries()) {
    const [width, height] = i % 2 ? [320, 240] : [1600 + 16 * i, 1200];
    const grain = i % 2 ? 0 : 40;
    const pixels = Buffer.alloc(width * height * 3);
    for (let p = 0; p < width * height; p++) {
      const noise = grain ? ((p * 2654435761) >>> 24) % grain - grain / 2 : 0;
      for (let c = 0; c < 3; c++) pixels[p * 3 + c] = Math.max(0, Math.min(255, rgb[c]! + noise));
    }
    const file = path.join(dir, `IMG_${i}.jpg`);
    await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 95 }).toFile(file);
    files.push(file);
  }
  return files;
}

describe('indexing with reused read buffers', () => {
  it("gives each photo its own hash and its own embedding, whatever was read before it", async () => {
    const photos = tempDir('shoebox-buffers-');
    const files = await mixedPhotos(photos);
    const sizes = files.map((f) => fs.statSync(f).size);
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(20); // small photos read into large buffers
    const lib = testLibrary(tempDir());
    const summary = await lib.index([photos]);
    expect(summary.embedded).toBe(files.length);

    const alone: Float32Array[] = [];
    await lib.clip().embedImageFiles(files, (r) => (alone[r.index] = r.embedding!));
    const store = await lib.writable();
    for (const [i, file] of files.entries()) {
      const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
      const [row] = await store.photosByHash(hash);
      expect(row?.path, file).toBe(file);
      const own = dot(row!.vector, alone[i]!);
      const others = alone.filter((_, j) => j !== i).map((v) => dot(row!.vector, v));
      expect(own, file).toBeGreaterThan(0.999);
      expect(own, file).toBeGreaterThan(Math.max(...others));
    }
  });
});
