// Colour photos that carry EXIF (date taken, camera, GPS), for filter tests. sharp writes the
// EXIF; the library reads it back through media/exif.ts like any camera's.
import path from 'node:path';
import sharp from 'sharp';

export interface TestExif {
  /** "YYYY:MM:DD HH:MM:SS", as cameras write DateTimeOriginal. */
  taken?: string;
  /** "+HH:MM", as cameras write OffsetTimeOriginal beside it. */
  offset?: string;
  make?: string;
  model?: string;
  /** Decimal degrees. */
  gps?: { lat: number; lon: number };
}

function dms(value: number): string {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/** A mostly-one-colour JPEG (like helpers/images.ts writeColourPhoto) with the given EXIF. */
export async function writeExifColourPhoto(dir: string, name: string, rgb: [number, number, number], exif: TestExif = {}): Promise<string> {
  const file = path.join(dir, name);
  const width = 160;
  const height = 120;
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < width * height; i++) {
    const jitter = ((i * 7919) % 23) - 11;
    for (let c = 0; c < 3; c++) pixels[i * 3 + c] = Math.max(0, Math.min(255, rgb[c]! + jitter));
  }
  const ifd0: Record<string, string> = {};
  if (exif.make) ifd0.Make = exif.make;
  if (exif.model) ifd0.Model = exif.model;
  const ifd2: Record<string, string> = exif.taken ? { DateTimeOriginal: exif.taken, ...(exif.offset ? { OffsetTimeOriginal: exif.offset } : {}) } : {};
  const ifd3: Record<string, string> = exif.gps
    ? { GPSLatitudeRef: exif.gps.lat < 0 ? 'S' : 'N', GPSLatitude: dms(exif.gps.lat), GPSLongitudeRef: exif.gps.lon < 0 ? 'W' : 'E', GPSLongitude: dms(exif.gps.lon) }
    : {};
  await sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({ IFD0: ifd0, IFD2: ifd2, IFD3: ifd3 })
    .jpeg({ quality: 90 })
    .toFile(file);
  return file;
}
