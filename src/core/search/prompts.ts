// Prompt ensembles for text terms. CLIP was trained on captions, not keywords: "dog" alone
// sits a little off where photos of dogs are, "a photo of dog." sits closer, and the mean
// of several phrasings (normalised) is steadier still: the CLIP paper (Radford et al. 2021,
// section 3.1.4) gains several points of zero-shot accuracy this way. A search query is
// free text ("dog on the beach at sunset", "dogs"), so these templates carry no article.
// Four phrasings from the paper's list that describe ordinary photos: each costs one text
// inference per query (~40 ms for ViT-B/32 on two CPU cores), and most of the ensemble's
// gain comes from the first few.
// Changing this list changes every text vector: bump CALIBRATION_VERSION (calibration.ts).
export const SEARCH_TEMPLATES: readonly string[] = ['a photo of {}.', 'a good photo of {}.', 'a close-up photo of {}.', 'a cropped photo of {}.'];

/**
 * A query that already says what it is a picture of ("a photo of my dog", "picture of a
 * sunset", "an image of ...") reads like a caption: templating it again ("a photo of a photo
 * of my dog.") would only add noise, so it is embedded as written.
 */
const ALREADY_A_CAPTION = /^(?:(?:a|an|the|my|our)\s+)?(?:[\w-]+\s+)?(?:photo|photograph|picture|pic|image|snapshot|selfie|shot)s?\s+(?:of|showing|with)\b/i;

/** The texts whose normalised mean embeds `text`: the ensemble, or `[text]` when raw or already a caption. */
export function promptsFor(text: string, raw: boolean): string[] {
  if (raw || ALREADY_A_CAPTION.test(text)) return [text];
  return SEARCH_TEMPLATES.map((template) => template.replace('{}', text));
}
