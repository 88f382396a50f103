// The core's side of reading without a model (the CLI's status, list, places): the library
// opens, lists and names its photos, and refuses every write with the no-model error, so a
// device that cannot embed never indexes, records failures or changes the library.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { writeColourVideo } from '../helpers/videos';

/** What the no-model error advises: the library's own model, a folder given with --model-dir here. */
const ADVICE = /^no model: this library's photos are embedded with tiny-immich, which is not in the catalog: bring its folder with shoebox models import DIR/;

describe('a library opened without a model', () => {
  let home: string;
  let photos: string;
  let reader: LibraryHost;

  beforeAll(async () => {
    home = tempDir();
    photos = tempDir('shoebox-nomodel-api-');
    await writeExifColourPhoto(photos, 'arezzo.jpg', [220, 20, 20], { gps: { lat: 43.4682, lon: 11.8802 } });
    await writeExifColourPhoto(photos, 'blue.jpg', [20, 30, 220]);
    const writer = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    await writer.indexNow([photos]);
    await writer.close();
    reader = await createLibraryApi({ home, provider: 'cpu', watch: false, writerLock: 'on-write', readWithoutModel: true });
  }, 60_000);

  afterAll(async () => {
    await reader?.close();
  });

  it('reads the photos and their places, and says it has no model', async () => {
    await reader.ready({ toRead: true });
    await expect(reader.ready()).rejects.toThrow(ADVICE);
    const page = await reader.timeline({ limit: 10 });
    expect(page.photos.map((p) => path.basename(p.path)).sort()).toEqual(['arezzo.jpg', 'blue.jpg']);
    expect((await reader.places()).countries.map((c) => c.place)).toEqual(['Italy']);
    expect(await reader.status()).toMatchObject({ model: null, photos: 2, modelProblem: expect.stringMatching(/^No model yet: this library's photos are embedded with tiny-immich/) });
  });

  it('refuses writes with the no-model error and writes nothing', async () => {
    const id = (await reader.timeline({ limit: 10 })).photos[0]!.id;
    await expect(reader.setFavourites([id], true)).rejects.toThrow(ADVICE);
    await expect(reader.indexNow([photos])).rejects.toThrow(ADVICE);
    expect((await reader.timeline({ favourite: true })).total).toBe(0);
  });
});

describe('a library with videos opened without a model', () => {
  it('shows its videos in the Videos view (their length is read from the rows it lists)', async () => {
    const home = tempDir();
    const media = tempDir('shoebox-nomodel-videos-');
    await writeExifColourPhoto(media, 'red.jpg', [220, 20, 20]);
    writeColourVideo(path.join(media, 'blue.mp4'), [{ colour: 'blue', seconds: 2 }]);
    const writer = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    expect(await writer.indexNow([media])).toMatchObject({ added: 2 });
    await writer.close();
    const reader = await createLibraryApi({ home, provider: 'cpu', watch: false, writerLock: 'on-write', readWithoutModel: true });
    try {
      const videos = await reader.timeline({ videos: true, limit: 10 });
      expect(videos.photos.map((p) => path.basename(p.path))).toEqual(['blue.mp4']);
      expect((await reader.timelineSummary({ videos: true })).total).toBe(1);
    } finally {
      await reader.close();
    }
  });
});
