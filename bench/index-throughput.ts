// The library's full index rate (hash, EXIF, thumbnail, embed, store) on camera JPEGs, and
// the cost of a re-run over the unchanged library (which should be about a listing's).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/core/engine';
import { measure } from './stats';

export interface IndexFigures {
  photos: number;
  /** One per round, each into a new library. */
  indexRates: number[];
  unchangedRerunSeconds: number;
  unchangedRerunEmbedded: number;
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
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return { photos: photos.length, indexRates, unchangedRerunSeconds: rerun.seconds, unchangedRerunEmbedded: rerun.embedded };
}
