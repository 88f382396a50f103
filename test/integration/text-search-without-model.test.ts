// Text in photos is a full-text index of the text read in each photo: it needs no CLIP model.
// A device without one (the library opened for viewing only) still finds a photo by its text
// with a query of `text:` terms only, filters and all, and any other term says the model is
// needed, naming the library's own model (the core's offer), not the catalog's default.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { closeRecognizeText } from '../../src/core/ocr';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { writeSignPhoto } from '../helpers/sign-photo';

describe('searching text in photos without a model', () => {
  let home: string;
  let photos: string;
  let reader: LibraryHost;

  beforeAll(async () => {
    home = tempDir();
    photos = tempDir('shoebox-text-nomodel-');
    await writeSignPhoto(photos, 'PIZZA');
    await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
    const writer = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    await writer.setTextInPhotos(true);
    await writer.indexNow([photos]);
    expect(await writer.textInPhotos()).toMatchObject({ left: 0 });
    await writer.close();
    reader = await createLibraryApi({ home, provider: 'cpu', watch: false, writerLock: 'on-write', readWithoutModel: true });
  }, 180_000);

  afterAll(async () => {
    await reader?.close();
    closeRecognizeText();
  });

  it('finds the photo by its text, with filters and sorted by date too', async () => {
    const page = await reader.search('text:"pizza"');
    expect(page.photos.map((p) => path.basename(p.path))).toEqual(['pizza.jpg']);
    expect(page.photos[0]!.photoText?.text).toMatch(/PIZZA/);
    expect((await reader.search('text:"pizza"', { sort: 'date', filters: { folder: photos } })).photos.map((p) => path.basename(p.path))).toEqual(['pizza.jpg']);
    // A filter that leaves it out says so, as with a model.
    expect(await reader.search('text:"pizza"', { filters: { camera: 'leica' } })).toMatchObject({ photos: [], empty: { reason: 'filters' } });
  });

  it('says when no photo holds the words, not that nothing is embedded', async () => {
    expect(await reader.search('text:"sushi"')).toMatchObject({ photos: [], empty: { reason: 'no-text', text: { on: true, read: 2, left: 0 } } });
  });

  it('says a search by description needs the library\'s own model', async () => {
    const advice = `no model: this library's photos are embedded with ${TINY_IMMICH}, which is not in the catalog: bring its folder with shoebox models import DIR, or pass --model-dir DIR`;
    await expect(reader.search('red')).rejects.toThrow(advice);
    await expect(reader.search('red text:"pizza"')).rejects.toThrow(advice);
    expect((await reader.status()).modelProblem).toBe(advice.replace(/^no model: /, 'No model yet: '));
  });
});
