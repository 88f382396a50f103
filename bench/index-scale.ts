// Indexing at library scale (issue #12): peak RSS while a first index embeds 10k photos, and
// a re-run over the unchanged library beside `status` (it should cost about a listing). The
// index runs in a child process so the peak RSS is the indexer's, not the benchmark's.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { REPO_ROOT } from '../test/fixtures/models/paths';
import { rng } from '../test/helpers/seeded-random';
import { SHARED } from './bench-photos';

export interface IndexScaleFigures {
  photos: number;
  embedded: number;
  failed: number;
  indexSeconds: number;
  peakRssMb: number;
  /** Peak RSS once each tenth of the photos was done; the last peak above these is the upkeep after the run. */
  peakRssByTenthMb: number[];
  rerunSeconds: number;
  rerunEmbedded: number;
  statusSeconds: number;
}

export async function indexScale(modelDir: string, count: number): Promise<IndexScaleFigures> {
  const folder = await smallPhotos(count);
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/index-scale-child.ts'), modelDir, folder], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as IndexScaleFigures;
}

/** `count` distinct 640x480 JPEGs (crops, mirrors, exposures of ../shared's ImageNet photos), made once into .cache. */
export async function smallPhotos(count: number): Promise<string> {
  const dir = path.join(REPO_ROOT, '.cache', 'bench-photos', `small-${count}`);
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const root = path.join(SHARED, 'photos', 'imagenet');
  const sources = fs.readdirSync(root).filter((f) => /\.jpe?g$/i.test(f)).sort().map((f) => path.join(root, f));
  const decoded = await Promise.all(sources.map((s) => sharp(s).removeAlpha().toColourspace('srgb').resize(640, 480, { fit: 'cover' }).raw().toBuffer()));
  const random = rng(99);
  for (let i = 0; i < count; i++) {
    const w = 400 + Math.floor(random() * 240);
    const h = Math.round((w * 3) / 4);
    const left = Math.floor(random() * (640 - w));
    const top = Math.floor(random() * (480 - h));
    let image = sharp(decoded[i % decoded.length]!, { raw: { width: 640, height: 480, channels: 3 } }).extract({ left, top, width: w, height: h }).resize(640, 480);
    if (random() < 0.5) image = image.flop();
    await image.modulate({ brightness: 0.8 + 0.4 * random() }).jpeg({ quality: 88 }).toFile(path.join(dir, `${String(i).padStart(6, '0')}.jpg`));
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  return dir;
}
