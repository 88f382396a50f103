// A photo whose file another program rewrites (a rating or keywords saved into it: new bytes,
// the same pixels) keeps everything the user gave it in Shoebox, though all of it is kept by
// content hash; a file overwritten by a different picture under the same name does not take
// the old photo's marks. Real LanceDB, the tiny colour model, through LibraryApi.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoId } from '../../src/core/api/photo-id';
import { misalignedContents } from '../../src/core/library/turn-alignment';
import { openLibraryStore } from '../../src/core/store';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { haveExiftool, writeCaptionedPhoto } from '../helpers/captioned-photos';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const openHost = useApiHosts();

/** What a metadata writer does: a segment added after the JPEG's start, the image data unchanged. */
function addCommentSegment(file: string, text: string): void {
  const bytes = fs.readFileSync(file);
  const body = Buffer.from(text, 'latin1');
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  fs.writeFileSync(file, Buffer.concat([bytes.subarray(0, 2), segment, bytes.subarray(2)]));
}

describe('a file rewritten by another program', () => {
  it('keeps its favourite, archive, description, dates, place, tags, rotation and album exclusion; a different picture under its name does not', async () => {
    const dir = tempDir('shoebox-rewritten-');
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(dir, 'green.jpg', COLOURS.green!);
    await writeColourPhoto(dir, 'blue.jpg', COLOURS.blue!);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    const red = photoId(path.join(dir, 'red.jpg'));
    const green = photoId(path.join(dir, 'green.jpg'));

    await host.saveLabelSet({ name: 'colours', labels: ['red', 'green', 'blue'], threshold: 0.3, margin: 0.05 });
    await host.saveAlbum({ name: 'Warm', query: 'red', threshold: 0.5 });
    for (const id of [red, green]) {
      await host.setFavourites([id], true);
      await host.setDescription([id], 'the wall at grandpa’s');
      await host.setTagStates([id], 'colours', 'blue', 'rejected');
      await host.setAlbumMembership('Warm', id, 'excluded');
    }
    await host.setArchived([red], true);
    await host.setTakenAt([red], '1987-07-14T09:30');
    await host.setPlace([red], { lat: 43.7696, lon: 11.2558 });
    expect(await host.rotatePhotos([red], 1)).toMatchObject({ done: 1 });
    const before = (await host.getPhoto(red))!;

    addCommentSegment(path.join(dir, 'red.jpg'), 'Rating=5, written by another app');
    // green.jpg overwritten by another picture, as a copy from a card under the same name.
    await writeColourPhoto(dir, 'green.jpg', [250, 240, 30]);
    const summary = await host.indexNow([dir]);
    expect(summary).toMatchObject({ updated: 2, failed: [] });

    const after = (await host.getPhoto(red))!;
    expect(after.favourite).toBe(true);
    expect(after.archived).toBe(true);
    expect(after.description).toBe('the wall at grandpa’s');
    expect(after.takenAt).toBe(before.takenAt);
    expect(after.takenEdited).toEqual({ fileTakenAt: null, fileTakenOffset: null });
    expect([after.gpsLat, after.gpsLon]).toEqual([before.gpsLat, before.gpsLon]);
    expect(after.placeEdited).toEqual({ fileGpsLat: null, fileGpsLon: null });
    expect(after.rotation).toBe(90);
    expect(after.tags.filter((t) => t.state !== 'auto').map((t) => `${t.label}:${t.state}`)).toEqual(['blue:rejected']);
    const album = (await host.listAlbums()).find((a) => a.name === 'Warm')!;
    expect(album.excludedIds).toContain(red);
    expect((await host.albumPhotos('Warm', { limit: 100 })).photos.map((p) => p.id)).not.toContain(red);

    const replaced = (await host.getPhoto(green))!;
    expect(replaced.favourite).toBeUndefined();
    expect(replaced.description).toBeUndefined();
    expect(replaced.tags.filter((t) => t.state !== 'auto')).toEqual([]);
    expect((await host.listAlbums()).find((a) => a.name === 'Warm')!.excludedIds).not.toContain(green);

    // Another run finds nothing more to do, and the marks hold.
    expect(await host.indexNow([dir])).toMatchObject({ updated: 0, added: 0 });
    expect((await host.getPhoto(red))!.favourite).toBe(true);
  }, 180_000);

  it('moves the marks: a file changed back later does not bring back a mark taken off since', async () => {
    const dir = tempDir('shoebox-rewritten-');
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    const red = photoId(path.join(dir, 'red.jpg'));
    const original = fs.readFileSync(path.join(dir, 'red.jpg'));
    await host.setFavourites([red], true);
    await host.setDescription([red], 'old words');
    addCommentSegment(path.join(dir, 'red.jpg'), 'Rating=5');
    await host.indexNow([dir]);
    await host.setFavourites([red], false);
    await host.setDescription([red], 'new words');
    fs.writeFileSync(path.join(dir, 'red.jpg'), original);
    await host.indexNow([dir]);
    const back = (await host.getPhoto(red))!;
    expect(back.favourite).toBeUndefined();
    expect(back.description).toBe('new words');
  }, 180_000);

  it('keeps an album exclusion made before the photo was renamed', async () => {
    const dir = tempDir('shoebox-rewritten-');
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(dir, 'green.jpg', COLOURS.green!);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    await host.saveAlbum({ name: 'Everything', query: 'a photo', threshold: -1 });
    await host.setAlbumMembership('Everything', photoId(path.join(dir, 'red.jpg')), 'excluded');
    fs.renameSync(path.join(dir, 'red.jpg'), path.join(dir, 'red2.jpg'));
    await host.indexNow([dir]);
    const renamed = photoId(path.join(dir, 'red2.jpg'));
    const excluded = async () => (await host.listAlbums()).find((a) => a.name === 'Everything')!.excludedIds;
    expect(await excluded()).toEqual([renamed]);
    addCommentSegment(path.join(dir, 'red2.jpg'), 'Rating=5');
    await host.indexNow([dir]);
    expect(await excluded()).toEqual([renamed]);
    expect((await host.albumPhotos('Everything', { limit: 10 })).photos.map((p) => p.id)).toEqual([photoId(path.join(dir, 'green.jpg'))]);
  }, 180_000);

  it.skipIf(!haveExiftool)('knows the picture by its capture time and camera though the user set another date by hand', async () => {
    const dir = tempDir('shoebox-rewritten-');
    const exif = ['-DateTimeOriginal=2024:06:15 10:00:00', '-Make=Fujifilm', '-Model=X100V'];
    await writeCaptionedPhoto(dir, 'shot.jpg', [200, 40, 40], exif);
    const { host, events } = await openHost();
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    const shot = photoId(path.join(dir, 'shot.jpg'));
    await host.setFavourites([shot], true);
    await host.setTakenAt([shot], '2024-06-16T10:00');
    // Its pixels changed (as a turn by another program moves the embedding), its EXIF shot time and camera kept.
    await writeCaptionedPhoto(dir, 'shot.jpg', [40, 40, 200], exif);
    await host.indexNow([dir]);
    const after = (await host.getPhoto(shot))!;
    expect(after.favourite).toBe(true);
    expect(after.takenEdited).toBeDefined();
  }, 180_000);
});

describe('a rewritten file whose old content another model’s table still holds', () => {
  it('moves no mark off the copy that only that table holds', async () => {
    const home = tempDir('shoebox-rewritten-home-');
    const d1 = tempDir('shoebox-rewritten-');
    const d2 = tempDir('shoebox-rewritten-copy-');
    await writeColourPhoto(d1, 'red.jpg', COLOURS.red!);
    fs.copyFileSync(path.join(d1, 'red.jpg'), path.join(d2, 'red copy.jpg'));
    const first = await openHost({ home, modelDir: fixtureModelDir(TINY_IMMICH) });
    expect(await jobFinished(first.events, await first.host.addFolder(d1))).toMatchObject({ state: 'done' });
    expect(await jobFinished(first.events, await first.host.addFolder(d2))).toMatchObject({ state: 'done' });
    const copy = photoId(path.join(d2, 'red copy.jpg'));
    await first.host.setFavourites([copy], true);
    await first.host.setDescription([copy], 'grandpa');
    await first.host.close();

    // Another model embeds only the first folder so far (a switch under way).
    const { host } = await openHost({ home, modelDir: fixtureModelDir(TINY_TRANSFORMERS) });
    await host.indexNow([d1]);
    addCommentSegment(path.join(d1, 'red.jpg'), 'Rating=5');
    await host.indexNow([d1]);
    expect((await host.getPhoto(photoId(path.join(d1, 'red.jpg'))))!.favourite).toBe(true);
    const kept = (await host.getPhoto(copy))!;
    expect(kept.favourite).toBe(true);
    expect(kept.description).toBe('grandpa');
  }, 240_000);
});

describe('a file rewritten while the app follows its folder', () => {
  it('embeds it as the user turned it, without waiting for an index run', async () => {
    const dir = tempDir('shoebox-rewritten-');
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    const { host, events } = await openHost({ watch: true });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    const red = photoId(path.join(dir, 'red.jpg'));
    expect(await host.rotatePhotos([red], 1)).toMatchObject({ done: 1 });
    expect(await host.indexNow([dir])).toMatchObject({ embedded: 0 });
    const seen = events.length;
    addCommentSegment(path.join(dir, 'red.jpg'), 'Rating=5');
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && !events.slice(seen).some((e) => e.type === 'photos-changed')) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events.slice(seen).some((e) => e.type === 'photos-changed')).toBe(true);
    expect((await host.getPhoto(red))!.rotation).toBe(90);
    // The watcher embeds the new content turned after that batch (its turn carried, then
    // aligned: LibraryService.alignCarriedTurns); an index run before then would stop the
    // watcher, and with it the alignment, and do it itself. Waited for, as a reader sees it:
    // no photo of the library shows a content turned otherwise than it was embedded.
    const reader = await openLibraryStore(path.join(host.home, 'library'), { model: { id: (await host.status()).model!.id, dimension: 0 }, readOnly: true });
    const unaligned = async () => [...(await reader.pathsByHash(await misalignedContents(reader))).values()].flat();
    try {
      await expect.poll(unaligned, { timeout: 60_000, interval: 200 }).toEqual([]);
    } finally {
      await reader.close();
    }
    // Nothing left for an index run: the watcher embedded the new content turned.
    expect(await host.indexNow([dir])).toMatchObject({ embedded: 0, updated: 0 });
  }, 180_000);
});

describe('a file deleted and written back by another program while the app follows its folder', () => {
  it('keeps its favourite though the watcher saw the deletion and the new file apart', async () => {
    const dir = tempDir('shoebox-rewritten-');
    await writeColourPhoto(dir, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(dir, 'green.jpg', COLOURS.green!);
    const { host, events } = await openHost({ watch: true });
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    const red = photoId(path.join(dir, 'red.jpg'));
    await host.setFavourites([red], true);
    await expect.poll(async () => (await host.status()).watching, { timeout: 10_000 }).toBe(true);
    // An editor saving this way: the old file deleted, the edited one written a while later.
    const edited = path.join(tempDir('shoebox-rewritten-edit-'), 'red.jpg');
    fs.copyFileSync(path.join(dir, 'red.jpg'), edited);
    addCommentSegment(edited, 'Rating=5, written by another app');
    fs.rmSync(path.join(dir, 'red.jpg'));
    await expect.poll(async () => (await host.listPhotos()).total, { timeout: 30_000 }).toBe(1);
    fs.copyFileSync(edited, path.join(dir, 'red.jpg'));
    await expect.poll(async () => (await host.listPhotos()).total, { timeout: 30_000 }).toBe(2);
    expect((await host.getPhoto(red))!.favourite).toBe(true);
  }, 180_000);
});

