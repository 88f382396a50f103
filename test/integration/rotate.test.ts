// Rotate through LibraryApi, as the app uses it: a photo turned a quarter right is listed
// sideways (width and height swapped, `rotation: 90`), its thumbnail and full image are served
// turned (the full image keeps every pixel), every copy of it turns with it, turns add up and
// four of them are none; a move, a re-index and a reopen keep it; a video is counted and not
// turned; a "text in photo" match's boxes turn with the photo; the file is never touched; a
// photo whose file was away at the turn is embedded turned by the index run that finds it back.
// Real LanceDB, tiny model. (The CLI: test/cli/rotate-cli.test.ts.)
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { FFMPEG_ENV } from '../../src/core/media';
import type { Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeRedLeftBlueRight } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

/** The image's size and which side of it is red. */
async function layout(jpeg: Uint8Array): Promise<{ width: number; height: number; red: 'top' | 'bottom' | 'left' | 'right' }> {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const redAt = (x: number, y: number) => data[(Math.floor(y) * info.width + Math.floor(x)) * info.channels]! > 128;
  const { width: w, height: h } = info;
  const [topLeft, topRight, bottomLeft] = [redAt(w * 0.1, h * 0.1), redAt(w * 0.9, h * 0.1), redAt(w * 0.1, h * 0.9)];
  const red = topLeft && topRight ? 'top' : topLeft && bottomLeft ? 'left' : topRight ? 'right' : 'bottom';
  return { width: w, height: h, red };
}

describe('rotate', () => {
  let home: string;
  let dir: string;
  let host: LibraryHost;
  const previousFfmpeg = process.env[FFMPEG_ENV];

  const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  const all = async (): Promise<Photo[]> => (await host.timeline({ limit: 100 })).photos;
  const photo = async (name: string) => (await all()).find((p) => path.relative(dir, p.path) === name)!;

  beforeAll(async () => {
    process.env[FFMPEG_ENV] = systemFfmpeg().path; // Debian's, as CI has it
    dir = tempDir('shoebox-rotate-');
    await writeRedLeftBlueRight(path.join(dir, 'flag.jpg'));
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'flag.jpg'), path.join(dir, 'backup', 'flag.jpg'));
    writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'red', seconds: 1 }]);
    home = tempDir('shoebox-rotate-home-');
    host = await open();
    await host.indexNow([dir]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    if (previousFfmpeg === undefined) delete process.env[FFMPEG_ENV];
    else process.env[FFMPEG_ENV] = previousFfmpeg;
  });

  it('turns a photo and its copies a quarter right: listed sideways, served turned, the files untouched', async () => {
    const before = fs.readFileSync(path.join(dir, 'flag.jpg'));
    const flag = await photo('flag.jpg');
    expect(flag).toMatchObject({ width: 640, height: 480 });
    expect(flag).not.toHaveProperty('rotation');
    const upright = await layout((await host.readImage(flag.id, 'thumb'))!.data);
    expect(upright).toMatchObject({ red: 'left' });
    expect(upright.width).toBeGreaterThan(upright.height);

    expect(await host.rotatePhotos([flag.id], 1)).toEqual({ done: 1, missing: 0, videos: 0 });
    // The thumbnail looked up in the store (the rotation forgot the keys pages remembered), then
    // the copy's from the timeline's page (its key and turn remembered: thumb-keys.ts).
    const sideways = { width: upright.height, height: upright.width, red: 'top' };
    expect(await layout((await host.readImage(flag.id, 'thumb'))!.data)).toEqual(sideways);
    for (const name of ['flag.jpg', 'backup/flag.jpg']) expect(await photo(name)).toMatchObject({ width: 480, height: 640, rotation: 90 });
    const copy = await host.readImage((await photo('backup/flag.jpg')).id, 'thumb');
    expect(await layout(copy!.data)).toEqual(sideways);
    const full = (await host.readImage(flag.id, 'image'))!;
    expect(full.contentType).toBe('image/jpeg');
    expect(await layout(full.data)).toEqual({ width: 480, height: 640, red: 'top' }); // every pixel
    expect((await host.getPhoto(flag.id))!).toMatchObject({ width: 480, height: 640, rotation: 90 });
    expect(fs.readFileSync(path.join(dir, 'flag.jpg')).equals(before)).toBe(true);
  });

  it('adds turns up (left after right is none: the original bytes again), and a video is counted, not turned', async () => {
    const flag = await photo('flag.jpg');
    expect(await host.rotatePhotos([flag.id], 1)).toEqual({ done: 1, missing: 0, videos: 0 });
    expect(await photo('flag.jpg')).toMatchObject({ width: 640, height: 480, rotation: 180 });
    expect(await layout((await host.readImage(flag.id, 'image'))!.data)).toMatchObject({ red: 'right' });
    await host.rotatePhotos([flag.id], -2);
    expect(await photo('flag.jpg')).not.toHaveProperty('rotation');
    expect(Buffer.from((await host.readImage(flag.id, 'image'))!.data).equals(fs.readFileSync(path.join(dir, 'flag.jpg')))).toBe(true);

    const clip = await photo('clip.mp4');
    expect(await host.rotatePhotos([clip.id, flag.id, 'no-such-id'], -1)).toEqual({ done: 1, missing: 1, videos: 1 });
    expect(await photo('clip.mp4')).not.toHaveProperty('rotation');
    expect(await photo('flag.jpg')).toMatchObject({ width: 480, height: 640, rotation: 270 });
    expect(await layout((await host.readImage(flag.id, 'thumb'))!.data)).toMatchObject({ red: 'bottom' });
  });

  it('turns a photo whose file is gone since indexing, says search still sees it as before, and embeds it turned once it is back', async () => {
    const events: { type: string; level?: string; message?: string }[] = [];
    const stop = host.subscribe((e) => events.push(e));
    try {
      const lost = path.join(dir, 'lost.jpg');
      await writeRedLeftBlueRight(lost, { width: 400, height: 300 });
      await host.indexNow([dir]);
      const [bytes, st] = [fs.readFileSync(lost), fs.statSync(lost)];
      fs.rmSync(lost);
      expect(await host.rotatePhotos([(await photo('lost.jpg')).id], 1)).toEqual({ done: 1, missing: 0, videos: 0 });
      expect(await photo('lost.jpg')).toMatchObject({ rotation: 90, width: 300, height: 400 });
      expect(events.filter((e) => e.level === 'warn').map((e) => e.message)).toEqual([`${lost} could not be read here: search still sees it as before the turn`]);
      // Back (the disk plugged in again): the next index run embeds it turned, once.
      fs.writeFileSync(lost, bytes);
      fs.utimesSync(lost, st.atimeMs / 1000, st.mtimeMs / 1000); // to the sub-millisecond, as the file had it
      // Embedded once, turned (by the run's turn check, or by the indexer when it takes the file for changed).
      expect(await host.indexNow([dir])).toMatchObject({ added: 0, embedded: 1 });
      expect(await host.indexNow([dir])).toMatchObject({ embedded: 0 });
    } finally {
      stop();
    }
  });

  it('keeps it through a move, a re-index and a reopen', async () => {
    fs.renameSync(path.join(dir, 'flag.jpg'), path.join(dir, 'flag-2024.jpg'));
    await host.indexNow([dir]);
    await host.close();
    host = await open();
    expect(await photo('flag-2024.jpg')).toMatchObject({ rotation: 270, width: 480, height: 640 });
    expect(await layout((await host.readImage((await photo('flag-2024.jpg')).id, 'thumb'))!.data)).toMatchObject({ red: 'bottom' });
  });
});
