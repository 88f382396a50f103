import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preprocessImage, ImageDecodeError, cropOffset, resizedSize } from '../../../src/core/clip/preprocess';
import type { ImagePreprocessing } from '../../../src/core/clip/model-folder';
import { REFERENCE_PYTHON, pillowAvailable, sharedAvailable, sharedPath } from '../../helpers/shared-data';
import { REPO_ROOT } from '../../fixtures/models/paths';
import { tempDir } from '../../helpers/images';

// Unnormalised ([0,1]) so differences read directly in pixel levels.
const raw = (cropRounding: ImagePreprocessing['cropRounding']): ImagePreprocessing => ({
  size: 224,
  mean: [0, 0, 0],
  std: [1, 1, 1],
  resizeMode: 'shortest',
  cropRounding,
});

/** Pillow's pixels for the same files, from test/reference/clip_preprocess_reference.py. */
function pillowReference(files: string[], rounding: string): Float32Array[] {
  const out = tempDir('shoebox-ref-');
  execFileSync(REFERENCE_PYTHON, [path.join(REPO_ROOT, 'test/reference/clip_preprocess_reference.py'), '224', rounding, out, ...files]);
  return files.map((_, i) => new Float32Array(new Uint8Array(fs.readFileSync(path.join(out, `${i}.f32`))).buffer));
}

function levels(a: Float32Array, b: Float32Array): { mean: number; max: number } {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!) * 255;
    sum += d;
    max = Math.max(max, d);
  }
  return { mean: sum / a.length, max };
}

const canCompare = sharedAvailable('photos') && pillowAvailable();

describe.skipIf(!canCompare)("preprocessing matches CLIP's PIL reference on real photos", () => {
  const photos = canCompare
    ? [
        'strecha/fountain-P11/0000.jpg', // 6 MP camera frame: JPEG shrink-on-load path
        'imagenet/n01440764_tench.JPEG',
        'exif-samples/jpg/orientation/portrait_6.jpg', // EXIF-rotated
        'exif-samples/jpg/orientation/landscape_8.jpg',
        'exif-samples/jpg/Canon_40D.jpg', // ICC-tagged and only 100x68: enlarged
      ].map((p) => sharedPath('photos', p))
    : [];

  // Both paths: embed-image and search by image reduce the photo directly; indexing cuts the
  // input and the thumbnail from one decode. The library's vectors come from the second.
  it.each([
    ['half-even', 'as embed-image reads it', {}],
    ['floor', 'as embed-image reads it', {}],
    ['half-even', 'as the indexer reads it (with a thumbnail)', { thumbnailSize: 384 }],
    ['floor', 'as the indexer reads it (with a thumbnail)', { thumbnailSize: 384 }],
  ] as const)('with %s crop rounding, %s, to a fraction of a level', async (rounding, _how, options) => {
    const reference = pillowReference(photos, rounding);
    for (const [i, file] of photos.entries()) {
      const ours = await preprocessImage(file, raw(rounding), options);
      const diff = levels(ours.pixels, reference[i]!);
      expect(diff.mean, file).toBeLessThan(0.5);
    }
  });

  it('enlarges small photos exactly as Pillow does', async () => {
    const dir = tempDir();
    const small = path.join(dir, 'small.png');
    const wide = path.join(dir, 'wide.png');
    await sharp(photos[1]).resize(90, 61, { fit: 'fill' }).png().toFile(small);
    await sharp(photos[1]).resize(1200, 100, { fit: 'fill' }).png().toFile(wide);
    const reference = pillowReference([small, wide, photos[4]!], 'half-even');
    for (const [i, file] of [small, wide, photos[4]!].entries()) {
      const diff = levels((await preprocessImage(file, raw('half-even'))).pixels, reference[i]!);
      expect(diff.max, file).toBe(0);
    }
  });

  // Rotate: a photo the user turned is embedded as if its file had been turned (the reference
  // reads a lossless turned copy), on both paths, the small photo's enlargement included.
  it('sees a photo the user turned as Pillow sees its file turned, on both paths', async () => {
    const dir = tempDir('shoebox-turned-');
    const cases = [photos[0]!, photos[2]!, photos[4]!].flatMap((file) => [1, 2, 3].map((turns) => ({ file, turns })));
    const turnedFiles = await Promise.all(cases.map(async ({ file, turns }, i) => {
      const out = path.join(dir, `${i}.png`);
      // Pixels as decoded (no colour management, as CLIP's inputs), upright, then turned.
      const upright = await sharp(file, { autoOrient: true, ignoreIcc: true }).png().toBuffer();
      await sharp(upright).rotate(turns * 90).png().toFile(out);
      return out;
    }));
    const reference = pillowReference(turnedFiles, 'half-even');
    for (const [i, { file, turns }] of cases.entries()) {
      const upright = await preprocessImage(file, raw('half-even'));
      for (const options of [{ turns }, { turns, thumbnailSize: 384 }]) {
        const ours = await preprocessImage(file, raw('half-even'), options);
        const what = `${path.basename(file)} turned ${turns * 90}° ${options.thumbnailSize ? 'with' : 'without'} a thumbnail`;
        expect(levels(ours.pixels, reference[i]!).mean, what).toBeLessThan(0.5);
        expect(levels(ours.pixels, upright.pixels).mean, what).toBeGreaterThan(5); // it did turn
        expect([ours.width, ours.height], what).toEqual([upright.width, upright.height]); // the file's size
        // The thumbnail is the file's, unturned: every copy of the photo shares it.
        if (options.thumbnailSize) expect((await sharp(ours.thumbnail!).metadata()).width! > (await sharp(ours.thumbnail!).metadata()).height!, what).toBe(upright.width > upright.height);
      }
    }
  }, 120_000);

  it('reports dimensions after EXIF orientation', async () => {
    const rotated = await preprocessImage(photos[2]!, raw('half-even'));
    const meta = await sharp(photos[2]!).metadata();
    expect(meta.orientation).toBe(6);
    expect([rotated.width, rotated.height]).toEqual([meta.height, meta.width]);
  });
});

describe('geometry of the reference resize and crop', () => {
  it('truncates the long side and rounds crop halves as each reference does', () => {
    expect(resizedSize(3072, 2048, raw('floor'))).toEqual({ width: 336, height: 224 });
    expect(resizedSize(100, 333, raw('floor'))).toEqual({ width: 224, height: 745 });
    // margin 0.5: torchvision rounds half to even (0), HF floors (0); margin 1.5: 2 vs 1
    expect(cropOffset(225, 224, 'half-even')).toBe(0);
    expect(cropOffset(227, 224, 'half-even')).toBe(2);
    expect(cropOffset(227, 224, 'floor')).toBe(1);
  });
});

describe('photos that cannot be decoded', () => {
  it.each([
    ['empty.jpg', Buffer.alloc(0)],
    ['notes.jpg', Buffer.from('these are my notes, not a photo\n')],
  ])('%s gives a one-line reason', async (name, bytes) => {
    const file = path.join(tempDir(), name);
    fs.writeFileSync(file, bytes);
    const err = await preprocessImage(file, raw('floor')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageDecodeError);
    expect((err as Error).message).not.toContain('\n');
  });

  it('a truncated JPEG is damaged image data, in the one wording every command uses (never libvips\' own lines)', async () => {
    const full = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
    const file = path.join(tempDir(), 'cut.jpg');
    fs.writeFileSync(file, full.subarray(0, Math.floor(full.length / 3)));
    const err = await preprocessImage(file, raw('floor'), { thumbnailSize: 384 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImageDecodeError);
    // Decoded alone it once gave libjpeg's "premature end of JPEG image"; beside others
    // (indexing), where libvips' shared error buffer loses that line, this: one wording.
    expect((err as Error).message).toBe('damaged image data (the decoder stopped at a corrupt part)');
  });

  it('a damaged JPEG decoded beside others says so, never "unknown error" (libvips shares one error buffer between threads)', async () => {
    const full = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#3a6' } }).jpeg().toBuffer();
    const dir = tempDir();
    const cut = path.join(dir, 'cut.jpg');
    fs.writeFileSync(cut, full.subarray(0, Math.floor(full.length / 2)));
    const reasons = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const results = await Promise.all(Array.from({ length: 8 }, (_, i) => preprocessImage(i % 2 ? cut : full, raw('floor'), { thumbnailSize: 384 }).then(() => null, (e: Error) => e.message)));
      for (const r of results) if (r !== null) reasons.add(r);
    }
    expect(reasons.size).toBeGreaterThan(0);
    for (const reason of reasons) expect(reason).toBe('damaged image data (the decoder stopped at a corrupt part)');
  });
});
