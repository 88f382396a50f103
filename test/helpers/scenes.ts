// Deterministic synthetic photos for the duplicate tests: smooth random scenes (blobs of
// several sizes, as natural images have detail at every scale), made with plain arithmetic.
import sharp from 'sharp';
import { rng } from './seeded-random';

/** A w x h RGB scene: gradient plus 60 soft blobs of random colour, size and place, and a fine grain. */
export function scene(seed: number, w = 480, h = 360): Uint8Array {
  const random = rng(seed);
  const blobs = Array.from({ length: 60 }, () => ({
    x: random() * w,
    y: random() * h,
    r: (0.02 + random() * 0.25) * Math.max(w, h),
    c: [random() * 255 - 128, random() * 255 - 128, random() * 255 - 128],
  }));
  const base = [random() * 128 + 64, random() * 128 + 64, random() * 128 + 64];
  const gx = random() - 0.5;
  const gy = random() - 0.5;
  const out = new Uint8Array(w * h * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = [base[0]! + 80 * (gx * x / w + gy * y / h), base[1]!, base[2]! - 60 * gy * y / h];
      for (const b of blobs) {
        const d2 = ((x - b.x) ** 2 + (y - b.y) ** 2) / (b.r * b.r);
        if (d2 > 9) continue;
        const weight = Math.exp(-d2) * 0.6;
        for (let c = 0; c < 3; c++) v[c]! += weight * b.c[c]!;
      }
      const grain = (((x >> 1) * 7919 + (y >> 1) * 104729 + seed * 31) % 41) - 20;
      for (let c = 0; c < 3; c++) out[(y * w + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(v[c]! + grain)));
    }
  }
  return out;
}

export async function sceneJpeg(seed: number, w = 480, h = 360, quality = 90): Promise<Buffer> {
  return sharp(Buffer.from(scene(seed, w, h)), { raw: { width: w, height: h, channels: 3 } }).jpeg({ quality }).toBuffer();
}
