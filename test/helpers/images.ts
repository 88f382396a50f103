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
  // Written under a hidden name and renamed into place: a watch running beside the test never
  // meets the photo half-written (Shoebox leaves hidden files alone).
  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.partial`);
  await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toFile(partial);
  fs.renameSync(partial, file);
  return file;
}

/** A landscape photo, red on its left half and blue on its right: which way up it shows is plain to see (Rotate). */
export async function writeRedLeftBlueRight(file: string, size = { width: 640, height: 480 }): Promise<string> {
  const half = (r: number, b: number) => sharp({ create: { width: size.width / 2, height: size.height, channels: 3, background: { r, g: 0, b } } }).png().toBuffer();
  await sharp({ create: { ...size, channels: 3, background: '#000' } })
    .composite([{ input: await half(255, 0), left: 0, top: 0 }, { input: await half(0, 255), left: size.width / 2, top: 0 }])
    .jpeg({ quality: 95 })
    .toFile(file);
  return file;
}

/**
 * `count` camera-sized JPEGs, p000.jpg…, each with content of its own: a hue turn of one
 * base alone gives some pairs byte-identical files, and a copy of a photo already embedded is
 * not embedded again, so counts of embedded photos would come out one short now and then.
 */
export async function writeDistinctPhotos(dir: string, count: number, size: { width: number; height: number }, background: string): Promise<void> {
  const base = await sharp({ create: { ...size, channels: 3, background } }).jpeg().toBuffer();
  const perRow = Math.floor(size.width / 16);
  for (let i = 0; i < count; i++) {
    const mark = { input: { create: { width: 16, height: 16, channels: 3 as const, background: '#ffffff' } }, left: (i % perRow) * 16, top: Math.floor(i / perRow) * 16 };
    const file = path.join(dir, `p${String(i).padStart(3, '0')}.jpg`);
    await sharp(base).modulate({ hue: i * 3 }).composite([mark]).jpeg({ quality: 85 }).toFile(file);
  }
}
