// How a photo was taken, in the one line the viewer's details and `shoebox show` both print:
// Google Photos' and Immich's order and words, the shutter time as photographers say it.
import { describe, expect, it } from 'vitest';
import { exposureText, exposureTimeText, focalLengthText } from '../../../src/shared/exposure-text';

describe('exposureText', () => {
  it('words aperture, shutter, focal length and ISO in that order', () => {
    expect(exposureText({ time: 1 / 160, fNumber: 7.1, iso: 100, focalLength: 135 })).toBe('f/7.1 · 1/160 s · 135 mm · ISO 100');
  });

  it('adds the 35 mm equivalent where the camera gave one that differs', () => {
    expect(exposureText({ time: 1 / 40, fNumber: 2.2, iso: 32, focalLength: 4.15, focalLength35mm: 29 })).toBe('f/2.2 · 1/40 s · 4.2 mm (29 mm in 35 mm) · ISO 32');
    // A full-frame camera's own figure says nothing new.
    expect(focalLengthText({ focalLength: 50, focalLength35mm: 50 })).toBe('50 mm');
    expect(focalLengthText({ focalLength35mm: 28 })).toBe('28 mm in 35 mm');
    expect(focalLengthText({})).toBeNull();
  });

  it('leaves out what the camera did not record; nothing recorded is empty', () => {
    expect(exposureText({ time: 1 / 55, iso: 100 })).toBe('1/55 s · ISO 100');
    expect(exposureText({ fNumber: 8 })).toBe('f/8');
    expect(exposureText({})).toBe('');
    expect(exposureText(undefined)).toBe('');
  });

  it('rounds the camera\'s rationals as they are read: f/2.88 is f/2.9, 1/219.7 s is 1/220 s', () => {
    expect(exposureText({ fNumber: 2.88, time: 1 / 219.7 })).toBe('f/2.9 · 1/220 s');
  });
});

describe('exposureTimeText', () => {
  it('is a fraction under a quarter second, else seconds', () => {
    expect(exposureTimeText(1 / 4000)).toBe('1/4000 s');
    expect(exposureTimeText(0.25)).toBe('1/4 s');
    expect(exposureTimeText(0.3)).toBe('0.3 s');
    expect(exposureTimeText(1)).toBe('1 s');
    expect(exposureTimeText(2)).toBe('2 s');
    expect(exposureTimeText(2.5)).toBe('2.5 s');
    expect(exposureTimeText(30)).toBe('30 s');
  });
});
