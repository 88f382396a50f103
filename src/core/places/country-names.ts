// Countries by name and by code, in English (the app's language), from the runtime's own ICU
// data (Intl.DisplayNames): no table of our own to keep up to date, beside a few names as
// people say them ("Hong Kong", not ICU's "Hong Kong SAR China") and what they also type
// ("USA", "UK", "Turkey").
import { normalizePlaceName } from '../../shared/place-name';

const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** Shown instead of ICU's name. */
const SHOWN: Record<string, string> = {
  HK: 'Hong Kong',
  MO: 'Macao',
  MM: 'Myanmar',
  CD: 'DR Congo',
  CG: 'Congo',
  PS: 'Palestine',
  BA: 'Bosnia and Herzegovina',
  AG: 'Antigua and Barbuda',
  KN: 'Saint Kitts and Nevis',
  VC: 'Saint Vincent and the Grenadines',
  ST: 'São Tomé and Príncipe',
  TT: 'Trinidad and Tobago',
};

/** Other names typed for a country, beside its shown and ICU names. */
const ALSO: Record<string, string[]> = {
  US: ['USA', 'United States of America', 'America'],
  GB: ['UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales', 'Northern Ireland'],
  CZ: ['Czech Republic'],
  TR: ['Turkey'],
  MM: ['Burma'],
  CI: ['Ivory Coast', "Cote d'Ivoire"],
  NL: ['Holland', 'The Netherlands'],
  MO: ['Macau'],
  VA: ['Vatican', 'Holy See'],
  SZ: ['Swaziland'],
  MK: ['Macedonia'],
  CV: ['Cape Verde'],
  TL: ['East Timor'],
};

/** Each name with every code the runtime gives it: ICU names some retired codes like current
 *  ones (FX "France" beside FR), and a photo's place carries the current one. */
let byName: Map<string, Set<string>> | null = null;

/** "IT" -> "Italy"; the code itself when the runtime does not know it. */
export function countryName(code: string): string {
  return SHOWN[code] ?? names.of(code) ?? code;
}

function namesByCode(): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const add = (name: string, code: string) => {
    const key = normalizePlaceName(name);
    const codes = map.get(key);
    if (codes) codes.add(code);
    else map.set(key, new Set([code]));
  };
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const known = names.of(code);
      // Unknown codes come back undefined (or as the code itself on some ICU builds).
      if (known && known !== code) add(known, code);
    }
  }
  for (const [code, shown] of Object.entries(SHOWN)) add(shown, code);
  for (const [code, also] of Object.entries(ALSO)) for (const name of also) add(name, code);
  return map;
}

/** "italy", "Italy", "USA", "it" -> the country's codes; null for text that is no country's name or code. */
export function countryCodesOf(text: string): ReadonlySet<string> | null {
  byName ??= namesByCode();
  const named = byName.get(normalizePlaceName(text));
  if (named) return named;
  const code = text.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return null;
  const known = names.of(code);
  return known !== undefined && known !== code ? new Set([code]) : null;
}
