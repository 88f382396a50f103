// Places in words (the place's own label and folding are src/shared/place-name.ts): the
// suggestions the place fields offer, and the Places page's lines. Pure, for the tests.
import type { PlaceCountry, PlacesSummary, PlaceTown } from '../../shared/api';
import { normalizePlaceName as folded } from '../../shared/place-name';
import { formatCount } from './format';

export interface PlaceChoice {
  /** What the field takes: a country ("Italy") or a town ("Arezzo, Italy"). */
  value: string;
  /** Shown beside it in the suggestions: "10 photos". */
  label: string;
}

/** The place fields' suggestions: each country (most photos first), then its towns (the same),
 *  each name once (a city-state's town and country are one place). */
export function placeChoices(summary: PlacesSummary): PlaceChoice[] {
  const seen = new Set<string>();
  const choices: PlaceChoice[] = [];
  const add = (value: string, count: number) => {
    const key = folded(value);
    if (seen.has(key)) return;
    seen.add(key);
    choices.push({ value, label: formatCount(count, 'photo') });
  };
  for (const country of summary.countries) {
    add(country.place, country.count);
    for (const town of country.towns) add(town.place, town.count);
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

/** A place the whole search query names ("italy", "Paris", "florence, it" as the Places list
 *  names it, case and accents ignored): a country first, else the town with the most photos
 *  of that name. CLIP reads "Paris" as what Paris looks like; this offers where photos were
 *  taken there. Null when the query names no place of the library. */
export function placeForQuery(summary: PlacesSummary | null, query: string): { place: string; count: number } | null {
  const wanted = folded(query);
  if (!summary || wanted === '') return null;
  const country = summary.countries.find((c) => folded(c.country) === wanted || folded(c.countryCode) === wanted);
  if (country) return { place: country.place, count: country.count };
  let best: PlaceTown | null = null;
  for (const c of summary.countries) {
    for (const t of c.towns) {
      const named = folded(t.city) === wanted || folded(t.place) === wanted || folded(`${t.city}, ${c.countryCode}`) === wanted;
      if (named && (!best || t.count > best.count)) best = t;
    }
  }
  return best ? { place: best.place, count: best.count } : null;
}
