// A position as ISO 6709 writes it, the way phones store one in a video: Android's `location`
// (and QuickTime's ©xyz) "+48.8584+002.2945/", an iPhone's
// `com.apple.quicktime.location.ISO6709` "+48.8584+002.2945+035.000/" (with the altitude).
// Strict: a sign before each figure, latitude with 2 whole digits and longitude with 3
// (degrees), 4 and 5 (degrees and minutes) or 6 and 7 (degrees, minutes, seconds), an optional
// altitude and CRS, then "/" (which some writers leave off). Anything else, or a figure out of
// range, is no position: a damaged tag must not put a video somewhere it was not.

export interface Iso6709Position {
  lat: number;
  lon: number;
}

const FORM = /^([+-])(\d+)(\.\d+)?([+-])(\d+)(\.\d+)?(?:[+-]\d+(?:\.\d+)?)?(?:CRS[A-Za-z0-9_:.-]+)?\/?$/;

/** The position `value` writes (WGS84 degrees, north and east positive), or null. */
export function parseIso6709(value: string): Iso6709Position | null {
  const m = FORM.exec(value.trim());
  if (!m) return null;
  const lat = angle(m[1]!, m[2]!, m[3], 2, 90);
  const lon = angle(m[4]!, m[5]!, m[6], 3, 180);
  return lat === null || lon === null ? null : { lat, lon };
}

/**
 * One signed figure: `whole` is DD, DDMM or DDMMSS (longitude: one more D), `fraction` the
 * decimals of its last part. Minutes and seconds stop at 60, degrees at `limit`.
 */
function angle(sign: string, whole: string, fraction: string | undefined, degreeDigits: number, limit: number): number | null {
  const parts = (whole.length - degreeDigits) / 2;
  if (parts !== 0 && parts !== 1 && parts !== 2) return null;
  const figures = [whole.slice(0, degreeDigits), whole.slice(degreeDigits, degreeDigits + 2), whole.slice(degreeDigits + 2)].filter((f) => f !== '').map(Number);
  figures.push(figures.pop()! + (fraction ? Number(fraction) : 0));
  const [degrees = 0, minutes = 0, seconds = 0] = figures;
  if (minutes >= 60 || seconds >= 60) return null;
  const abs = degrees + minutes / 60 + seconds / 3600;
  if (!(abs <= limit)) return null;
  return sign === '-' ? -abs : abs;
}
