// How long reading the text in photos will take, as `settings` / `status` and the app's
// Settings say it ("about 3 min"): one estimate, so the two never give different times.

/** Under this, "a few seconds": a handful of photos left after a Ctrl-C. */
const FEW_SECONDS = 10;

/**
 * "about 3 min" for `photos` read at `secondsPerPhoto` each, rounded to the minute; under a
 * minute "under a minute", under ten seconds "a few seconds" (a minute's floor made 8 photos
 * at 0.31 s, 2.5 s of work, "about 1 min"). `count` words the number: the app groups digits
 * ("about 1,204 min").
 */
export function readingTimeText(photos: number, secondsPerPhoto: number, count: (n: number) => string = String): string {
  const seconds = photos * secondsPerPhoto;
  if (seconds < FEW_SECONDS) return 'a few seconds';
  if (seconds < 60) return 'under a minute';
  return `about ${count(Math.round(seconds / 60))} min`;
}
