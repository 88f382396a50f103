// Where the photos of tagged contents are, whatever model is in use. Tags and decisions are
// kept by content hash and the user's decisions hold under every model, but the store's
// `pathsByHash` reads the active model's photos table only: after `models use` of a model
// that has not embedded the photos yet, a tag the user accepted would find no photo (`tags
// find`, the tag review and its counts), while `tags list` and the viewer, which list the
// library, showed it. So a content the active model has not embedded is looked up in the
// library's listing (every model's photos, library-photos.ts), as browsing does.
import type { PhotoListing, VectorReads } from '../store/types';

export type ContentPathsStore = Pick<VectorReads, 'pathsByHash' | 'heldHashes'> & Pick<PhotoListing, 'listPhotoDates'>;

/** Paths of each hash the library holds: the active model's table first, then any other model's. */
export async function libraryPathsByHash(store: ContentPathsStore, hashes: readonly string[]): Promise<Map<string, string[]>> {
  const found = await store.pathsByHash(hashes);
  const missing = [...new Set(hashes)].filter((h) => !found.has(h));
  if (missing.length === 0) return found;
  // Most missing contents have left the library (their tags stay, kept by content): one
  // query by hash says so, and only contents some other model's table holds cost the
  // listing's read (a model switch still in progress).
  const elsewhere = await store.heldHashes(missing);
  if (elsewhere.size === 0) return found;
  for (const photo of await store.listPhotoDates()) {
    if (!elsewhere.has(photo.hash)) continue;
    const paths = found.get(photo.hash);
    if (paths) paths.push(photo.path);
    else found.set(photo.hash, [photo.path]);
  }
  return found;
}
