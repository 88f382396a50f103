// Undo of a shift of dates (the selection bar's Date… → Shift dates), through LibraryApi as the
// app uses it: the core keeps a handle as for a set, and undoEdit puts back the date each photo
// had before the shift (its camera's, as no edit; or an earlier hand date, exactly), while a
// photo dated again since keeps the date the user gave it, rather than being moved by the same
// shift back. A photo with no date is not moved either way. Real LanceDB, tiny model.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';

describe('undo of a shift of dates', () => {
  let dir: string;
  let host: LibraryHost;

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

  beforeAll(async () => {
    dir = tempDir('shoebox-shift-undo-');
    await writeExifColourPhoto(dir, 'camera.jpg', [220, 20, 20], { taken: '2024:03:07 18:00:00' });
    await writeExifColourPhoto(dir, 'hand.jpg', [20, 200, 30], { taken: '2024:03:05 12:00:00', offset: '+05:00' });
    await writeExifColourPhoto(dir, 'viewer.jpg', [20, 25, 140], { taken: '2024:03:01 08:00:00' });
    await writeExifColourPhoto(dir, 'scan.jpg', [200, 200, 30]); // no date at all
    host = await createLibraryApi({ home: tempDir('shoebox-shift-undo-home-'), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('puts back each date from before the shift; a photo dated again since keeps the date the user gave it', async () => {
    await host.setTakenAt(await ids('hand.jpg'), '2010-06-01T09:00+02:00');
    const names = ['camera.jpg', 'hand.jpg', 'viewer.jpg', 'scan.jpg'];
    const before = await Promise.all(names.map(dateOf));
    expect(before[0]!.takenEdited).toBeUndefined();
    expect(before[3]!.takenAt).toBeNull();

    const shifted = await host.shiftTakenAt(await ids(...names), 3600);
    expect(shifted).toEqual({ done: 3, missing: 0, undated: 1, undo: expect.any(Number) });
    // Then, in the viewer, one of them is given a date of its own.
    await host.setTakenAt(await ids('viewer.jpg'), '2020-01-01T00:00');
    const dated = await dateOf('viewer.jpg');
    expect(dated.takenAt).toBe(Date.UTC(2020, 0, 1));

    expect(await host.undoEdit(shifted.undo!)).toEqual({ done: 2, changedSince: 1 });
    expect(await dateOf('camera.jpg')).toEqual(before[0]); // its camera's date, no hand date left
    expect(await dateOf('hand.jpg')).toEqual(before[1]); // the earlier hand date, its offset too
    expect(await dateOf('viewer.jpg')).toEqual(dated); // 2020-01-01, not 2019-12-31 23:00
    expect(await dateOf('scan.jpg')).toEqual(before[3]); // still no date
    await expect(host.undoEdit(shifted.undo!)).rejects.toThrow(/^that change can no longer be undone$/);
  });

  it("undoes a shift back onto the file's own date: the hand date comes back", async () => {
    await host.setTakenAt(await ids('camera.jpg'), '2024-03-07T20:00');
    const before = await dateOf('camera.jpg');
    const shifted = await host.shiftTakenAt(await ids('camera.jpg'), -2 * 3600);
    expect((await dateOf('camera.jpg')).takenEdited).toBeUndefined(); // the file's own: no edit
    expect(await host.undoEdit(shifted.undo!)).toEqual({ done: 1, changedSince: 0 });
    expect(await dateOf('camera.jpg')).toEqual(before);
  });

  it('gives no undo when no photo had a date to move', async () => {
    expect(await host.shiftTakenAt(await ids('scan.jpg'), 60)).toEqual({ done: 0, missing: 0, undated: 1 });
  });
});
