// How long reading the text in photos will take, as `settings` / `status` and the app's
// Settings say it ("about 3 min"): one estimate, so the two never give different times.

/**
 * "about 3 min" for `photos` read at `secondsPerPhoto` each: rounded to the minute, and at
 * least a minute (a backlog under half a minute is not "about 0 min"). `count` words the
 * number: the app groups digits ("about 1,204 min").
 */
export function readingTimeText(photos: number, secondsPerPhoto: number, count: (n: number) => string = String): string {
  return `about ${count(Math.max(1, Math.round((photos * secondsPerPhoto) / 60)))} min`;
}
