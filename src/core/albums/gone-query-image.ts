// An album's query image that is gone, under a model that kept no vector of it. The album keeps
// each image's vector per model build (album-query.ts), so it goes on working when its image
// is moved away, but only under the builds that embedded it: after a switch to another model
// the search's bare "image not found: …" read as if the album were lost for good, when using
// the first model again brings it back. This says why, and both ways to mend it, in one line.
import fs from 'node:fs';
import type { SearchLibrary, SearchStore } from '../search/search-library';
import type { StoreUpkeep } from '../store/types';
import { isBuildKeyOf } from '../store/model-key';
import { AlbumError, type AlbumDefinition } from './album';

/**
 * Refuses the first of `images` that the build reading `activeKey` cannot embed now (its file
 * gone, the library holding no photo at its path, no vector kept for this build) while other
 * builds kept one: the AlbumError says so and names those models. Others pass (an image
 * no build kept is search's "image not found", as when the album was written).
 */
export async function refuseGoneQueryImage(library: SearchLibrary, queryImages: AlbumDefinition['queryImages'], activeKey: string, images: readonly string[]): Promise<void> {
  for (const image of images) {
    if (queryImages[activeKey]?.[image] !== undefined || fs.existsSync(image)) continue;
    const keptBy = Object.keys(queryImages).filter((key) => key !== activeKey && queryImages[key]?.[image] !== undefined);
    if (keptBy.length === 0) continue;
    const store = await library.readable();
    if (await store.getPhoto(image)) continue; // a library photo: its row has this build's vector
    throw new AlbumError(goneImageText(image, library.modelId, await modelNames(store, keptBy, library.modelId)));
  }
}

/** "its query image P is gone, and model X has no vector of it: put the image back, or use model Y again (which kept one)". */
export function goneImageText(image: string, inUse: string, keptBy: readonly string[]): string {
  const others = keptBy.filter((id) => id !== inUse);
  // Another build of the same id (other weights imported under it): the id alone would not tell
  // them apart. A model whose tables were removed since cannot be named.
  const which = others.length ? `model ${others.join(' or ')}` : keptBy.length ? `the other weights of ${inUse}` : 'the model the album was saved with';
  const again = `use ${which} again (which kept one)`;
  return `its query image ${image} is gone, and model ${inUse} has no vector of it: put the image back, or ${again}`;
}

/** The ids of the models whose builds read the tables of `keys`, as the library lists them
 *  (a model whose tables were removed is not named). */
async function modelNames(store: SearchStore, keys: readonly string[], inUse: string): Promise<string[]> {
  // LibraryService's store lists its models' tables; a search-only store (a test's) may not.
  const lister = store as SearchStore & Partial<Pick<StoreUpkeep, 'modelTables'>>;
  const ids = [inUse, ...(lister.modelTables ? (await lister.modelTables().catch(() => [])).map((t) => t.modelId) : [])];
  return [...new Set(keys.flatMap((key) => ids.filter((id) => isBuildKeyOf(key, id))))];
}
