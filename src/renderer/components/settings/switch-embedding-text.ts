import type { ModelInfo } from '../../../shared/api';
import { countText } from '../../../shared/count-text';

/**
 * What a switch to `model` embeds, said in its confirmation, from how many of the library's
 * photos it has embedded already (the core's ModelInfo.embeddedPhotos, out of
 * ModelsInfo.libraryPhotos). A model that has embedded them all (used before, or on another
 * device of a shared library) embeds nothing: saying "embedded again" there made a quick
 * switch read as an hour's work. A model that has embedded none of them (never used on this
 * library) embeds them all, said with the count and without "again". Unknown counts keep the
 * general sentence.
 */
export function switchEmbeddingText(model: Pick<ModelInfo, 'embeddedPhotos'>, libraryPhotos: number | null | undefined): string {
  const total = libraryPhotos ?? 0;
  const embedded = Math.min(model.embeddedPhotos ?? 0, total);
  const known = model.embeddedPhotos !== null && model.embeddedPhotos !== undefined && total > 0;
  if (known && embedded === total) return total === 1 ? 'The library’s one photo is already embedded with it, so search finds it at once.' : `All ${countText(total, 'photo')} are already embedded with it, so search finds them all at once.`;
  if (known && embedded > 0) {
    return `${total - embedded} of ${countText(total, 'photo')} will be embedded with it in the background; until that finishes, search finds only the ${countText(embedded, 'photo')} already done.`;
  }
  if (known) {
    return total === 1 ? 'The library’s one photo will be embedded with it in the background; search finds it once it is done.' : `All ${countText(total, 'photo')} will be embedded with it in the background; search finds them as they are done.`;
  }
  return 'Your photos will be embedded again with it in the background; until that finishes, search finds only the photos already done.';
}
