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
