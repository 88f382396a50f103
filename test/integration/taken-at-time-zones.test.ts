// Date taken set by hand on several photos at once (the selection bar's Date…, the CLI's
// `date set`: one core policy, core/api/taken-at-api.ts) and their time zones: a date typed
// without an offset is the camera's clock and each photo keeps its own offset (as the viewer's
// editor and a shift do), so the timeline still orders them by instant and On this day by their
// clocks' day; one typed with an offset sets that one. A date set to the file's own (clock and
// offset) is no edit: an earlier edit is forgotten, and a photo already showing the date is
// counted unchanged, nothing written. Real LanceDB, tiny model. (The CLI: test/cli/date-time-zones-cli.test.ts.)
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { Photo } from '../../src/shared/api';
import { takenAtIso } from '../../src/shared/taken-at';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

describe('dates taken set on several photos, and their time zones', () => {
  let dir: string;
  let host: LibraryHost;

  const all = async (): Promise<Photo[]> => (await host.timeline({ limit: 100 })).photos;
  const order = async () => (await all()).map((p) => path.relative(dir, p.path));
  const id = async (name: string) => (await all()).find((p) => path.relative(dir, p.path) === name)!.id;
  const details = async (name: string) => (await host.getPhoto(await id(name)))!;
  const taken = async (name: string) => {
    const photo = await details(name);
    return photo.takenAt === null ? null : takenAtIso(photo.takenAt, photo.takenOffset);
  };
  const ids = async (...names: string[]) => Promise.all(names.map(id));

  beforeAll(async () => {
    dir = tempDir('shoebox-taken-at-zones-');
    await writeExifColourPhoto(dir, 'tz_plus.jpg', [220, 20, 20], { taken: '2024:03:10 23:30:00', offset: '+09:00' });
    await writeExifColourPhoto(dir, 'tz_late.jpg', [20, 200, 30], { taken: '2024:03:10 20:00:00', offset: '-08:00' });
    await writeExifColourPhoto(dir, 'plain.jpg', [20, 25, 140], { taken: '2008:10:22 16:43:21' });
    host = await createLibraryApi({ home: tempDir('shoebox-taken-at-zones-home-'), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
    expect(await taken('tz_plus.jpg')).toBe('2024-03-10T23:30:00+09:00');
    expect(await taken('tz_late.jpg')).toBe('2024-03-10T20:00:00-08:00');
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('a date typed without an offset keeps each photo its own: ordered by instant, On this day by its clock', async () => {
    expect(await host.setTakenAt(await ids('tz_plus.jpg', 'tz_late.jpg', 'plain.jpg'), '2021-01-01T12:00')).toEqual({ done: 3, missing: 0, undo: expect.any(Number) });
    expect(await taken('tz_plus.jpg')).toBe('2021-01-01T12:00:00+09:00');
    expect(await taken('tz_late.jpg')).toBe('2021-01-01T12:00:00-08:00');
    expect(await taken('plain.jpg')).toBe('2021-01-01T12:00:00'); // none recorded: none set
    expect((await details('tz_plus.jpg')).takenEdited).toEqual({ fileTakenAt: Date.UTC(2024, 2, 10, 23, 30), fileTakenOffset: 9 * 60 });
    // 12:00 at -08:00 (20:00 UTC) came after 12:00 at +09:00 (03:00 UTC), newest first.
    const zoned = (await order()).filter((n) => n.startsWith('tz_'));
    expect(zoned).toEqual(['tz_late.jpg', 'tz_plus.jpg']);
    // On this day goes by the clock's day, 1 January, whatever the zone.
    const onThisDay = (await host.timeline({ limit: 100, onThisDay: '2025-01-01' })).photos.map((p) => path.relative(dir, p.path)).sort();
    expect(onThisDay).toEqual(['plain.jpg', 'tz_late.jpg', 'tz_plus.jpg']);
  });

  it('a date typed with an offset sets that one on every photo', async () => {
    expect(await host.setTakenAt(await ids('tz_plus.jpg', 'tz_late.jpg'), '2021-01-01T12:00+02:00')).toEqual({ done: 2, missing: 0, undo: expect.any(Number) });
    expect(await taken('tz_plus.jpg')).toBe('2021-01-01T12:00:00+02:00');
    expect(await taken('tz_late.jpg')).toBe('2021-01-01T12:00:00+02:00');
    // The file's own is still what a restore puts back, offset and all.
    expect((await details('tz_late.jpg')).takenEdited).toEqual({ fileTakenAt: Date.UTC(2024, 2, 10, 20), fileTakenOffset: -8 * 60 });
  });

  it("a date set to the file's own (clock and offset) forgets the edit, as a restore would", async () => {
    // The file's clock without an offset keeps the +02:00 set by hand: still an edit.
    await host.setTakenAt(await ids('tz_plus.jpg'), '2024-03-10T23:30');
    expect(await taken('tz_plus.jpg')).toBe('2024-03-10T23:30:00+02:00');
    expect((await details('tz_plus.jpg')).takenEdited).toBeDefined();
    // With its offset it is the file's own date: no edit kept, a restore finds nothing.
    expect(await host.setTakenAt(await ids('tz_plus.jpg'), '2024-03-10T23:30+09:00')).toEqual({ done: 1, missing: 0, undo: expect.any(Number) });
    expect(await taken('tz_plus.jpg')).toBe('2024-03-10T23:30:00+09:00');
    expect((await details('tz_plus.jpg')).takenEdited).toBeUndefined();
    // The others back to their files' own dates, for what follows.
    await host.setTakenAt(await ids('tz_late.jpg', 'plain.jpg'), null);
    expect((await details('plain.jpg')).takenEdited).toBeUndefined();
  });

  it("a photo never edited, set to its file's own date, stays unedited and is counted unchanged", async () => {
    expect(await host.setTakenAt(await ids('plain.jpg'), '2008-10-22T16:43:21')).toEqual({ done: 1, missing: 0, unchanged: 1 });
    expect(await taken('plain.jpg')).toBe('2008-10-22T16:43:21');
    expect((await details('plain.jpg')).takenEdited).toBeUndefined();
    // Its clock alone: the photo's own offset kept, so its file's date, no edit.
    expect(await host.setTakenAt(await ids('tz_plus.jpg', 'tz_late.jpg'), '2024-03-10T23:30')).toEqual({ done: 2, missing: 0, unchanged: 1, undo: expect.any(Number) });
    expect((await details('tz_plus.jpg')).takenEdited).toBeUndefined();
    expect(await taken('tz_late.jpg')).toBe('2024-03-10T23:30:00-08:00');
    // The same date again: nothing changes, the edit stays as it was.
    const before = (await details('tz_late.jpg')).takenEdited;
    expect(await host.setTakenAt(await ids('tz_late.jpg'), '2024-03-10T23:30-08:00')).toEqual({ done: 1, missing: 0, unchanged: 1 });
    expect((await details('tz_late.jpg')).takenEdited).toEqual(before);
  });
});
