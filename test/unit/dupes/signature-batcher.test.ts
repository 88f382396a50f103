import { describe, expect, it } from 'vitest';
import { SignatureBatcher } from '../../../src/core/dupes/signature-batcher';
import { signatureFromJpeg } from '../../../src/core/dupes/signature';
import type { SignatureRecord } from '../../../src/core/store/types';
import { sceneJpeg } from '../../helpers/scenes';

describe('signature batcher (the indexer hook)', () => {
  it('saves the signatures of thumbnails in batches, skipping unreadable ones', async () => {
    const saved: SignatureRecord[][] = [];
    const batcher = new SignatureBatcher({ putSignatures: async (records) => void saved.push([...records]) });
    const jpeg = await sceneJpeg(5, 384, 288);
    for (let i = 0; i < 300; i++) batcher.add(`h${i}`, jpeg);
    batcher.add('broken', Buffer.from('not a jpeg'));
    await batcher.flush();
    expect(saved.map((b) => b.length)).toEqual([256, 44]);
    const expected = await signatureFromJpeg(jpeg);
    expect(saved.flat().find((r) => r.hash === 'h0')).toEqual({ hash: 'h0', version: expected.version, signature: expected.bytes, sharpness: expected.sharpness });
    expect(saved.flat().some((r) => r.hash === 'broken')).toBe(false);
    await batcher.flush(); // nothing left: no empty save
    expect(saved).toHaveLength(2);
  });

  it('reports a failed save at flush', async () => {
    const batcher = new SignatureBatcher({ putSignatures: async () => Promise.reject(new Error('disk full')) });
    batcher.add('h', await sceneJpeg(6, 100, 80));
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
    const jpeg = await sceneJpeg(7, 64, 48);
    for (let i = 0; i < 257; i++) batcher.add(`h${i}`, jpeg);
    await new Promise((r) => setTimeout(r, 300)); // the background save has failed by now
    await expect(batcher.flush()).rejects.toThrow(/disk full/);
    expect(calls).toBe(2);
    await expect(batcher.flush()).resolves.toBeUndefined();
  });
});
