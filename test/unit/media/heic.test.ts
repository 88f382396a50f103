// HEIC decoding on the real samples in ../shared. What we verified about orientation:
// HEIF rotates with irot/imir item properties, which libheif applies while decoding. The
// iPhone 13 sample has irot (270° ccw) AND EXIF Orientation 6; its stored image is 4032x3024
// and the decoded one is the upright 3024x4032 portrait. Applying EXIF 6 on top would lay it
// on its side again, so the raw pixels must reach sharp without it.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeHeic } from '../../../src/core/media/heic';
import { MediaError } from '../../../src/core/media/errors';
import { toSharp, toSharpInput } from '../../../src/core/media/decode-input';
import { readPhotoMetadata } from '../../../src/core/media/exif';
import { haveExifSamples, sample } from './corpus';

/** Every HEIC/HEIF sample with its displayed (irot/clap applied) size. */
const SAMPLES: Array<[string, number, number]> = [
  ['heic/samplefilehub.heif', 640, 426],
  ['heic/IMG_5195.HEIC', 2566, 3313], // edited on the phone: clap crop of a 4032x3024 shot
  ['heic/mobile/iphone_13_pro_max.HEIC', 3024, 4032], // irot + EXIF Orientation 6
  ['heic/mobile/HMD_Nokia_8.3_5G.heif', 3456, 4608], // irot 270° ccw, EXIF Orientation 1
  ['heic/mobile/HMD_Nokia_8.3_5G_hdr.heif', 4608, 3456], // 10-bit, no irot
];

describe.skipIf(!haveExifSamples)('decodeHeic on ../shared samples', () => {
  it.each(SAMPLES)('%s decodes to %ix%i RGBA', async (rel, width, height) => {
    const buffer = sample(rel);
    const image = await decodeHeic(buffer);
    expect(image.info).toEqual({ width, height, channels: 4 });
    expect(image.data.length).toBe(width * height * 4);
    // libvips reads the same container header (without decoding HEVC) and agrees on the size.
    const header = await sharp(buffer).metadata();
    expect([header.width, header.height]).toEqual([width, height]);
    // Not a blank frame.
    const stats = await sharp(image.data, { raw: image.info }).stats();
    expect(stats.channels[0]!.stdev).toBeGreaterThan(5);
  });

  it('applies irot once: the iPhone portrait stays portrait although its EXIF says 6', async () => {
    const buffer = sample('heic/mobile/iphone_13_pro_max.HEIC');
    expect((await readPhotoMetadata(buffer)).orientation).toBe(6);
    const input = await toSharpInput(buffer, 'heic');
    // autoOrient as preprocess.ts uses it: the raw pixels carry no EXIF, nothing rotates again.
    const meta = await toSharp(input, { autoOrient: true }).metadata();
    expect([meta.autoOrient?.width ?? meta.width, meta.autoOrient?.height ?? meta.height]).toEqual([3024, 4032]);
    const { info } = await toSharp(input, { autoOrient: true }).resize(300).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([300, 400]);
  });

  it('refuses what is not HEIC with a one-line MediaError', async () => {
    const err = await decodeHeic(Buffer.from('definitely not a heic file, just text')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MediaError);
    expect((err as MediaError).message).toMatch(/^HEIC decode failed: /);
    expect((err as MediaError).message).not.toContain('\n');
    const truncated = sample('heic/samplefilehub.heif').subarray(0, 2000);
    const err2 = await decodeHeic(truncated).catch((e: unknown) => e);
    expect(err2).toBeInstanceOf(MediaError);
  });

  it('decodes off the caller\'s thread: its event loop keeps turning meanwhile', async () => {
    // On the engine's thread a 12 MP decode would freeze searches for a second or two.
    const buffer = sample('heic/mobile/iphone_13_pro_max.HEIC');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const decodes = await Promise.all([decodeHeic(buffer), decodeHeic(buffer)]);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    expect(decodes.map((d) => d.info)).toEqual([
      { width: 3024, height: 4032, channels: 4 },
      { width: 3024, height: 4032, channels: 4 },
    ]);
    // A blocked loop would tick about once per decode; a free one about every 5 ms.
    expect(ticks).toBeGreaterThan(Math.min(20, elapsed / 50));
  });

  it('an idle decoder does not keep the process alive (a CLI exits right after its last HEIC)', async () => {
    const decoding = decodeHeic(sample('heic/IMG_5195.HEIC'));
    // While it decodes, the worker holds the process open, so the caller's await completes.
    expect(process.getActiveResourcesInfo()).toContain('MessagePort');
    await decoding;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(process.getActiveResourcesInfo()).not.toContain('MessagePort');
  });
});
