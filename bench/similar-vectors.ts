// A synthetic library of CLIP-like embeddings for the similar-duplicates search: the clustered
// background of bench/clustered-vectors.ts (topics -> scenes -> photos, pairs at cosine ~0.6)
// with what the search is for planted in it:
//  - bursts: 2-6 shots of one moment, each at cosine 0.93-0.99 to the first one (so the shots'
//    cosines with each other straddle the 0.93 threshold);
//  - subjects photographed again and again (a pet, a view, a document): photos at cosine
//    0.92-0.98 to the subject, a dense region where many pairs sit right at the threshold.
// Offsets are in random directions, as a re-framed or re-exposed shot moves a CLIP embedding in
// many dimensions at once. Seeded: the same library on every run.
import { ClusteredVectors } from './clustered-vectors';
import { rng } from '../test/helpers/seeded-random';

export interface SimilarLibrary {
  vectors: Float32Array;
  n: number;
  dimension: number;
}

/** A unit vector at exactly cosine `cosine` to the unit vector `of`, in a random direction. */
function atCosine(of: Float32Array, cosine: number, random: () => number): Float32Array {
  const d = of.length;
  const u = new Float32Array(d);
  for (let j = 0; j < d; j++) u[j] = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  let along = 0;
  for (let j = 0; j < d; j++) along += u[j]! * of[j]!;
  let norm = 0;
  for (let j = 0; j < d; j++) {
    u[j]! -= along * of[j]!;
    norm += u[j]! ** 2;
  }
  const side = Math.sqrt(1 - cosine * cosine) / Math.sqrt(norm);
  const out = new Float32Array(d);
  for (let j = 0; j < d; j++) out[j] = cosine * of[j]! + side * u[j]!;
  return out;
}

export interface SimilarLibraryShape {
  /** Share of the photos that are of a recurring subject (the rest: bursts and singles). */
  subjectShare: number;
  /** Photos per subject on average. */
  photosPerSubject: number;
}

/** About what a family library holds: ~13% of photos of recurring subjects, ~14% in bursts. */
export const FAMILY_LIBRARY: SimilarLibraryShape = { subjectShare: 0.15, photosPerSubject: 150 };

/** The hard case for partitioning: ~45% of photos of a few subjects, each cut by many boundaries. */
export const SUBJECT_HEAVY_LIBRARY: SimilarLibraryShape = { subjectShare: 0.5, photosPerSubject: 2000 };

export function similarLibrary(n: number, shape: SimilarLibraryShape = FAMILY_LIBRARY, dimension = 512, seed = 11): SimilarLibrary {
  const background = new ClusteredVectors(dimension, 1000, 32, seed);
  const random = rng(seed * 7 + 1);
  const subjects = Array.from({ length: Math.max(1, Math.round((n * shape.subjectShare) / shape.photosPerSubject)) }, () => background.photo());
  const vectors = new Float32Array(n * dimension);
  let i = 0;
  const put = (v: Float32Array) => {
    if (i < n) vectors.set(v, i++ * dimension);
  };
  while (i < n) {
    const r = random();
    if (r < shape.subjectShare) {
      // Skewed: a few subjects have hundreds or thousands of photos, so partitions cut through them.
      const subject = subjects[Math.floor(random() ** 3 * subjects.length)]!;
      put(atCosine(subject, 0.92 + random() * 0.06, random));
    } else if (r < shape.subjectShare + 0.04) {
      const first = background.photo();
      put(first);
      const shots = 1 + Math.floor(random() * 5);
      for (let s = 0; s < shots; s++) put(atCosine(first, 0.93 + random() * 0.06, random));
    } else put(background.photo());
  }
  return { vectors, n, dimension };
}
