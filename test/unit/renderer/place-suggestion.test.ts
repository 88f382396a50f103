// How the offer above search results words the core's answer (places(query), decided in
// src/core/places/places-named.ts): a count, and each place where the query names several.
import { describe, expect, it } from 'vitest';
import { namedPlacesNote } from '../../../src/renderer/lib/places';

describe('namedPlacesNote', () => {
  it('says how many photos, from their location', () => {
    expect(namedPlacesNote({ place: 'United States', count: 2, places: [{ place: 'United States', count: 2 }] })).toBe('2 photos, from their location');
    expect(namedPlacesNote({ place: 'Reykjavík, Iceland', count: 1, places: [{ place: 'Reykjavík, Iceland', count: 1 }] })).toBe('1 photo, from their location');
  });

  it('names each place where the query names several', () => {
    const paris = { place: 'Paris', count: 4, places: [{ place: 'Paris, France', count: 2 }, { place: 'Paris, United States', count: 2 }] };
    expect(namedPlacesNote(paris)).toBe('4 photos, from their location: 2 in Paris, France; 2 in Paris, United States');
  });
});
