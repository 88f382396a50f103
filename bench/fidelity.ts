// How faithful Shoebox's image embeddings are to CLIP's reference preprocessing: the same
// model embeds (a) our sharp pipeline's input and (b) Pillow's reference input
// (test/reference/clip_preprocess_reference.py), and we report their cosine. With random
// ViT-B/32 weights this measures the pipeline, not real CLIP's sensitivity to it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { ClipModel } from '../src/core/clip/clip-model';
import { preprocessImage } from '../src/core/clip/preprocess';
import { dot } from '../src/core/clip/vectors';
import { REPO_ROOT } from '../test/fixtures/models/paths';
import { SHARED } from './bench-photos';

export interface FidelityFigures {
  photos: number;
  meanCosine: number;
  minCosine: number;
  worst: string;
  /** Mean |ours - Pillow| over all input values, in 8-bit levels, and the worst photo's. */
  meanLevels: number;
  worstPhotoLevels: number;
  /** The same through the indexer's path (input and thumbnail from one decode). */
  indexedMeanLevels: number;
  indexedWorstPhotoLevels: number;
}

/** Real photos with the awkward cases: camera frames, EXIF rotations, ICC-tagged, small ones. */
export function fidelityPhotos(): string[] {
  const jpg = path.join(SHARED, 'photos', 'exif-samples', 'jpg');
  const pick = (dir: string, n: number) =>
    fs.readdirSync(dir).filter((f) => /\.jpe?g$/i.test(f)).sort().slice(0, n).map((f) => path.join(dir, f));
  return [
    ...pick(path.join(SHARED, 'photos', 'strecha', 'fountain-P11'), 4),
    ...pick(path.join(jpg, 'orientation'), 16),
    ...pick(jpg, 19), // camera samples, several with embedded ICC profiles
    ...pick(path.join(jpg, 'gps'), 4),
    ...pick(path.join(SHARED, 'photos', 'imagenet'), 12),
  ];
}

export async function fidelity(modelDir: string, photos: string[]): Promise<FidelityFigures | string> {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import PIL, numpy'], { stdio: 'ignore' });
  } catch {
    return 'skipped: /usr/bin/python3 with Pillow and numpy is absent';
  }
  const model = ClipModel.open(modelDir, { provider: 'cpu' });
  try {
    const pre = model.folder.preprocessing;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-fidelity-'));
    execFileSync('/usr/bin/python3', [path.join(REPO_ROOT, 'test/reference/clip_preprocess_reference.py'), String(pre.size), pre.cropRounding, out, ...photos]);
    const ours: Float32Array[] = [];
    await model.embedImageFiles(photos, (r) => {
      if (!r.embedding) throw new Error(`${r.path}: ${r.error}`);
      ours[r.index] = r.embedding;
    });
    const plane = pre.size * pre.size;
    let sum = 0;
    let min = Infinity;
    let worst = '';
    let levels = 0;
    let worstLevels = 0;
    let indexedLevels = 0;
    let indexedWorst = 0;
    const unnormalised = { ...pre, mean: [0, 0, 0] as [number, number, number], std: [1, 1, 1] as [number, number, number] };
    for (const [i, file] of photos.entries()) {
      const raw = new Float32Array(new Uint8Array(fs.readFileSync(path.join(out, `${i}.f32`))).buffer);
      const mine = (await preprocessImage(file, unnormalised)).pixels;
      const diff = meanLevels(raw, mine);
      levels += diff;
      worstLevels = Math.max(worstLevels, diff);
      // The indexer's path (input and thumbnail from one decode): the library's own vectors.
      const indexed = meanLevels(raw, (await preprocessImage(file, unnormalised, { thumbnailSize: 384 })).pixels);
      indexedLevels += indexed;
      indexedWorst = Math.max(indexedWorst, indexed);
      for (let c = 0; c < 3; c++) for (let j = 0; j < plane; j++) raw[c * plane + j] = (raw[c * plane + j]! - pre.mean[c]!) / pre.std[c]!;
      const [reference] = await model.embedPixels(raw, 1);
      const cos = dot(ours[i]!, reference!);
      sum += cos;
      if (cos < min) [min, worst] = [cos, path.relative(SHARED, file)];
    }
    fs.rmSync(out, { recursive: true, force: true });
    return {
      photos: photos.length,
      meanCosine: sum / photos.length,
      minCosine: min,
      worst,
      meanLevels: levels / photos.length,
      worstPhotoLevels: worstLevels,
      indexedMeanLevels: indexedLevels / photos.length,
      indexedWorstPhotoLevels: indexedWorst,
    };
  } finally {
    await model.close();
  }
}

/** Mean |difference| in 8-bit levels between two [0,1] CHW inputs. */
function meanLevels(reference: Float32Array, ours: Float32Array): number {
  let diff = 0;
  for (let j = 0; j < reference.length; j++) diff += Math.abs(reference[j]! - ours[j]!) * 255;
  return diff / reference.length;
}
