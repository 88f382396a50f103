// Prompt ensembles for zero-shot labels, in the style of the CLIP paper (Radford et al.
// 2021, section 3.1.4): each label's text embedding is the normalised mean over several
// phrasings, which beats the bare label name by a few points. These templates are the
// paper's general-photo ones (its ImageNet list minus the art, toy and video-game styles,
// which would pull photo labels towards drawings).
import type { Label, LabelSet } from './label-set';

export const DEFAULT_TEMPLATES: readonly string[] = [
  'a photo of a {}.',
  'a photo of the {}.',
  'itap of a {}.',
  'a good photo of a {}.',
  'a close-up photo of a {}.',
  'a bright photo of a {}.',
  'a dark photo of the {}.',
  'a cropped photo of the {}.',
];

/** "a {}" becomes "an {}" before a vowel: "a photo of an owl". */
export function fillTemplate(template: string, name: string): string {
  const article = /^[aeiou]/i.test(name) ? 'an' : 'a';
  return template.replace(/\ba \{\}/g, `${article} {}`).replaceAll('{}', name);
}

/**
 * The texts whose embeddings make up a label: the templates filled with its name, and its
 * own prompts as written. They are averaged as two groups (labelEmbedding), so a few
 * deliberate prompts are not drowned by the generic templates.
 */
export function labelPrompts(label: Label, set: LabelSet): { templated: string[]; own: string[] } {
  const templates = set.templates ?? DEFAULT_TEMPLATES;
  return { templated: [...new Set(templates.map((t) => fillTemplate(t, label.name)))], own: label.prompts };
}
