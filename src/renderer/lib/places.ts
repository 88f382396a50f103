// Places in words (the place's own label and folding are src/shared/place-name.ts): the
// suggestions the place fields offer, and the Places page's lines. Pure, for the tests.
import type { PlaceCountry, PlacesNamed, PlacesSummary, PlaceTown } from '../../shared/api';
import { normalizePlaceName as folded } from '../../shared/place-name';
import { itemsText } from '../../shared/count-text';
import { formatCount } from './format';

export interface PlaceChoice {
  /** What the field takes: a country ("Italy") or a town ("Arezzo, Italy"). */
  value: string;
  /** Shown beside it in the suggestions: "10 photos", "9 photos, 1 video" (a video is never called a photo). */
  label: string;
}

/** The place fields' suggestions: each country (most photos first), then its towns (the same),
 *  each name once (a city-state's town and country are one place). */
export function placeChoices(summary: PlacesSummary): PlaceChoice[] {
  const seen = new Set<string>();
  const choices: PlaceChoice[] = [];
  const add = (value: string, count: number, videos = 0) => {
    const key = folded(value);
    if (seen.has(key)) return;
    seen.add(key);
    choices.push({ value, label: itemsText(count, videos, formatCount) });
  };
  for (const country of summary.countries) {
    add(country.place, country.count, country.videos);
    for (const town of country.towns) add(town.place, town.count, town.videos);
  }
  return choices;
}

/** The Places page's count: "13 photos in 3 countries". */
export function placesCountText(summary: PlacesSummary): string {
  return `${formatCount(summary.located, 'photo')} in ${formatCount(summary.countries.length, 'country', 'countries')}`;
}

/** The note for photos with a position but no town near it, or null when there are none. */
export function unplacedText(unplaced: number): string | null {
  if (unplaced <= 0) return null;
  return unplaced === 1 ? '1 photo has a position far from any town.' : `${unplaced.toLocaleString()} photos have a position far from any town.`;
}

/** Towns a country shows at first; the rest behind "Show all". */
export const TOWNS_SHOWN = 24;

/** The towns to draw for a country: all once expanded (or when few), else the first TOWNS_SHOWN. */
export function shownTowns(country: Pick<PlaceCountry, 'towns'>, expanded: boolean, limit = TOWNS_SHOWN): PlaceTown[] {
  return expanded || country.towns.length <= limit ? country.towns : country.towns.slice(0, limit);
}

/** Beside "Photos taken in …" above search results: how many ("4 photos, 1 video", as
 *  `shoebox search` says them), and where a query names several places (Paris in France and in
 *  the US), each with its count, as the core named them. */
export function namedPlacesNote(named: PlacesNamed): string {
  const count = `${itemsText(named.count, named.videos ?? 0, formatCount)}, from their location`;
  if (named.places.length <= 1) return count;
  // Semicolons: the places' own names have commas ("Paris, France").
  return `${count}: ${named.places.map((p) => `${p.count.toLocaleString()} in ${p.place}`).join('; ')}`;
}
