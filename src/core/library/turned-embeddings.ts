// Rotate's share of search: a photo the user turned is embedded again as the user now sees it,
// so search, "More like this" and the smart albums judge the photo the right way up (a
// sideways dog is a worse match for "dog" to CLIP). The active model's rows of each content take
// the new vector; the indexer embeds a turned content turned from then on (a new model, a file
// added back), so the library stays one way. A file this device cannot read keeps its vector
// until an index run finds it readable; another model's vectors follow at its next index run
// (turn-alignment.ts): the turn each vector was embedded at is recorded.
import fs from 'node:fs/promises';
import { preprocessImage } from '../clip/preprocess';
import { sniffFormat, toSharpInput } from '../media';
import { oneAtATime, type OneAtATime } from '../../base/one-at-a-time';
import type { LibraryStore, PhotoSummary } from '../store/types';
import type { LibraryService } from './library-service';

/** The indexer's thumbnail size (its default): the raster the model input is cut from depends on it being asked. */
const INDEX_THUMBNAIL = 384;

export interface TurnedEmbeddings {
  /** Contents embedded again. */
  embedded: number;
  /** Photos whose file could not be read or decoded here: their vector is as it was. */
  unread: string[];
}

/**
 * Per store: the last step of each embedding (compare with the rotations, write the rows,
 * record the turn) one at a time, so that a turn's and an index run's never interleave (one
 * could write an older vector between the other's check and record).
 */
const finishing = new WeakMap<object, OneAtATime>();

/** Embeds these contents again (one photo of each) as the store's rotations now turn them; a stop ends it after the batch running (the others stay turned otherwise than embedded, done at the next alignment). */
export async function embedTurned(lib: LibraryService, store: LibraryStore, contents: readonly PhotoSummary[], signal?: AbortSignal): Promise<TurnedEmbeddings> {
  if (contents.length === 0) return { embedded: 0, unread: [] };
  const [turns, model] = [await store.rotations(), lib.clip()];
  const byPath = new Map(contents.map((c) => [c.path, c]));
  const vectors = new Map<string, { vector: Float32Array; turns: number }>();
  const unread: string[] = [];
  await model.embedImageFiles(
    [...byPath.keys()],
    (result) => {
      const row = byPath.get(result.path)!;
      if (result.embedding) vectors.set(row.hash, { vector: result.embedding, turns: turns.get(row.hash) ?? 0 });
      else unread.push(result.path);
    },
    {
      decode: async (file) => {
        const row = byPath.get(file)!;
        // Only the very file that was indexed: one changed since would give its new picture's
        // vector to every copy of the old content (and a FIFO would never end).
        const st = await fs.stat(file);
        if (!st.isFile() || st.size !== row.size || Math.floor(st.mtimeMs) !== row.mtimeMs) throw new Error('changed since it was indexed');
        const bytes = await fs.readFile(file);
        const format = sniffFormat(bytes);
        if (!format) throw new Error('not an image (unrecognised content)');
        // Cut as the indexer cuts it (from the raster it makes the thumbnail from), so a photo
        // turned back gets exactly the vector its indexing gave it.
        return preprocessImage(await toSharpInput(bytes, format), model.folder.preprocessing, { thumbnailSize: INDEX_THUMBNAIL, turns: turns.get(row.hash) ?? 0 });
      },
      ...(signal ? { signal } : {}),
    },
  );
  let queue = finishing.get(store);
  if (!queue) finishing.set(store, (queue = oneAtATime()));
  return queue(async () => {
    // One commit for them all, with the rows as they are now (a row removed meanwhile stays
    // removed), and only for contents still turned as they were embedded: a second turn made
    // meanwhile writes its own.
    const now = await store.rotations();
    const current = [...vectors].filter(([hash, v]) => (now.get(hash) ?? 0) === v.turns);
    const rows = (await Promise.all(current.map(async ([hash, v]) => (await store.photosByHash(hash)).map((row) => ({ ...row, vector: v.vector }))))).flat();
    if (rows.length) await store.upsertPhotos(rows);
    // After the vectors, and only for contents that have rows here (one the indexer has not
    // committed yet gets its record from the indexer): a crash in between only makes the next
    // index run embed them again.
    const written = new Set(rows.map((r) => r.hash));
    await store.recordEmbeddedTurns(current.filter(([hash]) => written.has(hash)).map(([hash, v]) => ({ hash, turns: v.turns })));
    return { embedded: written.size, unread };
  });
}
