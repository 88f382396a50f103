// Date taken set by hand through LibraryApi, as the app uses it: the timeline moves the photo,
// On this day finds it on its new day, every copy of the content takes it, a re-index of the
// changed file, a move and a reopen keep it, a second edit then a restore put the file's own
// date back, a bad date changes nothing, and the files are never touched. Real LanceDB, tiny
// model. (The CLI: test/cli/date-cli.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import { connect } from '@lancedb/lancedb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo } from '../../src/shared/api';
import { takenAtIso } from '../../src/shared/taken-at';
import { isPhotosTable } from '../../src/core/store/model-key';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

/** An id that names no photo of the library. */
const GONE = Buffer.from('/nowhere/gone.jpg').toString('base64url');

describe('date taken set by hand', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  const events: LibraryEvent[] = [];

  const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  const all = async (): Promise<Photo[]> => (await host.timeline({ limit: 100 })).photos;
  const order = async () => (await all()).map((p) => path.relative(dir, p.path));
  const byName = async (name: string) => (await all()).find((p) => path.relative(dir, p.path) === name)!;
  const taken = async (name: string) => {
    const photo = await host.getPhoto((await byName(name)).id);
    return photo!.takenAt === null ? null : takenAtIso(photo!.takenAt, photo!.takenOffset);
  };

  beforeAll(async () => {
    dir = tempDir('shoebox-taken-at-');
    await writeExifColourPhoto(dir, 'red.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(dir, 'green.jpg', [20, 200, 30], { taken: '2024:03:05 12:00:00' });
    await writeExifColourPhoto(dir, 'scan.jpg', [20, 25, 140]); // no date at all, as a scan
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'scan.jpg'), path.join(dir, 'backup', 'scan.jpg'));
    home = tempDir('shoebox-taken-at-home-');
    host = await open();
    host.subscribe((e) => events.push(e));
    await host.indexNow([dir]);
    // Undated photos go by their file's time: the scans (written last) come first.
    expect(await order()).toEqual(['backup/scan.jpg', 'scan.jpg', 'red.jpg', 'green.jpg']);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('sets the date of a scan in one write: every copy takes it, the timeline moves it, the files are untouched', async () => {
    const before = fs.readFileSync(path.join(dir, 'scan.jpg'));
    events.length = 0;
    expect(await host.setTakenAt([(await byName('scan.jpg')).id, GONE], '1987-07-14T09:30')).toEqual({ done: 1, missing: 1, undo: expect.any(Number) });
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true); // the app's views redraw
    expect(await taken('scan.jpg')).toBe('1987-07-14T09:30:00');
    expect(await taken('backup/scan.jpg')).toBe('1987-07-14T09:30:00'); // the same content
    expect(await order()).toEqual(['red.jpg', 'green.jpg', 'backup/scan.jpg', 'scan.jpg']); // 1987: the oldest
    const details = await host.getPhoto((await byName('scan.jpg')).id);
    expect(details!.takenEdited).toEqual({ fileTakenAt: null, fileTakenOffset: null });
    // A search's date filter goes by it (the vector cache reads the rows' dates too).
    const in1987 = await host.search('a blue photo', { all: true, filters: { after: '1987', before: '1988' } });
    expect(in1987.photos.map((p) => path.relative(dir, p.path)).sort()).toEqual(['backup/scan.jpg', 'scan.jpg']);
    // On this day finds it on its new day, in a later year.
    const onThisDay = (await host.timeline({ limit: 100, onThisDay: '2025-07-14' })).photos.map((p) => path.relative(dir, p.path)).sort();
    expect(onThisDay).toEqual(['backup/scan.jpg', 'scan.jpg']);
    expect(fs.readFileSync(path.join(dir, 'scan.jpg')).equals(before)).toBe(true);
  });

  it('moves a dated photo in the timeline, with the offset given', async () => {
    await host.setTakenAt([(await byName('green.jpg')).id], '2024-03-09T08:15:00+02:00');
    expect(await taken('green.jpg')).toBe('2024-03-09T08:15:00+02:00');
    expect((await order())[0]).toBe('green.jpg'); // now the newest
    expect((await host.getPhoto((await byName('green.jpg')).id))!.takenEdited).toEqual({ fileTakenAt: Date.UTC(2024, 2, 5, 12), fileTakenOffset: null });
  });

  it('keeps the date through a re-index of the changed file, a move and a reopen', async () => {
    // Touched (same bytes, a new time: indexed again) and renamed (a move: its row is reused).
    const green = path.join(dir, 'green.jpg');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(green, later, later);
    fs.renameSync(path.join(dir, 'scan.jpg'), path.join(dir, 'scan-moved.jpg'));
    const summary = await host.indexNow([dir]);
    expect(summary.updated + summary.moved).toBeGreaterThan(0);
    expect(await taken('green.jpg')).toBe('2024-03-09T08:15:00+02:00');
    expect(await taken('scan-moved.jpg')).toBe('1987-07-14T09:30:00');
    // Gone from the library (its file moved away and indexed), then back: taken back from this
    // device's removed rows (removed-rows.ts), not embedded again, and still the user's date
    // (the library kept the edit by content; the kept row holds the file's own date).
    const away = path.join(tempDir('shoebox-taken-at-away-'), 'green.jpg');
    fs.renameSync(green, away);
    await host.indexNow([dir]);
    expect((await order()).includes('green.jpg')).toBe(false);
    fs.renameSync(away, green);
    const back = await host.indexNow([dir]);
    expect([back.added, back.embedded]).toEqual([1, 0]);
    expect(await taken('green.jpg')).toBe('2024-03-09T08:15:00+02:00');
    await host.close();
    host = await open();
    host.subscribe((e) => events.push(e));
    expect(await taken('green.jpg')).toBe('2024-03-09T08:15:00+02:00');
    expect(await taken('scan-moved.jpg')).toBe('1987-07-14T09:30:00');
  });

  it("a second edit, then a restore: the file's own date comes back, not the first edit", async () => {
    await host.setTakenAt([(await byName('green.jpg')).id], '2030-01-01T00:00');
    expect(await taken('green.jpg')).toBe('2030-01-01T00:00:00+02:00'); // typed without an offset: the photo keeps its own
    expect(await host.setTakenAt([(await byName('green.jpg')).id, (await byName('red.jpg')).id], null)).toEqual({ done: 2, missing: 0, undo: expect.any(Number) });
    expect(await taken('green.jpg')).toBe('2024-03-05T12:00:00');
    expect(await taken('red.jpg')).toBe('2024-03-07T18:00:00'); // never edited: unchanged
    expect((await host.getPhoto((await byName('green.jpg')).id))!.takenEdited).toBeUndefined();
    // The scan's restore leaves it (and its copy) without a date again: by file time, first.
    await host.setTakenAt([(await byName('scan-moved.jpg')).id], null);
    expect(await taken('scan-moved.jpg')).toBeNull();
    expect(await taken('backup/scan.jpg')).toBeNull();
    expect((await order()).slice(2)).toEqual(['red.jpg', 'green.jpg']);
  });

  it('shifts a selection by a day and an hour: two copies move once, each keeps its zone, back again forgets the edit', async () => {
    await host.setTakenAt([(await byName('scan-moved.jpg')).id], '1990-05-01T10:00+02:00');
    const chosen = [(await byName('scan-moved.jpg')).id, (await byName('backup/scan.jpg')).id, (await byName('green.jpg')).id, GONE];
    events.length = 0;
    expect(await host.shiftTakenAt(chosen, 25 * 3600)).toEqual({ done: 3, missing: 1, undated: 0, undo: expect.any(Number) }); // undone as a set is: test/integration/shift-undo.test.ts
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true);
    expect(await taken('scan-moved.jpg')).toBe('1990-05-02T11:00:00+02:00'); // once, not once per copy
    expect(await taken('backup/scan.jpg')).toBe('1990-05-02T11:00:00+02:00');
    expect(await taken('green.jpg')).toBe('2024-03-06T13:00:00');
    expect((await host.getPhoto((await byName('green.jpg')).id))!.takenEdited).toEqual({ fileTakenAt: Date.UTC(2024, 2, 5, 12), fileTakenOffset: null });
    // Two shifts sent at once (two windows) both apply, one after the other: back by the same
    // amount in two halves, the file's own date, no longer an edit.
    const green = (await byName('green.jpg')).id;
    await Promise.all([host.shiftTakenAt([green], -12 * 3600), host.shiftTakenAt([green], -13 * 3600)]);
    expect(await taken('green.jpg')).toBe('2024-03-05T12:00:00');
    expect((await host.getPhoto((await byName('green.jpg')).id))!.takenEdited).toBeUndefined();
    // Past 2200: refused in one line, nothing moved. An undated photo is counted, not moved.
    await expect(host.shiftTakenAt([(await byName('green.jpg')).id, (await byName('scan-moved.jpg')).id], 200 * 366 * 86_400)).rejects.toThrow(/^a shift of \+73200d would move a photo to the year 2224 .*; nothing changed$/);
    expect(await taken('scan-moved.jpg')).toBe('1990-05-02T11:00:00+02:00');
    await host.setTakenAt([(await byName('scan-moved.jpg')).id], null);
    expect(await host.shiftTakenAt([(await byName('scan-moved.jpg')).id], 60)).toEqual({ done: 0, missing: 0, undated: 1 });
    expect(await taken('scan-moved.jpg')).toBeNull();
  });

  it('refuses a date that does not exist, in one line, and changes nothing', async () => {
    const id = (await byName('red.jpg')).id;
    for (const bad of ['2024-02-30T10:00', 'yesterday', '2024-03-07T25:00', '1200-01-01']) {
      await expect(host.setTakenAt([id], bad)).rejects.toThrow(/^not a date taken: /);
    }
    expect(await taken('red.jpg')).toBe('2024-03-07T18:00:00');
  });

  it('a crash after keeping an edit, before its rows took it: the next index run puts the date on them', async () => {
    await host.setTakenAt([(await byName('red.jpg')).id], '2001-09-01T10:00');
    await host.close();
    // What the crash leaves: the edit kept (taken_edits), every row still with the file's date.
    const db = await connect(path.join(home, 'library'));
    for (const name of (await db.tableNames()).filter(isPhotosTable)) {
      await (await db.openTable(name)).update({ where: `path = '${path.join(dir, 'red.jpg')}'`, valuesSql: { takenAt: String(Date.UTC(2024, 2, 7, 18)) } });
    }
    db.close();
    host = await open();
    host.subscribe((e) => events.push(e));
    expect(await taken('red.jpg')).toBe('2024-03-07T18:00:00'); // the crash's state, as found
    events.length = 0;
    await host.indexNow([dir]); // nothing changed on disk: only the repair has work
    expect(await taken('red.jpg')).toBe('2001-09-01T10:00:00');
    expect(events.some((e) => e.type === 'photos-changed')).toBe(true); // the views redraw
    expect((await host.getPhoto((await byName('red.jpg')).id))!.takenEdited).toEqual({ fileTakenAt: Date.UTC(2024, 2, 7, 18), fileTakenOffset: null });
  });
});
