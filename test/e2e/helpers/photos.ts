// The e2e library: a few named colour photos the tiny fixture model tells apart by colour
// words, enough filler that indexing takes long enough to show progress, and one broken
// file that must be reported with its reason (and one more in a nested folder, so the
// failure list must say where it is). Filler colours keep blue low, so "blue" and "more like
// blue" have unambiguous answers. More than 200 photos (the grid's page): "more like this"
// ranks them all, so its count is known only once the last page has come.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { COLOURS, writeColourPhoto } from '../../helpers/images';

export const FILLER = 240;

export async function writeLibraryPhotos(dir: string): Promise<{ photos: number; failed: number }> {
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(dir, `${name}.jpg`, rgb);
  await writeColourPhoto(dir, 'blue again.jpg', [40, 50, 190]);
  await writeCameraPhoto(path.join(dir, 'yellow canon.jpg'), [225, 215, 35]);
  fs.mkdirSync(path.join(dir, 'filler'));
  const jobs: Promise<string>[] = [];
  for (let i = 0; i < FILLER; i++) {
    const t = i / FILLER;
    const rgb: [number, number, number] = [Math.round(230 - 150 * t), Math.round(40 + 180 * t), 20 + (i % 5) * 6];
    jobs.push(writeColourPhoto(path.join(dir, 'filler'), `filler-${String(i).padStart(3, '0')}.jpg`, rgb, { width: 160, height: 120 }));
  }
  // The library view is a timeline, newest first (by the file's time for photos without a
  // date): the named photos are the newest, a second apart in name order ("blue again.jpg",
  // "blue.jpg", "green.jpg", ...), so tests find them first and in that order; the filler is
  // an hour older. The newest is 10 s old, so a file a test writes afterwards (tags.test.ts'
  // copy of blue.jpg) is newer still: the kernel stamps files from a coarse clock that can
  // lag Date.now() by a few ms, and such a copy once sorted between "blue again" and "blue".
  const hourAgo = new Date(Date.now() - 3_600_000);
  for (const file of await Promise.all(jobs)) fs.utimesSync(file, hourAgo, hourAgo);
  const named = [...Object.keys(COLOURS).map((name) => `${name}.jpg`), 'blue again.jpg', 'yellow canon.jpg'].sort();
  named.forEach((name, i) => {
    const time = new Date(Date.now() - 10_000 - i * 1000);
    fs.utimesSync(path.join(dir, name), time, time);
  });
  fs.writeFileSync(path.join(dir, 'broken.jpg'), 'this is not a photo');
  fs.mkdirSync(path.join(dir, 'filler', 'scans'));
  fs.writeFileSync(path.join(dir, 'filler', 'scans', 'text.jpg'), 'neither is this');
  return { photos: Object.keys(COLOURS).length + 2 + FILLER, failed: 2 };
}

/** A photo with EXIF camera and date, for the filters: a Canon EOS R5, 15 June 2021. */
async function writeCameraPhoto(file: string, rgb: [number, number, number]): Promise<void> {
  const pixels = Buffer.alloc(320 * 240 * 3);
  for (let i = 0; i < 320 * 240; i++) pixels.set(rgb, i * 3);
  await sharp(pixels, { raw: { width: 320, height: 240, channels: 3 } })
    .withExif({ IFD0: { Make: 'Canon', Model: 'Canon EOS R5' }, IFD2: { DateTimeOriginal: '2021:06:15 10:30:00' } })
    .jpeg({ quality: 90 })
    .toFile(file);
}
