// Real image files written for tests (sharp encodes them; nothing is mocked).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

export function tempDir(prefix = 'shoebox-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export const COLOURS: Record<string, [number, number, number]> = {
  red: [220, 20, 20],
  green: [20, 200, 30],
  blue: [25, 30, 210],
  yellow: [230, 220, 20],
};

/** A mostly-one-colour photo with a little texture, as a JPEG file. */
export async function writeColourPhoto(dir: string, name: string, rgb: [number, number, number], size = { width: 320, height: 240 }): Promise<string> {
  const file = path.join(dir, name);
  const { width, height } = size;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const jitter = ((i * 7919) % 23) - 11;
    for (let c = 0; c < 3; c++) pixels[i * 3 + c] = Math.max(0, Math.min(255, rgb[c]! + jitter));
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toFile(file);
  return file;
}
