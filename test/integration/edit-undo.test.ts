// Undo of a date or place set on many photos at once (the selection bar's Date… and Place…),
// through LibraryApi as the app uses it: each photo gets back exactly what it had (an earlier
// hand date with its offset, one without an offset, a hand place, a removed place, or its file's
// own), a photo changed again since keeps its newer value and is counted, and a handle is good
// once. Real LanceDB, tiny model.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

const AREZZO = { lat: 43.4633, lon: 11.8797 };
const FLORENCE = { lat: 43.7696, lon: 11.2558 };
const REYKJAVIK = { lat: 64.13548, lon: -21.89541 };
const MADRID = { lat: 40.4165, lon: -3.70256 };

describe('undo of a date or place set on a selection', () => {
  let dir: string;
  let host: LibraryHost;
  const events: LibraryEvent[] = [];

  const all = async (): Promise<Photo[]> => (await host.timeline({ limit: 100 })).photos;
  const ids = async (...names: string[]) => {
    const photos = await all();
    return names.map((name) => photos.find((p) => path.relative(dir, p.path) === name)!.id);
  };
  /** What a photo shows of its date and whether (and from what) it was edited by hand. */
  const dateOf = async (name: string) => {
    const photo = (await host.getPhoto((await ids(name))[0]!))!;
    return { takenAt: photo.takenAt, takenOffset: photo.takenOffset, takenEdited: photo.takenEdited };
  };
  const placeOf = async (name: string) => {
    const photo = (await host.getPhoto((await ids(name))[0]!))!;
    return { gpsLat: photo.gpsLat, gpsLon: photo.gpsLon, placeEdited: photo.placeEdited };
  };

  beforeAll(async () => {
    dir = tempDir('shoebox-edit-undo-');
    await writeExifColourPhoto(dir, 'hand-date.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(dir, 'no-offset.jpg', [20, 200, 30], { taken: '2024:03:05 12:00:00' });
    await writeExifColourPhoto(dir, 'own-date.jpg', [20, 25, 140], { taken: '2024:03:01 08:00:00', offset: '+05:00' });
    await writeExifColourPhoto(dir, 'again.jpg', [200, 200, 30], { taken: '2024:02:01 08:00:00' });
    await writeExifColourPhoto(dir, 'hand-place.jpg', [200, 30, 200], { taken: '2023:05:01 10:00:00', gps: AREZZO });
    await writeExifColourPhoto(dir, 'removed-place.jpg', [30, 200, 200], { taken: '2023:05:02 10:00:00', gps: AREZZO });
    await writeExifColourPhoto(dir, 'own-place.jpg', [120, 120, 120], { taken: '2023:05:03 10:00:00' });
    await writeExifColourPhoto(dir, 'placed-again.jpg', [250, 140, 20], { taken: '2023:05:04 10:00:00', gps: AREZZO });
    host = await createLibraryApi({ home: tempDir('shoebox-edit-undo-home-'), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    host.subscribe((e) => events.push(e));
    await host.indexNow([dir]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('puts back each date exactly as it was: a hand date with its offset, one without, the files’ own; a photo dated again since keeps its date', async () => {
    await host.setTakenAt(await ids('hand-date.jpg'), '2010-06-01T09:00+02:00');
    await host.setTakenAt(await ids('no-offset.jpg'), '2011-01-01T10:00'); // the file has no offset: the edit has none
    const names = ['hand-date.jpg', 'no-offset.jpg', 'own-date.jpg', 'again.jpg'];
    const before = await Promise.all(names.map(dateOf));
    expect(before[1]!.takenEdited).toBeDefined();
    expect(before[1]!.takenOffset).toBeUndefined();

    const result = await host.setTakenAt(await ids(...names), '2020-01-01T12:00+01:00');
    expect(result).toEqual({ done: 4, missing: 0, undo: expect.any(Number) });
    await host.setTakenAt(await ids('again.jpg'), '2021-02-02T10:00'); // changed again since
    const again = await dateOf('again.jpg');

    events.length = 0;
    expect(await host.undoEdit(result.undo!)).toEqual({ done: 3, changedSince: 1 });
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true); // every view redraws
    expect(await Promise.all(names.slice(0, 3).map(dateOf))).toEqual(before.slice(0, 3));
    expect(await dateOf('again.jpg')).toEqual(again);
    expect((await dateOf('own-date.jpg')).takenEdited).toBeUndefined(); // the file's own, not an edit of it

    // Good once: a second undo is refused in one line, and changes nothing.
    await expect(host.undoEdit(result.undo!)).rejects.toThrow(/^that change can no longer be undone$/);
    await expect(host.undoEdit(999_999)).rejects.toThrow(/^that change can no longer be undone$/);
    expect(await dateOf('again.jpg')).toEqual(again);
  });

  it("undoes putting back the files' own dates: the hand dates come back", async () => {
    const before = await Promise.all(['hand-date.jpg', 'no-offset.jpg'].map(dateOf));
    const result = await host.setTakenAt(await ids('hand-date.jpg', 'no-offset.jpg', 'own-date.jpg'), null);
    expect((await dateOf('hand-date.jpg')).takenEdited).toBeUndefined();
    expect(await host.undoEdit(result.undo!)).toEqual({ done: 2, changedSince: 0 }); // own-date.jpg had nothing to put back
    expect(await Promise.all(['hand-date.jpg', 'no-offset.jpg'].map(dateOf))).toEqual(before);
  });

  it('gives no undo when no photo changed', async () => {
    const shown = await host.setTakenAt(await ids('own-date.jpg'), '2024-03-01T08:00+05:00');
    expect(shown).toEqual({ done: 1, missing: 0, unchanged: 1 });
  });

  it('puts back each place exactly as it was: a hand place, a removed place, none; a photo placed again since keeps its place', async () => {
    await host.setPlace(await ids('hand-place.jpg'), FLORENCE);
    await host.setPlace(await ids('removed-place.jpg'), 'none');
    const names = ['hand-place.jpg', 'removed-place.jpg', 'own-place.jpg', 'placed-again.jpg'];
    const before = await Promise.all(names.map(placeOf));
    expect(before[1]).toMatchObject({ gpsLat: null, gpsLon: null, placeEdited: { fileGpsLat: expect.closeTo(AREZZO.lat, 4) } }); // removed by hand

    const result = await host.setPlace(await ids(...names), REYKJAVIK);
    expect(result).toEqual({ done: 4, missing: 0, undo: expect.any(Number) });
    await host.setPlace(await ids('placed-again.jpg'), MADRID);
    const again = await placeOf('placed-again.jpg');

    events.length = 0;
    expect(await host.undoEdit(result.undo!)).toEqual({ done: 3, changedSince: 1 });
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true);
    expect(await Promise.all(names.slice(0, 3).map(placeOf))).toEqual(before.slice(0, 3));
    expect((await placeOf('own-place.jpg')).placeEdited).toBeUndefined();
    expect(await placeOf('placed-again.jpg')).toEqual(again);
    await expect(host.undoEdit(result.undo!)).rejects.toThrow(/^that change can no longer be undone$/);
  });

  it('undoes a removal of places: the hand place and the file’s own come back', async () => {
    const names = ['hand-place.jpg', 'placed-again.jpg', 'own-place.jpg'];
    await host.setPlace(await ids('placed-again.jpg'), null); // its file's own again
    const before = await Promise.all(names.map(placeOf));
    const result = await host.setPlace(await ids(...names), 'none');
    expect(result).toEqual({ done: 3, missing: 0, undo: expect.any(Number) });
    expect(await host.undoEdit(result.undo!)).toEqual({ done: 2, changedSince: 0 }); // own-place.jpg had no place to remove
    expect(await Promise.all(names.map(placeOf))).toEqual(before);
  });
});
