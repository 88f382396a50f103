// The library's full index rate (hash, EXIF, thumbnail, embed, store) on camera JPEGs, and
// the cost of a re-run over the unchanged library (which should be about a listing's).
// Also the rate deep into a long first run: the same photos indexed into a library that
// already holds DEPTH photos in the run's small uncompacted commits, as a first index of a
// large collection leaves it (per-photo costs that grow with the library show up there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/core/engine';
import { measure } from './stats';
import { record } from './search-scale';
import { rng } from '../test/helpers/seeded-random';

/** Photos already in the library for the "deep into a first run" figure, in 32-photo commits. */
export const DEPTH = 8192;

export interface IndexFigures {
  photos: number;
  /** One per round, each into a new library. */
  indexRates: number[];
  unchangedRerunSeconds: number;
  unchangedRerunEmbedded: number;
  /** The same photos into a library already holding DEPTH photos in uncompacted commits. */
  indexRateAtDepth: number;
}

export async function indexThroughput(modelDir: string, photos: string[], rounds: number): Promise<IndexFigures> {
  // The photos are linked into one folder so the library sees exactly this set.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-photos-'));
  photos.forEach((p, i) => fs.symlinkSync(p, path.join(folder, `${String(i).padStart(4, '0')}-${path.basename(p)}`)));
  const indexRates: number[] = [];
  let rerun = { seconds: 0, embedded: 0 };
  try {
    for (let r = 0; r < rounds; r++) {
      const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-home-'));
      const library = openLibrary({ home, modelDir, provider: 'cpu', command: 'bench' });
      try {
        await library.clip().warmUp('vision');
        await library.writable(); // open the store and load the text session outside the timing
        const first = await measure(() => library.index([folder]));
        if (first.result.embedded !== photos.length) throw new Error(`indexed ${first.result.embedded} of ${photos.length}: ${JSON.stringify(first.result.failed)}`);
        // Maintenance after the run (index, compaction) is not part of the per-photo rate.
        indexRates.push(photos.length / (first.result.seconds || first.wall));
        const again = await measure(() => library.index());
        rerun = { seconds: again.wall, embedded: again.result.embedded };
      } finally {
        await library.close();
        fs.rmSync(home, { recursive: true, force: true });
      }
    }
    const indexRateAtDepth = await rateAtDepth(modelDir, folder, photos.length);
    return { photos: photos.length, indexRates, unchangedRerunSeconds: rerun.seconds, unchangedRerunEmbedded: rerun.embedded, indexRateAtDepth };
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

async function rateAtDepth(modelDir: string, folder: string, count: number): Promise<number> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-home-'));
  const library = openLibrary({ home, modelDir, provider: 'cpu', command: 'bench' });
  try {
    await library.clip().warmUp('vision');
    const store = await library.writable();
    const random = rng(7);
    const dimension = (await library.clip().embedTexts(['a photo']))[0]!.embedding.length;
    for (let start = 0; start < DEPTH; start += 32) {
      await store.upsertPhotos(Array.from({ length: 32 }, (_, k) => ({ ...record(start + k, Float32Array.from({ length: dimension }, () => random() - 0.5)), modelId: store.modelId })));
    }
    const run = await measure(() => library.index([folder]));
    if (run.result.embedded !== count) throw new Error(`indexed ${run.result.embedded} of ${count} at depth`);
    return count / (run.result.seconds || run.wall);
  } finally {
    await library.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
