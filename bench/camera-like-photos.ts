// Camera-like JPEGs for the index benchmark, made on demand from ../shared's real photos:
// what a phone writes (baseline, 4:2:0, quality 92, 4-15 MP, a little sensor noise so the
// entropy decoder has a camera's work to do), each of distinct content (its own crop, scale,
// mirror and exposure of a strecha frame) so nothing is reused by content. They go to the
// git-ignored .cache, never into the repo, and are made once per COUNT.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { REPO_ROOT } from '../test/fixtures/models/paths';
import { rng } from '../test/helpers/seeded-random';
import { cameraPhotos } from './bench-photos';
import { cores } from '../src/base/thread-budget';

/** Sizes a phone or camera writes, 4 to 15 MP, all 4:3 or 3:2. */
const SIZES: [number, number][] = [
  [2448, 1632], // 4 MP
  [3264, 2448], // 8 MP
  [4000, 3000], // 12 MP, the commonest phone size
  [4032, 3024], // 12 MP
  [4608, 3456], // 16 MP class, 15.9 MP
  [4480, 3360], // 15 MP
];

export function cameraLikeDir(count: number): string {
  return path.join(REPO_ROOT, '.cache', 'bench-photos', `camera-like-${count}`);
}

/** `count` camera-like JPEGs (generated the first time), sorted by name. */
export async function cameraLikePhotos(count: number): Promise<string[]> {
  const dir = cameraLikeDir(count);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const sources = cameraPhotos();
    const random = rng(2026);
    // Each photo's six random draws are taken in order first, so the set is the same whatever
    // the order the photos are then made in: up to one per core at a time, as many as libuv's
    // pool runs (4 unless UV_THREADPOOL_SIZE raises it before the process starts).
    const draws = Array.from({ length: count }, () => Array.from({ length: 6 }, () => random()));
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < count; i = next++) {
        const [w, h] = SIZES[i % SIZES.length]!;
        await makeOne(sources[i % sources.length]!, path.join(dir, `${String(i).padStart(4, '0')}.jpg`), w, h, draws[i]!);
      }
    };
    await Promise.all(Array.from({ length: cores() }, worker));
    fs.writeFileSync(done, '');
  }
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => path.join(dir, f));
}

async function makeOne(source: string, out: string, width: number, height: number, draws: number[]): Promise<void> {
  let d = 0;
  const random = () => draws[d++]!;
  const meta = await sharp(source).metadata();
  // A crop of 55-95% of the frame at a random place: distinct content per photo.
  const scale = 0.55 + 0.4 * random();
  const cw = Math.round(meta.width! * scale);
  const ch = Math.round((cw * height) / width);
  const left = Math.floor(random() * (meta.width! - cw));
  const top = Math.floor(random() * Math.max(1, meta.height! - ch));
  let image = sharp(source).extract({ left, top, width: cw, height: Math.min(ch, meta.height! - top) }).resize(width, height, { fit: 'fill', kernel: 'cubic' });
  if (random() < 0.5) image = image.flop();
  image = image.modulate({ brightness: 0.85 + 0.3 * random(), saturation: 0.9 + 0.2 * random() });
  // Sensor noise: a few levels of grain, as a phone's output keeps after its denoiser (it
  // gives the entropy decoder a camera's work; smooth upscaled frames would flatter it).
  const grain = { create: { width, height, channels: 3 as const, background: '#808080', noise: { type: 'gaussian' as const, mean: 128, sigma: 12 } } };
  const noisy = await image.composite([{ input: grain, blend: 'soft-light' }]).raw().toBuffer({ resolveWithObject: true });
  await sharp(noisy.data, { raw: { width: noisy.info.width, height: noisy.info.height, channels: noisy.info.channels } })
    .jpeg({ quality: 92, chromaSubsampling: '4:2:0', progressive: false, mozjpeg: false, optimiseCoding: true })
    .toFile(out);
}

/**
 * `copies` byte-distinct copies of each photo (a JPEG comment segment naming the copy, right
 * after SOI): the same pixels and decode work, but new content to the library's hash, so a
 * long run over a few real frames embeds every file instead of reusing the first copy.
 */
export function distinctCopies(photos: string[], copies: number, name: string): string[] {
  const dir = path.join(REPO_ROOT, '.cache', 'bench-photos', `${name}-x${copies}`);
  const done = path.join(dir, '.complete');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    for (const [i, photo] of photos.entries()) {
      const bytes = fs.readFileSync(photo);
      if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error(`${photo}: not a JPEG`);
      for (let c = 0; c < copies; c++) {
        const text = Buffer.from(`shoebox bench copy ${c}`);
        const segment = Buffer.concat([Buffer.from([0xff, 0xfe, 0, text.length + 2]), text]);
        fs.writeFileSync(path.join(dir, `${String(i).padStart(3, '0')}-${c}.jpg`), Buffer.concat([bytes.subarray(0, 2), segment, bytes.subarray(2)]));
      }
    }
    fs.writeFileSync(done, '');
  }
  return fs.readdirSync(dir).filter((f) => f.endsWith('.jpg')).sort().map((f) => path.join(dir, f));
}
