// The line said beside a model in use that has embedded none (or few) of the library's photos
// while another has embedded them (the core's offer, ModelsInfo.offer, core/api/models-info.ts
// otherModelOffer): which model the photos are embedded with, how to search them with it, and
// that `shoebox index` with the model in use embeds them all again. One wording for
// `shoebox status` and the note of an empty search or album.
import type { ModelOffer } from './api';

/**
 * `given`: the flag that put another model in use than the one chosen here (`--model ID` or
 * `--model-dir DIR`), when the caller knows it; else the line names both, as either does it
 * (saying only --model-dir to someone who passed --model sent them looking for a flag they
 * never used).
 */
export function otherModelText(offer: ModelOffer, inUseId: string, given?: '--model' | '--model-dir'): string {
  const id = offer.id;
  const how =
    offer.bring === 'use'
      ? `shoebox models use ${id} to search them (installed)`
      : offer.bring === 'install'
        ? `shoebox models install ${id}, then shoebox models use ${id}, to search them`
        : offer.bring === 'import'
          ? `--model-dir DIR (the model's folder) searches them, or keep it: shoebox models import DIR, then shoebox models use ${id}`
          : `${id} is installed and chosen here: search without ${given ?? '--model or --model-dir'} to use it`;
  return `the photos are embedded with ${id} (${offer.photos}): ${how}; "shoebox index" with ${inUseId} would embed them all again`;
}
