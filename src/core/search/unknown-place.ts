// `--place Narnia`: a name that is no town or country anywhere is a typo or a guess, not "no
// photo there"; said as the user's mistake (exit 2 in the CLI), as `place set` refuses a name
// that is no town. Checked against the same offline GeoNames table that names photos' places
// (city-table.ts) and the countries' names and codes (country-names.ts), only when the filter
// found no photo: a name the library's photos carry is known by definition.
import { cityTable } from '../places/city-table';
import { countryCodesOf } from '../places/country-names';
import { normalizePlaceName } from '../../shared/place-name';

/** The towns' folded names, made on the first unknown-looking name (~0.1 s), kept for the process. */
let towns: Set<string> | null = null;

/** Whether some town in the table is called `town` (folded: case and accents ignored). */
function isTown(town: string): boolean {
  towns ??= new Set(cityTable().names.map(normalizePlaceName));
  return towns.has(town);
}

/** Why `place` ("Florence", "Italy", "Florence, IT") names no place at all, or null when it names one. */
export function unknownPlace(place: string): string | null {
  const reason = unknownPlaceReason(place);
  return reason === null ? null : `--place: ${reason}`;
}

/** unknownPlace without the option's name: for a place given otherwise (the timeline's `place`, `shoebox places PLACE`). */
export function unknownPlaceReason(place: string): string | null {
  const comma = place.lastIndexOf(',');
  const town = normalizePlaceName(comma >= 0 ? place.slice(0, comma) : place);
  const country = comma >= 0 ? place.slice(comma + 1).trim() : '';
  const hint = '(shoebox places lists the places of your photos)';
  if (country !== '' && !countryCodesOf(country)) return `no country is called "${country}" ${hint}`;
  if (comma < 0 && countryCodesOf(place)) return null;
  if (town === '' || isTown(town)) return null;
  return `no town or country is called "${place.trim()}" ${hint}`;
}
