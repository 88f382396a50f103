// A photo's time as the app and the CLI show it: the camera's clock, the same in every time
// zone the viewer may be in (issue 17: a naive 15:56 showed as 12:56 AM the next day in Tokyo).
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { PhotoDetails } from '../../../src/shared/api';
import { takenAtIso, takenAtText } from '../../../src/shared/taken-at';
import { PhotoMetadata } from '../../../src/renderer/components/PhotoMetadata';

const ZONES = ['Asia/Tokyo', 'America/Los_Angeles', 'UTC'];
const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

const CLOCK = Date.UTC(2021, 5, 15, 15, 56); // EXIF "2021:06:15 15:56:00", stored as the camera's clock

function details(takenOffset?: number): PhotoDetails {
  return {
    id: 'x', path: '/photos/bridge.jpg', folder: '/photos', width: 4, height: 3, takenAt: CLOCK,
    ...(takenOffset !== undefined ? { takenOffset } : {}),
    size: 1000, mtimeMs: CLOCK, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, modelId: 'm', indexedAt: CLOCK, tags: [],
  } as PhotoDetails;
}

describe('taken-at in every viewer time zone', () => {
  it.each(ZONES)('the photo panel shows the camera clock in %s', (zone) => {
    process.env.TZ = zone;
    expect(new Date(CLOCK).getTimezoneOffset()).toBe(zone === 'Asia/Tokyo' ? -540 : zone === 'UTC' ? 0 : 420); // the zone took effect
    const html = renderToStaticMarkup(<PhotoMetadata photo={details()} />);
    expect(html).toContain(`<dt>Taken</dt><dd><span class="taken-at">${takenAtText(CLOCK, null)}</span></dd>`);
    expect(takenAtText(CLOCK, null, 'en-US')).toBe('Jun 15, 2021, 3:56 PM');
    expect(renderToStaticMarkup(<PhotoMetadata photo={details(120)} />)).toContain('(UTC+02:00)');
  });

  it.each(ZONES)('the CLI writes ISO without a zone for a naive clock, with the EXIF offset otherwise, in %s', (zone) => {
    process.env.TZ = zone;
    expect(takenAtIso(CLOCK)).toBe('2021-06-15T15:56:00');
    expect(takenAtIso(CLOCK, 120)).toBe('2021-06-15T15:56:00+02:00');
    expect(takenAtIso(CLOCK, -330)).toBe('2021-06-15T15:56:00-05:30');
    expect(takenAtIso(CLOCK, 0)).toBe('2021-06-15T15:56:00+00:00');
  });
});

describe('a date taken set by hand, in the photo panel', () => {
  const edit = async () => {};

  it('says it was set by hand, with the file\'s own date on hover, and offers Edit where the library may change', () => {
    const edited = { ...details(120), takenEdited: { fileTakenAt: null, fileTakenOffset: null } } as PhotoDetails;
    const html = renderToStaticMarkup(<PhotoMetadata photo={edited} editTakenAt={edit} />);
    expect(html).toContain('title="The file&#x27;s own date: none"> · set by hand</span>');
    expect(html).toContain('aria-label="Edit date taken"');
    const fromFile = { ...details(), takenEdited: { fileTakenAt: CLOCK, fileTakenOffset: 60 } } as PhotoDetails;
    expect(renderToStaticMarkup(<PhotoMetadata photo={fromFile} editTakenAt={edit} />)).toContain(`The file&#x27;s own date: ${takenAtText(CLOCK, 60)}`);
  });

  it('shows no Edit while the library is only viewed, and no note for a date from the file', () => {
    const html = renderToStaticMarkup(<PhotoMetadata photo={details()} />);
    expect(html).not.toContain('Edit date taken');
    expect(html).not.toContain('set by hand');
  });
});
