// The library's full index rate (hash, EXIF, thumbnail, embed, store) on camera JPEGs, and
// the cost of a re-run over the unchanged library (which should be about a listing's).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../src/core/engine';
import { measure } from './stats';

export interface IndexFigures {
  photos: number;
  indexRate: number;
  unchangedRerunSeconds: number;
  unchangedRerunEmbedded: number;
}

export async function indexThroughput(modelDir: string, photos: string[]): Promise<IndexFigures> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-home-'));
  // The photos are linked into one folder so the library sees exactly this set.
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-bench-photos-'));
  photos.forEach((p, i) => fs.symlinkSync(p, path.join(folder, `${String(i).padStart(4, '0')}-${path.basename(p)}`)));
  const library = openLibrary({ home, modelDir, provider: 'cpu', command: 'bench' });
  try {
    await library.clip().warmUp('vision');
    await library.writable(); // open the store and load the text session outside the timing
    const first = await measure(() => library.index([folder]));
    if (first.result.embedded !== photos.length) throw new Error(`indexed ${first.result.embedded} of ${photos.length}: ${JSON.stringify(first.result.failed)}`);
    const again = await measure(() => library.index());
    return {
      photos: photos.length,
      // Maintenance after the run (index, compaction) is not part of the per-photo rate.
      indexRate: photos.length / (first.result.seconds || first.wall),
      unchangedRerunSeconds: again.wall,
      unchangedRerunEmbedded: again.result.embedded,
    };
  } finally {
    await library.close();
    fs.rmSync(home, { recursive: true, force: true });
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
