// Fidelity: a video frame reaches CLIP through the same preprocessing as a photo. A still
// video made losslessly from a real photo must give the model the input the photo itself
// gives (within the project's decode tolerance: 0.5 levels mean, 2 worst; README "Fidelity").
// Small frames reach the pipeline untouched; large ones are reduced by ffmpeg (bicubic) to
// the raster preprocess.ts would cut from (3x the model size), the one step that differs.
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { preprocessImage } from '../../src/core/clip/preprocess';
import type { ImagePreprocessing } from '../../src/core/clip/model-folder';
import { DEFAULT_SAMPLING, readVideoFrames, type VideoFrame } from '../../src/core/media';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';
import { systemFfmpeg, writePhotoStill } from '../helpers/videos';

/** ViT-B/32's preprocessing (open_clip / Immich). */
const VIT_B32: ImagePreprocessing = { size: 224, mean: [0.48145466, 0.4578275, 0.40821073], std: [0.26862954, 0.26130258, 0.27577711], resizeMode: 'shortest', cropRounding: 'half-even' };

const photos = [
  ['a 500x375 photo (no reduction)', 'imagenet/n01440764_tench.JPEG', 0, 0],
  // Measured here: 0.139 mean, 1.0 worst.
  ['a 3072x2048 photo (ffmpeg reduces it)', 'strecha/entry-P10/0000.jpg', 0.5, 2],
] as const;

describe.skipIf(!sharedAvailable('photos'))('a video frame and its photo give the model the same input', () => {
  it.each(photos)('%s', async (_name, file, meanLimit, maxLimit) => {
    const dir = tempDir('shoebox-video-fidelity-');
    const png = path.join(dir, 'photo.png');
    await sharp(sharedPath('photos', file)).autoOrient().png().toFile(png);
    const video = writePhotoStill(path.join(dir, 'still.mkv'), png);
    let frame: VideoFrame | undefined;
    for await (const f of readVideoFrames(systemFfmpeg().path, video, { ...DEFAULT_SAMPLING, shortSide: VIT_B32.size * 3 }, 1)) frame ??= f;
    // As the indexer does for each: the photo with its thumbnail, the frame's raster as it comes.
    const fromPhoto = await preprocessImage(png, VIT_B32, { thumbnailSize: 384 });
    const fromFrame = await preprocessImage({ data: frame!.raster.data, info: { width: frame!.raster.width, height: frame!.raster.height, channels: 3 } }, VIT_B32);
    const { mean, max } = levelDifference(fromPhoto.pixels, fromFrame.pixels, VIT_B32);
    expect(mean).toBeLessThanOrEqual(meanLimit);
    expect(max).toBeLessThanOrEqual(maxLimit);
  }, 60_000);
});

/** Differences of two CHW model inputs, in 0..255 levels of the pixels they came from. */
function levelDifference(a: Float32Array, b: Float32Array, pre: ImagePreprocessing): { mean: number; max: number } {
  const plane = pre.size * pre.size;
  let sum = 0;
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!) * pre.std[Math.floor(i / plane)]! * 255;
    sum += d;
    if (d > max) max = d;
  }
  return { mean: sum / a.length, max };
}
