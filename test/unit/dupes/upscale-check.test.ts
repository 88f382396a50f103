// The upscale check (src/core/dupes/upscale-check.ts): an enlarged copy holds next to nothing
// above the frequencies of the picture it was enlarged from; a photo, or a smaller copy of it,
// holds detail up to its own pixel scale.
//
// What LOSS_THRESHOLD (0.22: RMS above 1/3 cycle per pixel over the octave below it) rests
// on, measured on ../shared/photos. Real photos (321: 200 imagenet, 100 exif-samples JPEG,
// HEIC, TIFF, 21 strecha): 0.286 and up, but for one imagenet photo (trombone, 0.187, itself
// a soft web enlargement). 2x enlargements of 14 of them (lossless): sharp lanczos3/cubic
// 0.17-0.20, PIL lanczos 0.11-0.16, PIL bicubic 0.18-0.22; 3x: 0.11-0.17: caught. Re-saved as
// JPEG (q85/q90) they rise to 0.15-0.32 (2x) and 0.20-0.30 (3x): caught only in part. Not
// caught, so ranked as before: 1.5x (0.19-0.43), sharp's linear 2x (0.29-0.44), nearest
// neighbour (blocks, 0.47 and up). Half-size copies: 0.45-0.72, but for the strecha frames
// (1536x1024: 0.254 and up), which a 512 px window would bring to the threshold (0.220): WINDOW
// stays 1024.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { bandEnergy, LOSS_THRESHOLD, mayBeToldEnlarged, measureFile, nativeGrey, upscaleFactorOf, upscaleFactors, WINDOW } from '../../../src/core/dupes/upscale-check';
import { tempDir } from '../../helpers/images';
import { rng } from '../../helpers/seeded-random';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';

/** A photo-like grey raster: soft shapes, edges and sensor noise at pixel scale. */
function photoLike(width: number, height: number, seed = 7): Buffer {
  const random = rng(seed);
  const out = Buffer.alloc(width * height);
  const blobs = Array.from({ length: 12 }, () => ({ x: random() * width, y: random() * height, r: 10 + random() * 60, v: random() * 120 - 60 }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 110 + 40 * Math.sin(x / 23) * Math.cos(y / 31);
      for (const b of blobs) if ((x - b.x) ** 2 + (y - b.y) ** 2 < b.r ** 2) v += b.v;
      v += (random() - 0.5) * 24;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(v)));
    }
  }
  return out;
}

async function factorOf(image: Buffer): Promise<number> {
  const dir = tempDir('shoebox-upscale-');
  const file = path.join(dir, 'x.png');
  fs.writeFileSync(file, image);
  try {
    return (await measureFile(file))!;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('upscale check', () => {
  const [w, h] = [400, 300];
  const raw = { raw: { width: w, height: h, channels: 1 as const } };

  it('finds no enlargement in a photo with detail at its pixel scale, nor in a smaller copy of it', async () => {
    expect(await factorOf(await sharp(photoLike(w, h), raw).png().toBuffer())).toBe(1);
    expect(await factorOf(await sharp(photoLike(w, h), raw).resize(w / 2).png().toBuffer())).toBe(1);
  });

  it('finds a 2x enlargement, and reports it rounded up', async () => {
    for (const kernel of ['lanczos3', 'cubic'] as const) {
      const up = await sharp(photoLike(w, h), raw).resize(w * 2, h * 2, { kernel }).png().toBuffer();
      expect(await factorOf(up), kernel).toBeGreaterThanOrEqual(2);
    }
  });

  it('judges no JPEG: its compression noise fools the test both ways, so it ranks by its pixels', async () => {
    const up = await sharp(photoLike(w, h), raw).resize(w * 2, h * 2, { kernel: 'lanczos3' }).jpeg({ quality: 98 }).toBuffer();
    expect(await factorOf(up)).toBe(1);
  });

  it('counts a flat raster, a tiny one and an unreadable file as not enlarged', async () => {
    expect(upscaleFactorOf(new Float32Array(200 * 200).fill(128), 200, 200)).toBe(1);
    expect(upscaleFactorOf(new Float32Array(20 * 20).fill(1), 20, 20)).toBe(1);
    expect(bandEnergy(new Float32Array(20 * 20), 20, 20, 1.5)).toBeNull();
    const dir = tempDir('shoebox-upscale-');
    const bad = path.join(dir, 'bad.jpg');
    fs.writeFileSync(bad, 'not an image');
    expect(await measureFile(bad)).toBeNull();
    expect(await measureFile(path.join(dir, 'gone.jpg'))).toBeNull();
    expect(await upscaleFactors(new Map([['h-bad', [bad, path.join(dir, 'gone.jpg')]]]))).toEqual(new Map([['h-bad', 1]]));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('decodes only the central window, the same pixels as the whole photo holds there', async () => {
    const [bw, bh] = [WINDOW + 301, WINDOW + 90];
    const dir = tempDir('shoebox-upscale-');
    const file = path.join(dir, 'big.png');
    await sharp(photoLike(bw, bh, 3), { raw: { width: bw, height: bh, channels: 1 } }).png().toFile(file);
    const { grey, width, height } = await nativeGrey(file);
    expect([width, height]).toEqual([WINDOW, WINDOW]);
    const { data } = await sharp(file).greyscale().raw().toBuffer({ resolveWithObject: true });
    const [left, top] = [(bw - WINDOW) >> 1, (bh - WINDOW) >> 1];
    for (const [x, y] of [[0, 0], [WINDOW - 1, 0], [17, 500], [WINDOW - 1, WINDOW - 1]] as const) expect(grey[y * WINDOW + x]).toBe(data[(top + y) * bw + left + x]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is worth measuring only beside a member with at most 1/2.25 of its pixels (sides rounded)', () => {
    const small = 500 * 375;
    expect(mayBeToldEnlarged(1000, 750, small)).toBe(true);
    expect(mayBeToldEnlarged(750, 563, small)).toBe(true);
    expect(mayBeToldEnlarged(750, 562, small)).toBe(true); // 562.5 rounded down
    expect(mayBeToldEnlarged(700, 525, small)).toBe(false);
    expect(mayBeToldEnlarged(500, 375, small)).toBe(false);
    expect(mayBeToldEnlarged(375, 500, small)).toBe(false);
    // The share copy beside its original: the original is measured, the copy is not.
    expect(mayBeToldEnlarged(4000, 3000, 1600 * 1200)).toBe(true);
    expect(mayBeToldEnlarged(1600, 1200, 1600 * 1200)).toBe(false);
  });

  it('measures several contents at once, each as measureFile does, once per process', async () => {
    const dir = tempDir('shoebox-upscale-');
    const f = (name: string) => path.join(dir, name);
    await sharp(photoLike(w, h, 11), raw).png().toFile(f('a.png'));
    await sharp(photoLike(w, h, 12), raw).resize(w * 2, h * 2, { kernel: 'lanczos3' }).png().toFile(f('b.png'));
    await sharp(photoLike(w, h, 13), raw).resize(w * 2, h * 2, { kernel: 'cubic' }).png().toFile(f('c.png'));
    fs.writeFileSync(f('bad.jpg'), 'not an image');
    const files = new Map([['h-a', [f('a.png')]], ['h-b', [f('gone.png'), f('b.png')]], ['h-c', [f('bad.jpg'), f('c.png')]], ['h-d', [f('bad.jpg')]]]);
    const expected = new Map([['h-a', 1], ['h-b', (await measureFile(f('b.png')))!], ['h-c', (await measureFile(f('c.png')))!], ['h-d', 1]]);
    expect(expected.get('h-b')).toBeGreaterThanOrEqual(2);
    expect(expected.get('h-c')).toBeGreaterThanOrEqual(2);
    expect(await upscaleFactors(files)).toEqual(expected);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(await upscaleFactors(files)).toEqual(expected); // remembered: nothing read again
  });

  it('stops between contents when the scan is stopped', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(upscaleFactors(new Map([['h-stopped', ['/nowhere/x.jpg']]]), controller.signal)).rejects.toThrow(/abort/i);
  });

  const tench = ['photos', 'imagenet', 'n01440764_tench.JPEG'] as const;
  it.skipIf(!sharedAvailable(...tench))('tells a real photo from its enlargements', async () => {
    const file = sharedPath(...tench);
    const { width, height } = await sharp(file).metadata();
    expect(await measureFile(file)).toBe(1);
    const { grey, width: gw, height: gh } = await nativeGrey(file);
    const band = bandEnergy(grey, gw, gh, 1.5)!;
    expect(band.high / band.mid).toBeGreaterThan(2 * LOSS_THRESHOLD);
    for (const kernel of ['lanczos3', 'cubic'] as const) {
      const up = await sharp(file).resize(width * 2, height * 2, { kernel }).png().toBuffer();
      expect(await factorOf(up), kernel).toBeGreaterThan(1);
    }
  });
});
