// Stored signatures are compared across versions (SIGNATURE_VERSION 1 stays 1), so the
// faster signature must give exactly the bytes and sharpness version 1 gave: checked against
// a frozen copy of version 1's code (reference/perceptual-signature-v1.ts) on real photos,
// decoded as the indexer decodes them, and on synthetic rasters of odd sizes.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AreaSampler, greyFromRgb, laplacianVariance } from '../../../src/core/dupes/raster';
import { SIGNATURE_RASTER_SIDE, SIGNATURE_VERSION, perceptualSignature } from '../../../src/core/dupes/signature';
import { scene } from '../../helpers/scenes';
import { rng } from '../../helpers/seeded-random';
import { sharedAvailable, sharedPath } from '../../helpers/shared-data';
import * as v1 from './reference/perceptual-signature-v1';

function expectSameAsVersion1(rgb: Uint8Array, width: number, height: number, channels = 3): void {
  const got = perceptualSignature(rgb, width, height, channels);
  const want = v1.referencePerceptualSignature(rgb, width, height, channels);
  expect(got.version).toBe(SIGNATURE_VERSION);
  expect(Buffer.from(got.bytes).toString('hex'), `${width}x${height}x${channels} bytes`).toBe(Buffer.from(want.bytes).toString('hex'));
  // Bit for bit, not "close": the summation order is version 1's.
  expect(Object.is(got.sharpness, want.sharpness), `${width}x${height}x${channels} sharpness ${got.sharpness} vs ${want.sharpness}`).toBe(true);
}

function noise(seed: number, width: number, height: number, channels = 3): Uint8Array {
  const random = rng(seed);
  return Uint8Array.from({ length: width * height * channels }, () => Math.floor(random() * 256));
}

describe('the perceptual signature is version 1, bit for bit', () => {
  it('on synthetic rasters of odd sizes, whatever size the previous raster had', () => {
    // Big, tiny, big again: buffers kept from one call must not leak into the next.
    const sizes: [number, number][] = [[384, 288], [1, 1], [2, 3], [288, 384], [383, 1], [1, 383], [3, 3], [384, 288], [33, 7], [200, 150]];
    sizes.forEach(([w, h], i) => {
      expectSameAsVersion1(noise(i, w, h), w, h);
      expectSameAsVersion1(scene(i + 1, w, h), w, h);
    });
    expectSameAsVersion1(noise(99, 384, 256, 4), 384, 256, 4);
    expectSameAsVersion1(new Uint8Array(384 * 288 * 3), 384, 288); // flat black: every coefficient 0
    expectSameAsVersion1(new Uint8Array(64 * 48 * 3).fill(255), 64, 48);
  });

  it('on real photos decoded to the 384-px raster as the indexer does', async () => {
    if (!sharedAvailable('photos')) return;
    const photos = realPhotos();
    expect(photos.length).toBeGreaterThan(20);
    for (const file of photos) {
      const { data, info } = await sharp(file, { autoOrient: true })
        .resize(SIGNATURE_RASTER_SIDE, SIGNATURE_RASTER_SIDE, { fit: 'inside', withoutEnlargement: true, kernel: 'cubic' })
        .removeAlpha()
        .toColourspace('srgb')
        .raw()
        .toBuffer({ resolveWithObject: true });
      expectSameAsVersion1(data, info.width, info.height, info.channels);
    }
  });

  it('keeps the raster helpers other code uses (grey, area sampling, sharpness) as they were', () => {
    const [w, h] = [97, 61];
    const rgb = scene(7, w, h);
    const grey = greyFromRgb(rgb, w, h);
    expect(grey).toEqual(v1.greyFromRgb(rgb, w, h));
    expect(Object.is(laplacianVariance(grey, w, h), v1.laplacianVariance(grey, w, h))).toBe(true);
    const [now, then] = [new AreaSampler(grey, w, h), new v1.AreaSampler(grey, w, h)];
    for (const [x0, y0, x1, y1, cols, rows] of [[0, 0, w, h, 32, 32], [-3.5, 2.25, 60.1, 70, 7, 5], [10.5, 3, 11, 3.5, 1, 1]] as const) {
      expect(now.sample(x0, y0, x1, y1, cols, rows)).toEqual(then.sample(x0, y0, x1, y1, cols, rows));
    }
    expect(() => perceptualSignature(rgb, w, h + 1)).toThrow(/too small/);
  });
});

/** All Strecha photos and every fourth ImageNet one (~70: camera-sized and web-sized JPEGs). */
function realPhotos(): string[] {
  const jpegs = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.jpe?g$/i.test(f)).sort().map((f) => path.join(dir, f)) : []);
  const strecha = sharedPath('photos', 'strecha');
  const strechaPhotos = fs.existsSync(strecha) ? fs.readdirSync(strecha).sort().flatMap((d) => jpegs(path.join(strecha, d))) : [];
  return [...strechaPhotos, ...jpegs(sharedPath('photos', 'imagenet')).filter((_, i) => i % 4 === 0)];
}
