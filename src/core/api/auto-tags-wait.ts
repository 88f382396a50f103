// Why the model in use shows no automatic tags. Auto tags are kept per model build (its
// classifier scores its own embeddings), so after `models use` of a model that has embedded
// none of the library's photos, only the user's own decisions show: `tags find` found nothing
// and `tags list` listed little, and nothing said why. One line, in search's words for a model
// with nothing embedded (store/not-embedded-error.ts), for every front end that reads tags.
import type { CoverageStore } from '../search/embedding-coverage';
import { noneEmbeddedText } from '../store/not-embedded-error';

/** The line, or null when the model in use has embedded some photo (or the library has none). */
export async function autoTagsWaitNote(store: CoverageStore, modelId: string): Promise<string | null> {
  const [embedded, photos] = await Promise.all([store.countPhotos(), store.countListed()]);
  if (embedded > 0 || photos === 0) return null;
  return `${noneEmbeddedText(modelId)}, so none has its automatic tags: "shoebox index" embeds your folders (and tags them)`;
}
