// How much of the library the model in use has embedded, as one line for the user, or null
// when it has embedded every photo (and there is one). Smart albums, like search, find their photos among the
// embedded ones only, so after `shoebox models use` of a model that has not indexed the
// library yet an album shows 0 photos, and a search finds nothing: this says why, in one
// wording for both (`shoebox search` and `albums show|list` ask it through the api).
import type { PhotoListing } from '../store/types';

export type CoverageStore = Pick<PhotoListing, 'countPhotos' | 'countListed'>;

export async function notEmbeddedNote(store: CoverageStore, modelId: string): Promise<string | null> {
  const [embedded, photos] = await Promise.all([store.countPhotos(), store.countListed()]);
  // Nothing embedded (an empty library too): nothing can be found until an index run.
  if (embedded === 0) return `no photos are embedded with model ${modelId} yet: "shoebox index" embeds your folders`;
  if (embedded >= photos) return null;
  return `${photos - embedded} of ${photos} photos not embedded with model ${modelId} yet ("shoebox index" embeds them)`;
}
