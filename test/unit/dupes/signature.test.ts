import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { LowFrequencyDct, zigzagOrder } from '../../../src/core/dupes/dct';
import { AreaSampler, greyFromRgb } from '../../../src/core/dupes/raster';
import { SIGNATURE_BYTES, SIGNATURE_VERSION, SIGNATURE_WORDS, bytesToWords, isCurrentSignature, perceptualSignature, signatureFromJpeg } from '../../../src/core/dupes/signature';
import { linkNearDuplicates, verifyScore } from '../../../src/core/dupes/near-index';
import { UnionFind } from '../../../src/core/dupes/union-find';
import { scene, sceneJpeg } from '../../helpers/scenes';
import { rng } from '../../helpers/seeded-random';

describe('area sampling', () => {
  const w = 7;
  const h = 5;
  const grey = Float32Array.from({ length: w * h }, (_, i) => (i * 13) % 17);
  const sampler = new AreaSampler(grey, w, h);

  it('gives the pixels back on the native grid and the mean on one cell', () => {
    expect(Array.from(sampler.sample(0, 0, w, h, w, h)).map((x) => Math.round(x * 1e6) / 1e6)).toEqual(Array.from(grey));
    const mean = grey.reduce((s, x) => s + x, 0) / grey.length;
    expect(sampler.sample(0, 0, w, h, 1, 1)[0]).toBeCloseTo(mean, 9);
  });

  it('averages fractional rectangles exactly', () => {
    // [0.5, 2) x [1, 1.5): half of pixel (0,1), all of (1,1), each half height.
    const expected = (0.5 * grey[7]! + 1 * grey[8]!) / 1.5;
    expect(sampler.sample(0.5, 1, 2, 1.5, 1, 1)[0]).toBeCloseTo(expected, 9);
  });

  it('reads luma from RGB and RGBA', () => {
    expect(Array.from(greyFromRgb(Uint8Array.from([255, 0, 0, 0, 255, 0]), 2, 1))).toEqual([Math.fround(0.299 * 255), Math.fround(0.587 * 255)]);
    expect(greyFromRgb(Uint8Array.from([0, 0, 255, 9]), 1, 1, 4)[0]).toBeCloseTo(0.114 * 255, 4);
  });
});

describe('low-frequency DCT', () => {
  it('matches a direct orthonormal DCT-II on the zigzag prefix', () => {
    const n = 8;
    const random = rng(3);
    const grid = Float64Array.from({ length: n * n }, () => random() * 255);
    const dct = new LowFrequencyDct(n, 20);
    const got = dct.transform(grid);
    const order = zigzagOrder(n, 20);
    for (let i = 0; i < 20; i++) {
      const u = order[i]! % n;
      const v = Math.floor(order[i]! / n);
      let s = 0;
      for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) s += grid[y * n + x]! * Math.cos(((2 * x + 1) * u * Math.PI) / (2 * n)) * Math.cos(((2 * y + 1) * v * Math.PI) / (2 * n));
      s *= (u === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n)) * (v === 0 ? Math.sqrt(1 / n) : Math.sqrt(2 / n));
      expect(got[i]).toBeCloseTo(s, 8);
    }
  });

  it('reads frequencies in JPEG zigzag order', () => {
    expect(Array.from(zigzagOrder(4, 10))).toEqual([0, 1, 4, 8, 5, 2, 3, 6, 9, 12]);
  });
});

async function signatureOf(jpeg: Buffer) {
  const sig = await signatureFromJpeg(jpeg);
  return bytesToWords(sig.bytes);
}

async function edit(jpeg: Buffer, f: (s: Sharp, w: number, h: number) => Sharp, quality = 90): Promise<Buffer> {
  const { width, height } = await sharp(jpeg).metadata();
  return f(sharp(jpeg), width, height).jpeg({ quality }).toBuffer();
}

describe('perceptual signature', () => {
  it('is 512 bytes of the current version, deterministic, with a sharpness', () => {
    const rgb = scene(1, 200, 150);
    const a = perceptualSignature(rgb, 200, 150);
    expect(a.version).toBe(SIGNATURE_VERSION);
    expect(a.bytes.length).toBe(SIGNATURE_BYTES);
    expect(isCurrentSignature(a.version, a.bytes)).toBe(true);
    expect(isCurrentSignature(a.version + 1, a.bytes)).toBe(false);
    expect(perceptualSignature(rgb, 200, 150)).toEqual(a);
    expect(a.sharpness).toBeGreaterThan(0);
    expect(() => perceptualSignature(rgb, 0, 150)).toThrow(/invalid raster/);
  });

  it('ranks a blurred copy as less sharp', async () => {
    const jpeg = await sceneJpeg(2);
    const blurred = await edit(jpeg, (s) => s.blur(2));
    expect((await signatureFromJpeg(blurred)).sharpness).toBeLessThan((await signatureFromJpeg(jpeg)).sharpness / 2);
  });

  it('matches edited versions of a picture and nothing else', async () => {
    const base = await sceneJpeg(10, 640, 480);
    const versions: [string, Buffer][] = [
      ['original', base],
      ['half size', await edit(base, (s, w) => s.resize({ width: Math.round(w / 2) }))],
      ['q40', await edit(base, (s) => s, 40)],
      ['brighter', await edit(base, (s) => s.modulate({ brightness: 1.25 }))],
      ['5% border crop', await edit(base, (s, w, h) => s.extract({ left: 32, top: 24, width: w - 64, height: h - 48 }))],
      ['16:9 crop', await edit(base, (s, w, h) => s.extract({ left: 0, top: Math.round((h - (w * 9) / 16) / 2), width: w, height: Math.round((w * 9) / 16) }))],
      ['square crop', await edit(base, (s, w, h) => s.extract({ left: (w - h) / 2, top: 0, width: h, height: h }))],
    ];
    const others = await Promise.all([11, 12, 13, 14].map((seed) => sceneJpeg(seed, 640, 480)));
    const all = [...versions.map(([, b]) => b), ...others];
    const words = new Uint32Array(all.length * SIGNATURE_WORDS);
    for (const [i, jpeg] of all.entries()) words.set(await signatureOf(jpeg), i * SIGNATURE_WORDS);
    const groups = new UnionFind(all.length);
    await linkNearDuplicates(words, all.length, groups);
    const original = groups.find(0);
    for (const [i, [name]] of versions.entries()) expect(groups.find(i), name).toBe(original);
    for (let i = versions.length; i < all.length; i++) expect(groups.find(i), `other scene ${i}`).not.toBe(original);
    // Unrelated pictures score about 0.
    expect(Math.abs(verifyScore(words, versions.length, versions.length + 1, 0))).toBeLessThan(0.3);
  });
});
