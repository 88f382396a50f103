// Place names as the engine (src/core/places) and the app both write and compare them: one
// folding (case, accents and spacing ignored, so a keyboard without "í" still finds
// Reykjavík) and one label ("Arezzo, Italy"; "Singapore" where town and country share a name).
import type { PhotoPlace } from './api';

export function normalizePlaceName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** How a place is shown, and what the place filters take. */
export function placeLabel(place: PhotoPlace): string {
  return normalizePlaceName(place.city) === normalizePlaceName(place.country) ? place.city : `${place.city}, ${place.country}`;
}

/** Two numbers as a position is typed: "43.7696, 11.2558" or "43.7696 11.2558" (latitude first). */
const TWO_NUMBERS = /^\s*(-?\d+(?:\.\d+)?)\s*[,\s]\s*(-?\d+(?:\.\d+)?)\s*$/;

/** A typed position on the globe (decimal degrees, latitude first), else null (a town's name, or
 *  two numbers off the globe: positionOutOfRange says why). */
export function parsePosition(text: string): { lat: number; lon: number } | null {
  const m = TWO_NUMBERS.exec(text);
  if (!m) return null;
  const lat = Number(m[1]);
  const lon = Number(m[2]);
  return Math.abs(lat) <= 90 && Math.abs(lon) <= 180 ? { lat, lon } : null;
}

/**
 * Why what was typed, two numbers like a position, is none: a latitude past ±90 or a longitude
 * past ±180 ("91, 200", "999 999"); null for anything else (a town's name, a valid position).
 */
export function positionOutOfRange(text: string): string | null {
  const m = TWO_NUMBERS.exec(text);
  if (!m) return null;
  const [lat, lon] = [Number(m[1]), Number(m[2])];
  if (Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return null;
  return `${m[1]}, ${m[2]} is not a position: latitude goes from -90 to 90 and longitude from -180 to 180`;
}
