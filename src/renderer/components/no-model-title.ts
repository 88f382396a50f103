// The banner's first words over a library viewed without a model, in `shoebox status`'s words
// (src/cli/commands/status.ts): a device whose copy of the library's model is here but
// incomplete or broken does not "have no model yet", and installing it alone would not do.
import type { ModelOffer } from '../../shared/api';
import type { ModelProblem } from './model-problem-note';

/** The library's own model, offered while its folder here is broken (ModelOffer.broken), or null. */
export function brokenLibraryModel(offer: ModelOffer | null): (ModelOffer & { broken: string }) | null {
  return offer?.reason === 'library' && offer.broken !== undefined ? (offer as ModelOffer & { broken: string }) : null;
}

/**
 * Why this device only views the library: its model's folder is broken (the fix follows: the
 * core's `broken` line), the active model cannot be used (the status' problem follows), else
 * it has no model yet. By the core's fields, never by a sentence's words.
 */
export function noModelTitle(offer: ModelOffer | null, problem: ModelProblem | null): string {
  const broken = brokenLibraryModel(offer);
  if (broken) return `Viewing only: this library's photos were embedded with ${broken.id}, which is incomplete or broken on this device.`;
  if (problem?.modelProblemKind === 'unusable') return 'Viewing only: the active model cannot be used on this device.';
  return 'Viewing only: this device has no model yet.';
}
