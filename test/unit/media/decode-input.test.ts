import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SIDE, toSharp, toSharpInput, toSharpInputWithHeader } from '../../../src/core/media/decode-input';
import { preprocessImage } from '../../../src/core/clip/preprocess';
import type { ImagePreprocessing } from '../../../src/core/clip/model-folder';
import { MediaError } from '../../../src/core/media/errors';
import { sniffFormat } from '../../../src/core/media/sniff';
import { pngBomb } from '../../fixtures/photos/awkward';
import { syntheticTiffRaw } from '../../fixtures/photos/synthetic-raw';
import { awkwardCorpus, exifSampleFiles, haveExifSamples, sample } from './corpus';

describe('toSharpInput on the awkward corpus', () => {
  it('every "ok" file decodes, at its expected upright size', async () => {
    const photos = (await awkwardCorpus()).filter((p) => p.expect === 'ok');
    expect(photos.length).toBeGreaterThanOrEqual(20);
    for (const p of photos) {
      const name = `${JSON.stringify(path.basename(p.file))} (${p.note})`;
      const buffer = fs.readFileSync(p.file);
      const input = await toSharpInput(buffer, sniffFormat(buffer));
      const meta = await toSharp(input, { autoOrient: true }).metadata();
      expect([meta.autoOrient?.width ?? meta.width, meta.autoOrient?.height ?? meta.height], name).toEqual([p.width, p.height]);
      const { info } = await toSharp(input, { autoOrient: true }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels], name).toEqual([p.width, p.height, 3]);
    }
  });

  it('the header it hands on gives the same model input and thumbnail as reading it again', async () => {
    const pre: ImagePreprocessing = { size: 224, mean: [0.48, 0.46, 0.41], std: [0.27, 0.26, 0.28], resizeMode: 'shortest', cropRounding: 'half-even' };
    const photos = (await awkwardCorpus()).filter((p) => p.expect === 'ok');
    let withHeaders = 0;
    for (const p of photos) {
      const name = `${JSON.stringify(path.basename(p.file))} (${p.note})`;
      const buffer = fs.readFileSync(p.file);
      const { input, header } = await toSharpInputWithHeader(buffer, sniffFormat(buffer));
      if (header) withHeaders++;
      const given = await preprocessImage(input, pre, { thumbnailSize: 96, header });
      const read = await preprocessImage(input, pre, { thumbnailSize: 96 });
      expect([given.width, given.height], name).toEqual([p.width, p.height]);
      expect(Buffer.from(given.rgb).equals(Buffer.from(read.rgb)), name).toBe(true);
      expect(given.thumbnail!.equals(read.thumbnail!), name).toBe(true);
    }
    expect(withHeaders).toBeGreaterThanOrEqual(15); // HEIC's pixels come without one
  });

  it('every "fail" file throws a MediaError with a one-line reason', async () => {
    const photos = (await awkwardCorpus()).filter((p) => p.expect === 'fail');
    const reasons: Record<string, string> = {};
    for (const p of photos) {
      const buffer = fs.readFileSync(p.file);
      const err = await toSharpInput(buffer).catch((e: unknown) => e);
      expect(err, p.note).toBeInstanceOf(MediaError);
      const message = (err as MediaError).message;
      expect(message, p.note).toMatch(/^\S.{5,300}$/);
      expect(message).not.toContain('\n');
      reasons[path.basename(p.file)] = message;
    }
    expect(reasons).toMatchObject({
      'empty.jpg': 'empty file (0 bytes)',
      'notes.jpg': 'not an image (unrecognised content)',
      'random.heic': 'not an image (unrecognised content)',
      'no-preview.nef': 'RAW file has no embedded preview',
    });
    expect(reasons['truncated-header.jpg']).toMatch(/^unreadable JPEG header: premature end/i);
    expect(reasons['bomb.png']).toMatch(/^image too large: 100000x100000/);
  });

  it("a fake GIF's reason says what is wrong with it, without libvips' function name", async () => {
    // A GIF signature and nothing after it: libvips says "gifload_buffer: Unexpected end of GIF source data".
    const err = await toSharpInput(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect((err as MediaError).message).toMatch(/^unreadable GIF header: [A-Z]/);
    expect((err as MediaError).message).not.toMatch(/\w+(load|_buffer|_source)\b/);
  });

  it('the misnamed JPEG is decoded as what it is, not what its name says', async () => {
    const p = (await awkwardCorpus()).find((x) => x.file.endsWith('actually-a-jpeg.png'))!;
    const meta = await toSharp(await toSharpInput(fs.readFileSync(p.file))).metadata();
    expect(meta.format).toBe('jpeg');
  });

  it('GIF: sharp decodes the first frame by default', async () => {
    const p = (await awkwardCorpus()).find((x) => x.file.endsWith('animated.gif'))!;
    const input = await toSharpInput(fs.readFileSync(p.file), 'gif');
    const meta = await toSharp(input).metadata();
    expect(meta.pages).toBe(3);
    expect([meta.width, meta.height]).toEqual([90, 60]); // one frame, not the 90x180 strip
    const { data, info } = await toSharp(input).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([90, 60]);
    const centre = ((30 * 90 + 45) * 3) | 0;
    expect([...data.subarray(centre, centre + 3)].map((v) => Math.round(v / 10))).toEqual([22, 3, 3]); // red: frame 1
  });

  it('refuses absurd declared sizes before decoding: area and side limits', async () => {
    await expect(toSharpInput(pngBomb(20_000))).rejects.toThrow(/image too large: 20000x20000 \(400 MP/);
    // A side over the limit with a small area (70000 x 1).
    const wide = pngBomb(1);
    wide.writeUInt32BE(MAX_SIDE + 5000, 16);
    const crc = (await import('node:zlib')).crc32(wide.subarray(12, 29)) >>> 0;
    wide.writeUInt32BE(crc, 29);
    // Said by the limit it passes: its side, not "0 MP".
    await expect(toSharpInput(wide)).rejects.toThrow(/^image too large: 70000x1 \(70,000 px a side; the limit is 65,000; decompression bomb\?\)$/);
  });
});

describe.skipIf(!haveExifSamples)('toSharpInput on ../shared/photos/exif-samples', () => {
  it('every JPEG, TIFF and HEIC sample opens (headers read, HEIC decoded)', async () => {
    const images = exifSampleFiles().filter((rel) => /\.(jpe?g|tiff?|hei[cf])$/i.test(rel));
    expect(images.length).toBeGreaterThan(80);
    for (const rel of images) {
      const input = await toSharpInput(sample(rel));
      const meta = await toSharp(input, { autoOrient: true }).metadata();
      expect(meta.width, rel).toBeGreaterThan(0);
    }
  });

  it('EXIF-rotated samples come out upright-sized (portrait_6 is a portrait)', async () => {
    for (const o of [1, 3, 6, 8]) {
      const meta = await toSharp(await toSharpInput(sample(`jpg/orientation/portrait_${o}.jpg`)), { autoOrient: true }).metadata();
      const w = meta.autoOrient?.width ?? meta.width!;
      const h = meta.autoOrient?.height ?? meta.height!;
      expect(h, `portrait_${o}`).toBeGreaterThan(w);
    }
  });
});

describe('toSharpInput trusts the content over a short-head sniff', () => {
  it('a RAW sniffed as "tiff" from a truncated head still goes the RAW-preview way', async () => {
    const { file } = await syntheticTiffRaw({ orientation: 6 });
    expect(sniffFormat(file.subarray(0, 16))).toBe('tiff');
    const input = await toSharpInput(file, 'tiff');
    const meta = await toSharp(input, { autoOrient: true }).metadata();
    expect([meta.format, meta.autoOrient?.width, meta.autoOrient?.height]).toEqual(['jpeg', 64, 96]);
  });
});
