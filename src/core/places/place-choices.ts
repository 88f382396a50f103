// What a user types to set a photo's place by hand (Edit location): a town as they would name
// it ("Florence", "florence, it", "Reykjavik, Ice" while still typing the country) or a position
// ("43.7696, 11.2558"). Towns come from the same offline GeoNames table that names photos'
// positions (city-table.ts), most populous first, so the place set reads back as that town.
import type { PlaceChoice } from '../../shared/api';
import { normalizePlaceName, parsePosition, placeLabel } from '../../shared/place-name';
import { cityTable } from './city-table';
import { countryName } from './country-names';
import { placeOf } from './located-photos';

/** The position with the town it is in, or its coordinates where no town is near. */
function choiceAt(lat: number, lon: number): PlaceChoice {
  const place = placeOf({ gpsLat: lat, gpsLon: lon });
  return { label: place ? placeLabel(place) : `${lat.toFixed(5)}, ${lon.toFixed(5)}`, lat, lon };
}

/** Folded names, made on the first search (~0.1 s for 135k towns), kept for the process. */
let folded: string[] | null = null;

/**
 * While typing, a town named exactly as typed so far counts as this many times its population:
 * "bath" puts Bath (88k) before Bathinda (285k), but "flore", typed on the way to Florence
 * (370k), no longer puts the hamlet of Flore (1k) first, where a click set the wrong town.
 */
const EXACT_NAME_WEIGHT = 100;

/**
 * How choices are ordered: `typing` (suggestions as the user types: by population, an exact
 * name weighted as above) or `named` (a whole name given, as `shoebox place set Flore` does:
 * the towns of exactly that name first, then by population).
 */
export type PlaceOrder = 'typing' | 'named';

/**
 * Towns whose name starts with what was typed (case and accents ignored), in `order`; after a
 * comma, only in a country whose name or code starts with what follows. A position typed is
 * one choice, named by the town it is in.
 */
export function findPlaces(query: string, limit = 8, order: PlaceOrder = 'typing'): PlaceChoice[] {
  const position = parsePosition(query);
  if (position) return [choiceAt(position.lat, position.lon)];
  const comma = query.lastIndexOf(',');
  const town = normalizePlaceName(comma >= 0 ? query.slice(0, comma) : query);
  const country = normalizePlaceName(comma >= 0 ? query.slice(comma + 1) : '');
  if (town === '') return [];
  const table = cityTable();
  folded ??= table.names.map(normalizePlaceName);
  const countryOk = new Map<string, boolean>();
  const inCountry = (code: string) => {
    if (country === '') return true;
    let ok = countryOk.get(code);
    if (ok === undefined) countryOk.set(code, (ok = code.toLowerCase() === country || normalizePlaceName(countryName(code)).startsWith(country)));
    return ok;
  };
  const found: number[] = [];
  for (let i = 0; i < folded.length; i++) if (folded[i]!.startsWith(town) && inCountry(table.countries[i]!)) found.push(i);
  const exact = (i: number) => folded![i] === town;
  const weight = (i: number) => table.population[i]! * (exact(i) ? EXACT_NAME_WEIGHT : 1);
  if (order === 'named') found.sort((a, b) => Number(exact(b)) - Number(exact(a)) || table.population[b]! - table.population[a]!);
  else found.sort((a, b) => weight(b) - weight(a));
  const choices = found.slice(0, limit).map((i) => {
    const lat = table.lat[i]!;
    const lon = table.lon[i]!;
    return { label: placeLabel({ city: table.names[i]!, country: countryName(table.countries[i]!), countryCode: table.countries[i]! }), lat, lon };
  });
  // Towns of one name in one country ("Florence, United States" three times) tell apart by position.
  const count = new Map<string, number>();
  for (const c of choices) count.set(c.label, (count.get(c.label) ?? 0) + 1);
  return choices.map((c) => (count.get(c.label)! > 1 ? { ...c, label: `${c.label} (${c.lat.toFixed(2)}, ${c.lon.toFixed(2)})` } : c));
}
