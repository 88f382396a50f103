// CPU cost of the duplicate signature per indexed photo (issue #12: every ms of CPU per
// photo counts on 2 cores). Decodes ~20 real photos to the 384-px raster the indexer gives
// the signature worker, then times perceptualSignature against the frozen version-1 code
// (test/unit/dupes/reference/perceptual-signature-v1.ts), alternating A/B round by round so
// that a loaded machine hurts both alike, and checks they agree bit for bit. CPU time of the
// process (process.cpuUsage), not wall time: the machine may be busy with other work.
//
//   npx tsx bench/signature-cost.ts [--rounds N] [--photos N]
//
// Prints the median ms per photo of each and the per-stage costs of both (grey, summed-area
// table, Laplacian, the 16 views' sampling, their DCTs, their medians).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { LowFrequencyDct } from '../src/core/dupes/dct';
import { scanGrey } from '../src/core/dupes/grey-scan';
import { AreaSampler } from '../src/core/dupes/raster';
import { SIGNATURE_RASTER_SIDE, VIEW_COUNT, VIEW_SCALE_STEP, perceptualSignature } from '../src/core/dupes/signature';
import * as v1 from '../test/unit/dupes/reference/perceptual-signature-v1';
import { SHARED } from './bench-photos';

interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function photoFiles(count: number): string[] {
  const jpegs = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /\.jpe?g$/i.test(f)).sort().map((f) => path.join(dir, f)) : []);
  const strecha = path.join(SHARED, 'photos', 'strecha');
  const camera = fs.existsSync(strecha) ? fs.readdirSync(strecha).sort().flatMap((d) => jpegs(path.join(strecha, d))) : [];
  const web = jpegs(path.join(SHARED, 'photos', 'imagenet'));
  const half = Math.ceil(count / 2);
  return [...camera.slice(0, half), ...web.slice(0, count - Math.min(half, camera.length))];
}

/** The raster signatureFromImage computes from (the indexer's thumbnail raster). */
async function decode(file: string): Promise<Raster> {
  const { data, info } = await sharp(file, { autoOrient: true })
    .resize(SIGNATURE_RASTER_SIDE, SIGNATURE_RASTER_SIDE, { fit: 'inside', withoutEnlargement: true, kernel: 'cubic' })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** CPU ms (user + system, all threads: GC included) per call of `run` over every raster. */
function cpuPerPhoto(rasters: Raster[], run: (r: Raster) => void, repetitions: number): number {
  const start = process.cpuUsage();
  for (let rep = 0; rep < repetitions; rep++) for (const r of rasters) run(r);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / (repetitions * rasters.length);
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const views = (r: Raster): [number, number, number][] => {
  const short = Math.min(r.width, r.height);
  return Array.from({ length: VIEW_COUNT }, (_, k) => {
    const side = short * VIEW_SCALE_STEP ** k;
    return [(r.width - side) / 2, (r.height - side) / 2, side];
  });
};

/** Median CPU ms per photo of each stage, measured alone over every raster. */
function stages(rasters: Raster[], repetitions: number, rounds: number): Record<string, Record<string, number>> {
  const grid = new Float64Array(32 * 32);
  const coefficients = new Float64Array(257);
  const low = coefficients.subarray(1, 65);
  const prepared = rasters.map((r) => {
    const grey = v1.greyFromRgb(r.data, r.width, r.height);
    return { r, grey, before: new v1.AreaSampler(grey, r.width, r.height), views: views(r) };
  });
  const dctBefore = new v1.LowFrequencyDct(32, 257);
  const dctAfter = new LowFrequencyDct(32, 257);
  const sampleAll = (sampler: { sample: v1.AreaSampler['sample'] }, vs: [number, number, number][]): void => {
    for (const [x0, y0, side] of vs) sampler.sample(x0, y0, x0 + side, y0 + side, 32, 32, grid);
  };
  const cases: Record<string, Record<string, (p: (typeof prepared)[number]) => void>> = {
    before: {
      grey: (p) => v1.greyFromRgb(p.r.data, p.r.width, p.r.height),
      'summed-area table': (p) => new v1.AreaSampler(p.grey, p.r.width, p.r.height),
      laplacian: (p) => v1.laplacianVariance(p.grey, p.r.width, p.r.height),
      '16 views sampled': (p) => sampleAll(p.before, p.views),
      '16 DCTs': () => {
        for (let k = 0; k < VIEW_COUNT; k++) dctBefore.transform(grid, coefficients);
      },
      '16 medians': () => {
        for (let k = 0; k < VIEW_COUNT; k++) v1.medianOf(low);
      },
    },
    after: {
      'grey + table + laplacian (one pass)': (p) => scanGrey(p.r.data, p.r.width, p.r.height),
      '16 views sampled': (p) => sampleAll(new AreaSampler(scanGrey(p.r.data, p.r.width, p.r.height), p.r.width, p.r.height), p.views),
      '16 DCTs': () => {
        for (let k = 0; k < VIEW_COUNT; k++) dctAfter.transform(grid, coefficients);
      },
    },
  };
  const out: Record<string, Record<string, number>> = {};
  for (const [side, stageCases] of Object.entries(cases)) {
    out[side] = {};
    for (const [stage, run] of Object.entries(stageCases)) {
      const samples: number[] = [];
      for (let round = 0; round < rounds; round++) {
        const start = process.cpuUsage();
        for (let rep = 0; rep < repetitions; rep++) for (const p of prepared) run(p);
        const used = process.cpuUsage(start);
        samples.push((used.user + used.system) / 1000 / (repetitions * prepared.length));
      }
      out[side][stage] = median(samples);
    }
  }
  // The sampling case "after" includes its scan: subtract it so the line is the sampling alone.
  out.after!['16 views sampled']! -= out.after!['grey + table + laplacian (one pass)']!;
  return out;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(SHARED, 'photos'))) {
    console.log(`skipping: ${path.join(SHARED, 'photos')} is absent (the ../shared test data beside the repo)`);
    return;
  }
  const rounds = option('--rounds', 15);
  const files = photoFiles(option('--photos', 20));
  const rasters = await Promise.all(files.map(decode));
  console.log(`${rasters.length} photos: ${[...new Set(rasters.map((r) => `${r.width}x${r.height}`))].join(', ')}`);

  for (const r of rasters) {
    const [a, b] = [perceptualSignature(r.data, r.width, r.height), v1.referencePerceptualSignature(r.data, r.width, r.height)];
    if (Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)) !== 0 || !Object.is(a.sharpness, b.sharpness)) throw new Error('the signature differs from version 1');
  }
  const before = (r: Raster): void => void v1.referencePerceptualSignature(r.data, r.width, r.height);
  const after = (r: Raster): void => void perceptualSignature(r.data, r.width, r.height);
  // Warm both up (JIT), then alternate: A B, B A, A B, ...
  cpuPerPhoto(rasters, before, 10);
  cpuPerPhoto(rasters, after, 10);
  const samples = { before: [] as number[], after: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const);
    for (const which of order) samples[which].push(cpuPerPhoto(rasters, which === 'before' ? before : after, 5));
  }
  const [b, a] = [median(samples.before), median(samples.after)];
  console.log(`perceptualSignature, CPU ms per photo (median of ${rounds} alternating rounds):`);
  console.log(`  version 1 code: ${b.toFixed(3)}   now: ${a.toFixed(3)}   saved: ${(b - a).toFixed(3)} ms per indexed photo (${((1 - a / b) * 100).toFixed(0)}%)`);

  console.log('per stage, CPU ms per photo:');
  for (const [side, costs] of Object.entries(stages(rasters, 5, 5))) {
    console.log(`  ${side === 'before' ? 'version 1 code' : 'now'}:`);
    for (const [stage, ms] of Object.entries(costs)) console.log(`    ${stage.padEnd(38)} ${ms.toFixed(3)}`);
  }
}

await main();
