import { describe, expect, it } from 'vitest';
import { SignatureBatcher } from '../../../src/core/dupes/signature-batcher';
import sharp from 'sharp';
import { bytesToWords, perceptualSignature, signatureFromJpeg, SIGNATURE_WORDS } from '../../../src/core/dupes/signature';
import { NEAR_MATCH_THRESHOLD, verifyScore } from '../../../src/core/dupes/near-index';
import type { SignatureRecord } from '../../../src/core/store/types';
import { scene } from '../../helpers/scenes';

/** A thumbnail's pixels as the indexer hands them over (packed RGB). */
const raster = (seed: number, width: number, height: number) => ({ data: scene(seed, width, height), width, height });

describe('signature batcher (the indexer hook)', () => {
  it('saves the signatures of thumbnails in batches, skipping unreadable ones', async () => {
    const saved: SignatureRecord[][] = [];
    const batcher = new SignatureBatcher({ putSignatures: async (records) => void saved.push([...records]) });
    const thumb = raster(5, 384, 288);
    for (let i = 0; i < 300; i++) batcher.add(`h${i}`, thumb);
    batcher.add('broken', { data: new Uint8Array(10), width: 384, height: 288 });
    await batcher.flush();
    expect(saved.map((b) => b.length)).toEqual([256, 44]);
    const expected = perceptualSignature(thumb.data, thumb.width, thumb.height);
    expect(saved.flat().find((r) => r.hash === 'h0')).toEqual({ hash: 'h0', version: expected.version, signature: expected.bytes, sharpness: expected.sharpness });
    expect(saved.flat().some((r) => r.hash === 'broken')).toBe(false);
    await batcher.flush(); // nothing left: no empty save
    expect(saved).toHaveLength(2);
  });

  it('reports a failed save at flush', async () => {
    const batcher = new SignatureBatcher({ putSignatures: async () => Promise.reject(new Error('disk full')) });
    batcher.add('h', raster(6, 100, 80));
    await expect(batcher.flush()).rejects.toThrow(/disk full/);
  });
});

describe('signature batcher failures', () => {
  it('keeps a failed background save for the next flush instead of an unhandled rejection', async () => {
    let calls = 0;
    const batcher = new SignatureBatcher({
      putSignatures: async () => {
        calls++;
        throw new Error('disk full');
      },
    });
    const thumb = raster(7, 64, 48);
    for (let i = 0; i < 257; i++) batcher.add(`h${i}`, thumb);
    await new Promise((r) => setTimeout(r, 300)); // the background save has failed by now
    await expect(batcher.flush()).rejects.toThrow(/disk full/);
    expect(calls).toBe(2);
    await expect(batcher.flush()).resolves.toBeUndefined();
  });
});

describe('signatures from the thumbnail raster (indexing) and from the stored thumbnail JPEG (later)', () => {
  it('see the same picture, so a photo signed either way still finds its duplicates', async () => {
    for (const seed of [11, 12, 13]) {
      const thumb = raster(seed, 384, 288);
      const jpeg = await sharp(thumb.data, { raw: { width: 384, height: 288, channels: 3 } }).jpeg({ quality: 82 }).toBuffer();
      const words = new Uint32Array(SIGNATURE_WORDS * 3);
      bytesToWords(perceptualSignature(thumb.data, 384, 288).bytes, words, 0);
      bytesToWords((await signatureFromJpeg(jpeg)).bytes, words, SIGNATURE_WORDS);
      bytesToWords(perceptualSignature(raster(seed + 100, 384, 288).data, 384, 288).bytes, words, 2 * SIGNATURE_WORDS);
      expect(verifyScore(words, 0, 1, 0)).toBeGreaterThan(NEAR_MATCH_THRESHOLD);
      expect(verifyScore(words, 0, 2, 0)).toBeLessThan(NEAR_MATCH_THRESHOLD);
    }
  });
});
