// A position as a user types it to set a photo's place (Edit location, `shoebox place set`):
// latitude first, decimal degrees, a comma or a space between; anything off the globe or
// not two numbers is not a position (findPlaces then reads it as a town's name).
import { describe, expect, it } from 'vitest';
import { findPlaces } from '../../../src/core/places/place-choices';
import { parsePosition, positionOutOfRange } from '../../../src/shared/place-name';

describe('parsePosition', () => {
  it('reads latitude and longitude, signed, with a comma or a space', () => {
    expect(parsePosition('43.7696, 11.2558')).toEqual({ lat: 43.7696, lon: 11.2558 });
    expect(parsePosition(' -33.92 18.42 ')).toEqual({ lat: -33.92, lon: 18.42 });
    expect(parsePosition('64,-21.9')).toEqual({ lat: 64, lon: -21.9 });
    // Leading zeros: still a position (the out-of-range check and this one read numbers alike).
    expect(parsePosition('5, 0100')).toEqual({ lat: 5, lon: 100 });
    expect(parsePosition('005.5, 11')).toEqual({ lat: 5.5, lon: 11 });
  });

  it('is a position exactly when the out-of-range check has nothing to say of two numbers', () => {
    for (const text of ['5, 0100', '91, 0', '0, 181', '-90 -180', '999 999', '43.7696, 11.2558']) {
      expect(parsePosition(text) === null, text).toBe(positionOutOfRange(text) !== null);
    }
  });

  it('refuses what is not a position on the globe', () => {
    for (const text of ['91, 0', '0, 181', '43.7696', 'Florence', '43.7, 11.2, 5', '', '1e2, 3']) expect(parsePosition(text), text).toBeNull();
  });

  it('names a typed position after the town it is in, or by its coordinates at sea', () => {
    expect(findPlaces('43.4633, 11.8797')).toEqual([{ label: 'Arezzo, Italy', lat: 43.4633, lon: 11.8797 }]);
    expect(findPlaces('0, -30')).toEqual([{ label: '0.00000, -30.00000', lat: 0, lon: -30 }]);
  });
});

describe('findPlaces', () => {
  const labels = (query: string, limit = 3) => findPlaces(query, limit).map((c) => c.label);

  it('puts the town a name typed part-way leads to before a hamlet of exactly those letters', () => {
    // "flore" on the way to Florence: the hamlet of Flore (England) was first, and clicked.
    expect(labels('flore')[0]).toBe('Florence, Italy');
    expect(labels('flore')).toContain('Flore, United Kingdom');
  });

  it('still puts a town named exactly first over a larger one its name begins', () => {
    expect(labels('bath')[0]).toBe('Bath, United Kingdom');
    expect(labels('paris')[0]).toBe('Paris, France');
  });

  it('given a whole name (shoebox place set), takes the town of exactly that name', () => {
    expect(findPlaces('flore', 1, 'named').map((c) => c.label)).toEqual(['Flore, United Kingdom']);
    expect(findPlaces('florence, italy', 1, 'named').map((c) => c.label)).toEqual(['Florence, Italy']);
  });
});
