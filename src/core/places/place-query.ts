// What a user types to name a place, matched against a photo's place: a country ("Italy",
// "IT"), a town ("Arezzo", "reykjavik") or both ("Florence, Italy", "Florence, IT"). A name
// that is a country's means the country (so "Italy" is not also Italy, Texas), and the same
// text always names the same photos. Case and accents are ignored (shared/place-name.ts).
import type { PhotoPlace } from '../../shared/api';
import { countryCodesOf } from './country-names';
import { normalizePlaceName } from '../../shared/place-name';

export { normalizePlaceName };

/** A test for places, or null when `text` names nothing (empty, or only commas). Answers are
 *  kept per place object: the photos of one town share one (reverse-geocode.ts). */
export function placeMatcher(text: string): ((place: PhotoPlace) => boolean) | null {
  const test = matcher(text);
  if (!test) return null;
  const seen = new WeakMap<PhotoPlace, boolean>();
  return (place) => {
    let yes = seen.get(place);
    if (yes === undefined) seen.set(place, (yes = test(place)));
    return yes;
  };
}

/** Whether `text` names whole countries ("Italy", "USA", ", IT") rather than towns: what a
 *  search's place suggestion lists (places-named.ts). */
export function namesCountries(text: string): boolean {
  if (!text.includes(',')) return countryCodesOf(text) !== null;
  const { town, country } = parts(text);
  return town === '' && country !== '' && countryCodesOf(country) !== null;
}

function parts(text: string): { town: string; country: string } {
  const comma = text.lastIndexOf(',');
  return { town: normalizePlaceName(comma >= 0 ? text.slice(0, comma) : text), country: comma >= 0 ? text.slice(comma + 1).trim() : '' };
}

function matcher(text: string): ((place: PhotoPlace) => boolean) | null {
  const { town, country } = parts(text);
  if (town === '' && country === '') return null;
  const inTown = (place: PhotoPlace) => normalizePlaceName(place.city) === town;
  if (!text.includes(',')) {
    const codes = countryCodesOf(text);
    return codes ? (place) => codes.has(place.countryCode) : inTown;
  }
  // "town, country": a country that is no country's name or code matches nothing.
  const codes = country === '' ? null : countryCodesOf(country);
  if (country !== '' && !codes) return () => false;
  if (!codes) return inTown;
  return town === '' ? (place) => codes.has(place.countryCode) : (place) => inTown(place) && codes.has(place.countryCode);
}
