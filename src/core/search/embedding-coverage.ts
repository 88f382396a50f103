// How much of the library the model in use has embedded, as one line for the user, or null
// when it has embedded every photo (and there is one). Smart albums, like search, find their photos among the
// embedded ones only, so after `shoebox models use` of a model that has not indexed the
// library yet an album shows 0 photos, and a search finds nothing: this says why, in one
// wording for both (`shoebox search` and `albums show|list` ask it through the api).
// `other`: the core's offer beside the model in use (models-info.ts otherModelOffer), made when
// another model has embedded the library and this one none or few: the note names that model
// instead of sending the user to `shoebox index`, which would embed every photo again.
import type { ModelOffer } from '../../shared/api';
import { otherModelText } from '../../shared/other-model-text';
import type { PhotoListing } from '../store/types';
import { noneEmbeddedText } from '../store/not-embedded-error';

export type CoverageStore = Pick<PhotoListing, 'countPhotos' | 'countListed'>;

export async function notEmbeddedNote(store: CoverageStore, modelId: string, other: ModelOffer | null = null): Promise<string | null> {
  const [embedded, photos] = await Promise.all([store.countPhotos(), store.countListed()]);
  if (embedded > 0 && embedded >= photos) return null;
  const missing = embedded === 0 ? noneEmbeddedText(modelId) : `${photos - embedded} of ${photos} photos not embedded with model ${modelId} yet`;
  if (other && other.id !== modelId) return `${missing}; ${otherModelText(other, modelId)}`;
  // Nothing embedded (an empty library too): nothing can be found until an index run.
  if (embedded === 0) return `${missing}: "shoebox index" embeds your folders`;
  return `${missing} ("shoebox index" embeds them)`;
}
