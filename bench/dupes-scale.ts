// Duplicate scan at library scale: a store in a temp dir with n photo rows and their
// signatures, with the duplicate structure of a real library (most pictures once; some in
// 2-6 edited versions: resized, re-encoded, brightened, border- or wallpaper-cropped; some
// files copied byte for byte), then the full default scan (exact + near) as `shoebox dupes`
// runs it: rows and signatures read from LanceDB, candidates, verification, groups, keepers.
// Target: <= 60 s at 100k photos on the 2-core reference machine.
// Then the opt-in similar mode (CLIP cosine) at the same size, and its recall against all
// pairs at 20k (bench/similar-scale.ts, on synthetic embeddings of its own).
// Signatures come from synthetic pictures (bench/dupes-synthetic.ts, 1/f random fields) made
// on worker threads and cached in .cache/bench (the first run at 100k spends ~1-2 min there).
// Standalone: `npx tsx bench/dupes-scale.ts [n]` prints a table and one JSON line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openLibraryStore, type PhotoRecord, type SignatureRecord } from '../src/core/store';
import { findDuplicates } from '../src/core/dupes/find-duplicates';
import { folderThumbnails } from '../src/core/media';
import type { NearLinkStats } from '../src/core/dupes/near-index';
import { SIGNATURE_BYTES, SIGNATURE_VERSION } from '../src/core/dupes/signature';
import { spawnModuleWorker } from '../src/core/clip/worker-spawn';
import { REPO_ROOT } from '../test/fixtures/models/paths';
import { ClusteredVectors } from './clustered-vectors';
import { versionSpec, type VersionSpec } from './dupes-synthetic';
import { rng } from '../test/helpers/seeded-random';
import { peakRssMb, printTable, round } from './stats';
import { similarScale, similarScaleJson, similarScaleRows, type SimilarScaleFigures } from './similar-scale';

const DIMENSION = 512;
const MODEL = { id: 'bench-dupes-512', dimension: DIMENSION };
/** Bump when the synthetic library changes, so the signature cache is rebuilt. */
const GENERATOR_VERSION = 1;

export interface DupesScaleFigures {
  photos: number;
  contents: number;
  pictures: number;
  cores: number;
  generateSeconds: number;
  generatedFromCache: boolean;
  writeSeconds: number;
  /** The measured scan: exact + near, store reads included. */
  scanSeconds: number;
  /** Of which (measured again after the scan): listing the photo rows, reading the signatures. */
  listSeconds: number;
  signaturesReadSeconds: number;
  exactGroups: number;
  nearGroups: number;
  /** Pair precision / recall of the reported groups against the synthetic truth. */
  precision: number;
  recall: number;
  probedPerContent: number;
  verifiedPerContent: number;
  /** Of the exact + near scan (the similar mode's comes after). */
  peakRssMb: number;
  /** The similar mode at the same size (measured after the exact + near scan). */
  similar: SimilarScaleFigures;
}

interface Content {
  picture: number;
  spec: VersionSpec;
  copies: number;
}

/** Deterministic library layout: contents (distinct files) of pictures, with copies, n photos in all. */
function layout(n: number): Content[] {
  const random = rng(2024);
  const contents: Content[] = [];
  let photos = 0;
  for (let picture = 1; photos < n; picture++) {
    const r = random();
    const versions = r < 0.72 ? 1 : r < 0.86 ? 2 : r < 0.94 ? 3 : r < 0.98 ? 4 : 6;
    for (let v = 0; v < versions && photos < n; v++) {
      const c = random();
      const copies = Math.min(n - photos, c < 0.93 ? 1 : c < 0.99 ? 2 : 3);
      contents.push({ picture, spec: versionSpec(picture, v), copies });
      photos += copies;
    }
  }
  return contents;
}

/** Signatures of every content, made on two workers, cached on disk. */
async function signatures(contents: Content[]): Promise<{ bytes: Uint8Array; sharpness: Float64Array; fromCache: boolean }> {
  const cacheDir = path.join(REPO_ROOT, '.cache/bench');
  const file = path.join(cacheDir, `dupes-g${GENERATOR_VERSION}-s${SIGNATURE_VERSION}-${contents.length}.bin`);
  const size = contents.length * (SIGNATURE_BYTES + 8);
  if (fs.existsSync(file) && fs.statSync(file).size === size) {
    const buf = fs.readFileSync(file);
    return {
      bytes: new Uint8Array(buf.buffer, buf.byteOffset, contents.length * SIGNATURE_BYTES).slice(),
      sharpness: new Float64Array(buf.buffer.slice(buf.byteOffset + contents.length * SIGNATURE_BYTES, buf.byteOffset + size)),
      fromCache: true,
    };
  }
  const bytes = new Uint8Array(contents.length * SIGNATURE_BYTES);
  const sharpness = new Float64Array(contents.length);
  const workers = Array.from({ length: Math.max(1, Math.min(4, os.availableParallelism())) }, () =>
    spawnModuleWorker(new URL('./dupes-signature-worker.ts', import.meta.url)),
  );
  const chunk = 2000;
  let next = 0;
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < contents.length) {
          const from = next;
          next += chunk;
          const specs = contents.slice(from, from + chunk).map((c) => c.spec);
          const result = await new Promise<{ bytes: Uint8Array; sharpness: Float64Array }>((resolve, reject) => {
            const onError = (err: Error) => {
              worker.off('message', onMessage);
              reject(err);
            };
            const onMessage = (message: { bytes: Uint8Array; sharpness: Float64Array }) => {
              worker.off('error', onError);
              resolve(message);
            };
            worker.once('message', onMessage);
            worker.once('error', onError);
            worker.postMessage(specs);
          });
          bytes.set(result.bytes, from * SIGNATURE_BYTES);
          sharpness.set(result.sharpness, from);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  fs.mkdirSync(cacheDir, { recursive: true });
  fs.writeFileSync(file, Buffer.concat([Buffer.from(bytes.buffer), Buffer.from(sharpness.buffer)]));
  return { bytes, sharpness, fromCache: false };
}

function hashOf(content: number): string {
  return content.toString(16).padStart(16, '0').repeat(4);
}

export async function dupesScale(n = 100_000): Promise<DupesScaleFigures> {
  const contents = layout(n);
  const t0 = performance.now();
  const sigs = await signatures(contents);
  const generateSeconds = (performance.now() - t0) / 1000;

  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-dupes-bench-'));
  try {
    const store = await openLibraryStore(path.join(home, 'library'), { model: MODEL });
    const pictureOf = new Map<string, number>();
    const vectors = new ClusteredVectors(DIMENSION, 1000, 32, 7);
    const t1 = performance.now();
    let batch: PhotoRecord[] = [];
    let sigBatch: SignatureRecord[] = [];
    for (const [i, content] of contents.entries()) {
      const hash = hashOf(i);
      const vector = vectors.photo();
      const width = Math.round(content.spec.longSide * 40 * (content.spec.aspect >= 1 ? 1 : content.spec.aspect));
      const height = Math.round(width / (content.spec.aspect * (content.spec.keepWidth / content.spec.keepHeight)));
      for (let c = 0; c < content.copies; c++) {
        const folder = `/bench/f${content.picture % 10}`;
        const p = `${folder}/s${content.picture % 97}/p${content.picture}-${i}-${c}.jpg`;
        pictureOf.set(p, content.picture);
        batch.push({
          path: p,
          folder,
          size: 200_000 + ((i * 7919) % 3_000_000),
          mtimeMs: 1_700_000_000_000 + i,
          hash,
          width,
          height,
          takenAt: i % 3 ? 1_600_000_000_000 + i * 1000 : null,
          cameraMake: i % 2 ? 'Canon' : null,
          cameraModel: null,
          gpsLat: null,
          gpsLon: null,
          orientation: null,
          modelId: MODEL.id,
          vector,
          thumbKey: `${hash.slice(0, 2)}/${hash}.jpg`,
          indexedAt: 1_700_000_000_000,
        });
      }
      sigBatch.push({ hash, version: SIGNATURE_VERSION, signature: sigs.bytes.subarray(i * SIGNATURE_BYTES, (i + 1) * SIGNATURE_BYTES), sharpness: sigs.sharpness[i]! });
      if (batch.length >= 10_000) {
        await store.upsertPhotos(batch);
        batch = [];
      }
      if (sigBatch.length >= 10_000) {
        await store.putSignatures(sigBatch);
        sigBatch = [];
      }
    }
    if (batch.length) await store.upsertPhotos(batch);
    if (sigBatch.length) await store.putSignatures(sigBatch);
    await store.optimize();
    const writeSeconds = (performance.now() - t1) / 1000;

    let near: NearLinkStats = { probed: 0, verified: 0, links: 0 };
    const t2 = performance.now();
    const scan = await findDuplicates({ store, thumbs: folderThumbnails(path.join(home, 'thumbs')) }, { onNearStats: (s) => (near = s) });
    const scanSeconds = (performance.now() - t2) / 1000;
    // The scan's two store reads again, alone (warm now), to show where the time goes.
    const t3 = performance.now();
    await store.listPhotos();
    const listSeconds = (performance.now() - t3) / 1000;
    const t4 = performance.now();
    await store.getSignatures();
    const signaturesReadSeconds = (performance.now() - t4) / 1000;
    await store.close();

    // Pairs within reported groups (exact and near together) against the truth.
    const reported = new Set<string>();
    for (const g of scan.groups) {
      const paths = g.members.map((m) => m.path);
      for (let a = 0; a < paths.length; a++) for (let b = a + 1; b < paths.length; b++) reported.add(paths[a]! < paths[b]! ? `${paths[a]}\0${paths[b]}` : `${paths[b]}\0${paths[a]}`);
    }
    let truePositives = 0;
    for (const pair of reported) {
      const [a, b] = pair.split('\0');
      if (pictureOf.get(a!) === pictureOf.get(b!)) truePositives++;
    }
    const perPicture = new Map<number, number>();
    for (const picture of pictureOf.values()) perPicture.set(picture, (perPicture.get(picture) ?? 0) + 1);
    let truth = 0;
    for (const k of perPicture.values()) truth += (k * (k - 1)) / 2;

    const peakRssBeforeSimilar = peakRssMb();
    const similar = await similarScale(n);
    return {
      photos: scan.stats.photos,
      contents: scan.stats.contents,
      pictures: perPicture.size,
      cores: os.availableParallelism(),
      generateSeconds,
      generatedFromCache: sigs.fromCache,
      writeSeconds,
      scanSeconds,
      listSeconds,
      signaturesReadSeconds,
      exactGroups: scan.groups.filter((g) => g.kind === 'exact').length,
      nearGroups: scan.groups.filter((g) => g.kind === 'near').length,
      precision: reported.size ? truePositives / reported.size : 1,
      recall: truth ? truePositives / truth : 1,
      probedPerContent: near.probed / contents.length,
      verifiedPerContent: near.verified / contents.length,
      peakRssMb: peakRssBeforeSimilar,
      similar,
    };
  } finally {
    fs.rmSync(home, { recursive: true, force: true });
  }
}

export function printDupesScale(f: DupesScaleFigures): void {
  printTable(`Duplicate scan at scale (exact + near, then similar), ${f.photos} photos, ${f.cores} cores`, [
    ['photos / distinct contents / pictures', `${f.photos} / ${f.contents} / ${f.pictures}`, 'synthetic 1/f pictures with edited versions and byte copies'],
    ['full scan, store reads included', `${f.scanSeconds.toFixed(1)} s`, `target <= 60 s at 100k`],
    ['  of which: photo rows / signatures read', `${f.listSeconds.toFixed(1)} s / ${f.signaturesReadSeconds.toFixed(1)} s`, 'the same reads again after the scan'],
    ['groups: exact / near', `${f.exactGroups} / ${f.nearGroups}`],
    ['pair precision / recall vs the synthetic truth', `${f.precision.toFixed(4)} / ${f.recall.toFixed(4)}`],
    ['bucket entries read / verified pairs per content', `${f.probedPerContent.toFixed(0)} / ${f.verifiedPerContent.toFixed(1)}`, 'multi-index hashing, not n^2'],
    ['setup: signatures / store writes', `${f.generateSeconds.toFixed(1)} s / ${f.writeSeconds.toFixed(1)} s`, f.generatedFromCache ? 'signatures from .cache/bench' : 'signatures generated'],
    ['peak RSS', `${f.peakRssMb.toFixed(0)} MB`, 'exact + near scan'],
    ...similarScaleRows(f.similar),
  ]);
}

export function dupesScaleJson(f: DupesScaleFigures): Record<string, number> {
  return {
    dupes_photos: f.photos,
    dupes_scan_s: round(f.scanSeconds),
    dupes_precision: round(f.precision, 4),
    dupes_recall: round(f.recall, 4),
    dupes_probed_per_content: round(f.probedPerContent, 0),
    dupes_peak_rss_mb: round(f.peakRssMb, 0),
    ...Object.fromEntries(Object.entries(similarScaleJson(f.similar)).map(([key, value]) => [`dupes_${key}`, value])),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 100_000);
  const figures = await dupesScale(n);
  printDupesScale(figures);
  console.log(JSON.stringify({ bench: 'shoebox-dupes', ...dupesScaleJson(figures) }));
}
