// Signatures computed on the worker thread while indexing (signature-thread.ts) are the ones
// the engine's own thread computes, each answer goes to its own request, and a raster the
// signature refuses is a one-line rejection that leaves the worker serving.
import { describe, expect, it } from 'vitest';
import { perceptualSignature } from '../../../src/core/dupes/signature';
import { signatureOffThread } from '../../../src/core/dupes/signature-thread';
import { SignatureBatcher } from '../../../src/core/dupes/signature-batcher';
import type { SignatureRecord } from '../../../src/core/store/types';
import { scene } from '../../helpers/scenes';

const raster = (seed: number, width: number, height: number) => ({ data: scene(seed, width, height), width, height });

describe('signatures off the event loop', () => {
  it('gives each of many concurrent photos its own signature, the same as computed here', async () => {
    const thumbs = Array.from({ length: 12 }, (_, i) => raster(i + 1, 384 - i * 8, 288));
    const off = await Promise.all(thumbs.map((t) => signatureOffThread(t)));
    thumbs.forEach((t, i) => {
      const here = perceptualSignature(t.data, t.width, t.height);
      expect(off[i]).toEqual({ version: here.version, bytes: here.bytes, sharpness: here.sharpness });
    });
    // The caller's pixels are untouched (a copy went to the worker).
    expect(thumbs[0]!.data.byteLength).toBe(384 * 288 * 3);
  });

  it('rejects a raster the signature refuses in one line, and keeps serving', async () => {
    const error = await signatureOffThread({ data: new Uint8Array(10), width: 384, height: 288 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/^raster of 10 bytes is too small/);
    expect((error as Error).message).not.toContain('\n');
    const ok = await signatureOffThread(raster(3, 64, 48));
    expect(ok.bytes).toEqual(perceptualSignature(raster(3, 64, 48).data, 64, 48).bytes);
  });

  it('feeds the indexer\'s batcher: saved signatures match, the refused one is skipped', async () => {
    const saved: SignatureRecord[] = [];
    const batcher = new SignatureBatcher({ putSignatures: async (records) => void saved.push(...records) }, signatureOffThread);
    const thumb = raster(9, 200, 150);
    batcher.add('a', thumb);
    batcher.add('broken', { data: new Uint8Array(3), width: 200, height: 150 });
    await batcher.flush();
    const here = perceptualSignature(thumb.data, thumb.width, thumb.height);
    expect(saved).toEqual([{ hash: 'a', version: here.version, signature: here.bytes, sharpness: here.sharpness }]);
  });
});
