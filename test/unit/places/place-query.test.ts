// What a user types to name a place: towns, countries, codes and "town, country", without
// caring for case or accents, and a country's name meaning the country.
import { describe, expect, it } from 'vitest';
import type { PhotoPlace } from '../../../src/shared/api';
import { placeMatcher } from '../../../src/core/places/place-query';

const PLACES: PhotoPlace[] = [
  { city: 'Arezzo', country: 'Italy', countryCode: 'IT' },
  { city: 'Florence', country: 'Italy', countryCode: 'IT' },
  { city: 'Reykjavík', country: 'Iceland', countryCode: 'IS' },
  { city: 'Paris', country: 'France', countryCode: 'FR' },
  { city: 'Italy', country: 'United States', countryCode: 'US' }, // Italy, Texas
  { city: 'London', country: 'United Kingdom', countryCode: 'GB' },
];

function matching(text: string): string[] | null {
  const test = placeMatcher(text);
  return test ? PLACES.filter(test).map((p) => `${p.city}/${p.countryCode}`) : null;
}

describe('place names as typed', () => {
  it('takes a town, ignoring case and accents', () => {
    expect(matching('arezzo')).toEqual(['Arezzo/IT']);
    expect(matching('REYKJAVIK')).toEqual(['Reykjavík/IS']);
    expect(matching('  Reykjavík ')).toEqual(['Reykjavík/IS']);
  });

  it("takes a country by name or code; a country's name is the country, not a town of that name", () => {
    expect(matching('Italy')).toEqual(['Arezzo/IT', 'Florence/IT']);
    expect(matching('it')).toEqual(['Arezzo/IT', 'Florence/IT']);
    expect(matching('France')).toEqual(['Paris/FR']);
    expect(matching('UK')).toEqual(['London/GB']);
    expect(matching('USA')).toEqual(['Italy/US']);
  });

  it('takes "town, country" with the country by name or code', () => {
    expect(matching('Florence, Italy')).toEqual(['Florence/IT']);
    expect(matching('florence, it')).toEqual(['Florence/IT']);
    expect(matching('Italy, United States')).toEqual(['Italy/US']);
    expect(matching('Arezzo, France')).toEqual([]);
    expect(matching('Arezzo, Atlantis')).toEqual([]);
    expect(matching(', Iceland')).toEqual(['Reykjavík/IS']);
    expect(matching('Paris,')).toEqual(['Paris/FR']);
  });

  it('names nothing when empty', () => {
    expect(matching('')).toBeNull();
    expect(matching('  ')).toBeNull();
    expect(matching(' , ')).toBeNull();
  });
});
