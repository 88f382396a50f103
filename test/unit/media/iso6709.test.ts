// A video's position as phones write it (ISO 6709): read exactly, never guessed from a damaged tag.
import { describe, expect, it } from 'vitest';
import { parseIso6709 } from '../../../src/core/media/iso6709';

describe('ISO 6709 positions', () => {
  it("reads Android's location and an iPhone's, altitude and all", () => {
    expect(parseIso6709('+48.8584+002.2945/')).toEqual({ lat: 48.8584, lon: 2.2945 });
    expect(parseIso6709('+37.3318-122.0312+012.345/')).toEqual({ lat: 37.3318, lon: -122.0312 });
    expect(parseIso6709('-33.8688+151.2093')).toEqual({ lat: -33.8688, lon: 151.2093 }); // no closing "/"
    expect(parseIso6709('+40.6892-074.0445+10.5CRSWGS_84/')).toEqual({ lat: 40.6892, lon: -74.0445 });
  });

  it('reads degrees and minutes, and degrees, minutes and seconds', () => {
    expect(parseIso6709('+4851.504+00217.670/')!.lat).toBeCloseTo(48.8584, 4);
    expect(parseIso6709('+4851.504+00217.670/')!.lon).toBeCloseTo(2.29450, 4);
    expect(parseIso6709('+485130.24+0021740.2/')!.lat).toBeCloseTo(48.8584, 4);
  });

  it('refuses a figure out of range and anything not in the form', () => {
    for (const bad of ['+91.0000+002.2945/', '+48.8584+181.0000/', '+4875.000+00217.670/', '48.8584+002.2945/', '+48.8584/', '+048.8584+02.2945/', 'Paris', '', '+48.8584+002.2945/junk']) {
      expect(parseIso6709(bad), bad).toBeNull();
    }
  });
});
