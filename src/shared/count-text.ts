// "1 photo", "3 photos", "2 copies": a count and its noun, for every line that says one.

/** `n` and the noun that goes with it; `many` for the plurals an added s does not make. */
export function countText(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A count of library items, photos and videos said apart, as status and the app say them:
 * "74 photos", "70 photos, 4 videos", "4 videos" (a video is never called a photo). `items`
 * counts both (the core's `photos`), `videos` those of them that are videos. `count` words each
 * part: the app's groups digits ("1,204 photos").
 */
export function itemsText(items: number, videos: number, count: (n: number, one: string) => string = countText): string {
  const photos = items - videos;
  if (videos <= 0) return count(items, 'photo');
  if (photos <= 0) return count(videos, 'video');
  return `${count(photos, 'photo')}, ${count(videos, 'video')}`;
}
