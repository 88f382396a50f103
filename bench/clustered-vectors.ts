// Synthetic CLIP-like embeddings for the search benchmark: unit vectors with structure, so
// that an ANN index meets what it meets on real photo libraries rather than uniform noise.
// 32 topics -> 1000 scenes (cos to their topic ~0.75) -> photos (cos to their scene ~0.78).
// Queries are half photo-like (search by example) and half text-like: much farther from
// any scene (cos ~0.45), as CLIP text embeddings are from image embeddings.
// Seeded, so every run searches the same library.

import { rng } from '../test/helpers/seeded-random';

export class ClusteredVectors {
  private readonly rand: () => number;
  private readonly noise: Float32Array;
  private readonly scenes: Float32Array;

  constructor(
    readonly dimension = 512,
    private readonly sceneCount = 1000,
    topicCount = 32,
    seed = 1,
  ) {
    this.rand = rng(seed);
    this.noise = new Float32Array(dimension);
    const topics = new Float32Array(dimension * topicCount);
    this.gaussians(topics);
    for (let t = 0; t < topicCount; t++) normalise(topics.subarray(t * dimension, (t + 1) * dimension));
    this.scenes = new Float32Array(dimension * sceneCount);
    for (let s = 0; s < sceneCount; s++) {
      const topic = Math.floor(this.rand() * topicCount);
      this.around(topics.subarray(topic * dimension, (topic + 1) * dimension), 0.9, this.scenes.subarray(s * dimension, (s + 1) * dimension));
    }
  }

  /** A photo-like vector: a random scene plus noise. */
  photo(): Float32Array {
    return this.around(this.scene(), 0.8, new Float32Array(this.dimension));
  }

  query(textLike: boolean): Float32Array {
    return this.around(this.scene(), textLike ? 2.0 : 0.8, new Float32Array(this.dimension));
  }

  private scene(): Float32Array {
    const s = Math.floor(this.rand() * this.sceneCount);
    return this.scenes.subarray(s * this.dimension, (s + 1) * this.dimension);
  }

  /** normalise(centre + noise * N(0, I/d)): the noise has norm ~`noise`. */
  private around(centre: Float32Array, noise: number, out: Float32Array): Float32Array {
    this.gaussians(this.noise);
    const k = noise / Math.sqrt(this.dimension);
    for (let j = 0; j < this.dimension; j++) out[j] = centre[j]! + k * this.noise[j]!;
    return normalise(out);
  }

  /** Standard normal samples (Box-Muller). */
  private gaussians(out: Float32Array): void {
    for (let i = 0; i < out.length; i += 2) {
      const r = Math.sqrt(-2 * Math.log(1 - this.rand()));
      const theta = 2 * Math.PI * this.rand();
      out[i] = r * Math.cos(theta);
      if (i + 1 < out.length) out[i + 1] = r * Math.sin(theta);
    }
  }
}

function normalise(v: Float32Array): Float32Array {
  let sum = 0;
  for (const x of v) sum += x * x;
  const k = 1 / Math.sqrt(sum);
  for (let j = 0; j < v.length; j++) v[j]! *= k;
  return v;
}
