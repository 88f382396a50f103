// Indexing into an S3 library against indexing into a local one (issue #13 item 5: >= 0.9x),
// on the same photos with the same model, in alternating rounds (local, S3, local, S3...)
// so the machine's load falls on both alike. Each round indexes into a new library; the rate
// is the run's own (photos / the summary's seconds: scan, decode, embed, commit in batches),
// maintenance after the run not counted, as bench/index-throughput.ts does.
// Standalone: `source /tmp/ceph-env.sh; npx tsx bench/s3-index.ts [rounds]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibrary } from '../src/core/engine';
import { LibraryLocation } from '../src/core/location/library-location';
import { fixtureModelDir, TINY_IMMICH, VIT_B32_IMMICH } from '../test/fixtures/models/paths';
import { SHARED } from './bench-photos';
import { freshS3Library, removeS3Library, s3Env } from './s3-env';
import { median, printTable, round } from './stats';

export interface S3IndexFigures {
  photos: number;
  model: string;
  localRates: number[];
  s3Rates: number[];
  /** median S3 rate / median local rate */
  ratio: number;
}

/** The ImageNet sample of ../shared (200 small JPEGs): decoding is cheap, so storage shows. */
function benchPhotos(): string[] {
  const root = path.join(SHARED, 'photos', 'imagenet');
  if (!fs.existsSync(root)) throw new Error(`bench needs ${root} (the ../shared test data beside the repo)`);
  return fs
    .readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => /\.jpe?g$/i.test(f))
    .map((f) => path.join(root, f))
    .sort();
}

async function indexRate(location: LibraryLocation, folder: string, modelDir: string, photos: number): Promise<number> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-home-'));
  const library = openLibrary({ home, location, modelDir, provider: 'cpu', command: 'bench' });
  try {
    await library.clip().warmUp('vision');
    await library.writable(); // connect (and, on S3, reach the bucket) outside the timing
    const summary = await library.index([folder]);
    if (summary.embedded !== photos) throw new Error(`indexed ${summary.embedded} of ${photos}: ${JSON.stringify(summary.failed.slice(0, 3))}`);
    return photos / summary.seconds;
  } finally {
    await library.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export async function s3IndexBench(rounds: number): Promise<S3IndexFigures | string> {
  const env = s3Env();
  if (!env) return 'skipped: no S3 server (source /tmp/ceph-env.sh, or set AWS_* and SHOEBOX_BENCH_S3)';
  const photos = benchPhotos();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-photos-'));
  photos.forEach((p, i) => fs.symlinkSync(p, path.join(folder, `${String(i).padStart(4, '0')}-${path.basename(p)}`)));
  // The ViT-B/32-shaped fixture (npm run fixtures) where it was generated, as the other index
  // benches use: a real model's inference cost. Else the tiny one, where storage weighs most.
  const model = fs.existsSync(fixtureModelDir(VIT_B32_IMMICH)) ? VIT_B32_IMMICH : TINY_IMMICH;
  const modelDir = fixtureModelDir(model);
  const localRates: number[] = [];
  const s3Rates: number[] = [];
  try {
    for (let r = 0; r < rounds; r++) {
      const localDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-lib-'));
      try {
        localRates.push(await indexRate(LibraryLocation.local(localDir), folder, modelDir, photos.length));
      } finally {
        fs.rmSync(localDir, { recursive: true, force: true });
      }
      const s3 = await freshS3Library('index', env);
      try {
        s3Rates.push(await indexRate(s3, folder, modelDir, photos.length));
      } finally {
        await removeS3Library(s3).catch(() => {});
      }
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return { photos: photos.length, model, localRates, s3Rates, ratio: median(s3Rates) / median(localRates) };
}

export function printS3Index(f: S3IndexFigures | string): void {
  if (typeof f === 'string') return printTable('Indexing into S3 vs a local library (issue #13 item 5)', [['index', f]]);
  const list = (rates: number[]) => rates.map((r) => r.toFixed(1)).join(', ');
  printTable(`Indexing into S3 vs a local library, ${f.photos} photos, ${f.model}, medians of ${f.localRates.length} alternating rounds (issue #13 item 5)`, [
    ['local library', `${median(f.localRates).toFixed(1)} photos/s`, `rounds ${list(f.localRates)}`],
    ['S3 library (Ceph RADOS Gateway here)', `${median(f.s3Rates).toFixed(1)} photos/s`, `rounds ${list(f.s3Rates)}`],
    ['S3 / local', `${f.ratio.toFixed(2)}x`, 'target >= 0.9; commits in batches of 32 photos or 2 s'],
  ]);
}

export function s3IndexJson(f: S3IndexFigures | string): Record<string, number | string> {
  if (typeof f === 'string') return { s3Index: f };
  return { s3IndexLocalRate: round(median(f.localRates), 1), s3IndexRate: round(median(f.s3Rates), 1), s3IndexRatio: round(f.ratio, 2) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await s3IndexBench(Number(process.argv[2] ?? 3));
  printS3Index(figures);
  console.log(JSON.stringify(s3IndexJson(figures)));
}
