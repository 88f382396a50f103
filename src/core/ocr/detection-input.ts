// The detector's input (PaddleOCR's DetResizeForTest with limit_type "max", then
// NormalizeImage): the raster scaled so its long side is at most `maxSide`, each side
// rounded to a multiple of 32 (the network downsamples five times), channels in BGR order
// normalised with ImageNet's mean and deviation listed as PaddleOCR lists them (it applies
// the RGB figures to BGR planes; the model was trained that way, so we do too).
import sharp from 'sharp';
import type { RgbImage } from './ocr-image';

export const DET_MAX_SIDE = 960;
const MEAN = [0.485, 0.456, 0.406];
const STD = [0.229, 0.224, 0.225];

export interface DetectionInput {
  data: Float32Array;
  width: number;
  height: number;
}

export function detectionSize(width: number, height: number, maxSide = DET_MAX_SIDE): { width: number; height: number } {
  const ratio = Math.max(width, height) > maxSide ? maxSide / Math.max(width, height) : 1;
  const round32 = (side: number): number => Math.max(32, Math.round((side * ratio) / 32) * 32);
  return { width: round32(width), height: round32(height) };
}

export async function detectionInput(image: RgbImage, maxSide = DET_MAX_SIDE): Promise<DetectionInput> {
  const size = detectionSize(image.width, image.height, maxSide);
  const pixels =
    size.width === image.width && size.height === image.height
      ? image.data
      : await sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
          .resize({ width: size.width, height: size.height, fit: 'fill' })
          .raw()
          .toBuffer();
  const plane = size.width * size.height;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    // BGR planes: B (pixel channel 2) first, normalised with the first mean/deviation.
    data[i] = (pixels[i * 3 + 2]! / 255 - MEAN[0]!) / STD[0]!;
    data[plane + i] = (pixels[i * 3 + 1]! / 255 - MEAN[1]!) / STD[1]!;
    data[2 * plane + i] = (pixels[i * 3]! / 255 - MEAN[2]!) / STD[2]!;
  }
  return { data, width: size.width, height: size.height };
}
