// Rotate's share of search: a photo the user turned is embedded again as the user now sees it,
// so search, "More like this" and the smart albums judge the photo the right way up (a
// sideways dog is a worse match for "dog" to CLIP). The active model's rows of each content take
// the new vector; the indexer embeds a turned content turned from then on (a new model, a file
// added back), so the library stays one way. A file this device cannot read keeps its vector.
import fs from 'node:fs/promises';
import { preprocessImage } from '../clip/preprocess';
import { sniffFormat, toSharpInput } from '../media';
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

/** Embeds these contents again (one photo of each) as the store's rotations now turn them. */
export async function embedTurned(lib: LibraryService, store: LibraryStore, contents: readonly PhotoSummary[]): Promise<TurnedEmbeddings> {
  if (contents.length === 0) return { embedded: 0, unread: [] };
  const [turns, model] = [await store.rotations(), lib.clip()];
  const byPath = new Map(contents.map((c) => [c.path, c]));
  const vectors = new Map<string, Float32Array>();
  const unread: string[] = [];
  await model.embedImageFiles(
    [...byPath.keys()],
    (result) => {
      if (result.embedding) vectors.set(byPath.get(result.path)!.hash, result.embedding);
      else unread.push(result.path);
    },
    {
      decode: async (file) => {
        const bytes = await fs.readFile(file);
        const format = sniffFormat(bytes);
        if (!format) throw new Error('not an image (unrecognised content)');
        // Cut as the indexer cuts it (from the raster it makes the thumbnail from), so a photo
        // turned back gets exactly the vector its indexing gave it.
        return preprocessImage(await toSharpInput(bytes, format), model.folder.preprocessing, { thumbnailSize: INDEX_THUMBNAIL, turns: turns.get(byPath.get(file)!.hash) ?? 0 });
      },
    },
  );
  for (const [hash, vector] of vectors) {
    const rows = await store.photosByHash(hash);
    if (rows.length) await store.upsertPhotos(rows.map((row) => ({ ...row, vector })));
  }
  return { embedded: vectors.size, unread };
}
