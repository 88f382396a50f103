// Which fixed thresholds an album may keep: a CLIP cosine from -1 to 1. One rule, its bounds
// and its words, for the core (album.ts, which decides), the API's argument check
// (api-methods.ts), and the front ends that check before they send (the CLI's --threshold,
// the album editor): each says it in its own sentence, never with its own numbers.

export const ALBUM_THRESHOLD_MIN = -1;
export const ALBUM_THRESHOLD_MAX = 1;

/** What a threshold must be, as every front end words it: "a cosine from -1 to 1". */
export const ALBUM_THRESHOLD_RULE = `a cosine from ${ALBUM_THRESHOLD_MIN} to ${ALBUM_THRESHOLD_MAX}`;

export function isAlbumThreshold(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= ALBUM_THRESHOLD_MIN && value <= ALBUM_THRESHOLD_MAX;
}

/** The core's and the API's one line for a value that is none: `the threshold must be a cosine from -1 to 1, got 2`. */
export function albumThresholdRefusal(value: unknown): string {
  const shown = typeof value === 'number' ? String(value) : (JSON.stringify(value) ?? String(value));
  return `the threshold must be ${ALBUM_THRESHOLD_RULE}, got ${shown}`;
}
