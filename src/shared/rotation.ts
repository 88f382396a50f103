// Rotate: photos turned by the user in clockwise quarter turns, stored as 1-3 (0, upright as
// the file shows it, is no rotation at all), shown to front ends as degrees (90, 180, 270).
// Defined once for the core (the turned images and text boxes) and the UI (its image URLs).
import type { PhotoTextMatch, TextPoint } from './search';

/** Turns from `from` by `by` quarter turns (negative: anticlockwise), as 0-3. */
export function addTurns(from: number, by: number): number {
  return (((from + by) % 4) + 4) % 4;
}

/** Quarter turns as the API's clockwise degrees; undefined when upright. */
export function turnsToDegrees(turns: number): 90 | 180 | 270 | undefined {
  const t = addTurns(turns, 0);
  return t === 0 ? undefined : ((t * 90) as 90 | 180 | 270);
}

/** A photo's size once turned: sideways (90°, 270°) swaps width and height. */
export function turnedSize<T extends { width: number; height: number }>(size: T, turns: number): { width: number; height: number } {
  return addTurns(turns, 0) % 2 === 1 ? { width: size.height, height: size.width } : { width: size.width, height: size.height };
}

/** One point of the upright photo (width x height) where it lands once the photo is turned. */
export function turnPoint([x, y]: TextPoint, width: number, height: number, turns: number): TextPoint {
  switch (addTurns(turns, 0)) {
    case 1:
      return [height - y, x];
    case 2:
      return [width - x, height - y];
    case 3:
      return [y, width - x];
    default:
      return [x, y];
  }
}

/** The words read in a photo, their boxes moved with the photo as the user turned it. */
export function turnTextMatch(match: PhotoTextMatch, turns: number): PhotoTextMatch {
  if (addTurns(turns, 0) === 0) return match;
  const words = match.words.map((w) => ({ ...w, box: w.box.map((p) => turnPoint(p, match.width, match.height, turns)) }));
  return { ...match, words, ...turnedSize(match, turns) };
}
