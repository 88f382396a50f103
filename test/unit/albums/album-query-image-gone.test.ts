// A smart album whose query is an image outside the library keeps the image's vector per model
// (album-query.ts): moved away, the image still serves the model that embedded it. Under another
// model the album cannot be read, and its line says why and what mends it (put the image back,
// or use the first model again), not search's bare "image not found: …", which read as lost
// for good. The same line when the album is saved again (renamed) under that model.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlbumService } from '../../../src/core/albums/album-service';
import { AlbumError } from '../../../src/core/albums/album';
import { modelKey } from '../../../src/core/store/model-key';
import { fakeLibrary, wordVectors, type FakeLibrary } from '../../helpers/fakes/fake-library';
import { photoRecord } from '../../helpers/fakes/fake-store';
import { tempDir } from '../../helpers/images';

/** The same library opened with model `id`, whose tables are read under its own key. */
function underModel(lib: FakeLibrary, id: string): FakeLibrary {
  const store = { ...lib.store, modelId: id, modelTablesKey: modelKey(id), modelTables: async () => [{ modelId: 'first', photos: 1 }, { modelId: id, photos: 1 }] };
  return { ...lib, modelId: id, store, readable: async () => store, writable: async () => store };
}

describe("an album whose query image is gone, read under another model", () => {
  it('says the image is gone, that this model has no vector of it, and that the first model kept one', async () => {
    const first = fakeLibrary(wordVectors({}, 4), { modelId: 'first' });
    const image = path.join(tempDir('shoebox-outside-'), 'purple.jpg');
    fs.writeFileSync(image, 'an image'); // its vector is the library row's below (the fake embeds no files)
    await first.store.upsertPhotos([photoRecord(image, [0.6, 0.8, 0, 0]), photoRecord('/photos/violet.jpg', [0.6, 0.8, 0, 0])]);
    await new AlbumService(first).create('purplish', image, { threshold: 0.5 });
    // The image moved away: the first model's kept vector still finds the album's photos.
    fs.rmSync(image);
    await first.store.removePhotos([image]);
    expect(await new AlbumService(first).summary('purplish')).toMatchObject({ members: 1 });

    const line = `its query image ${image} is gone, and model second has no vector of it: put the image back, or use model first again (which kept one)`;
    const second = new AlbumService(underModel(first, 'second'));
    const summary = await second.summary('purplish');
    expect([summary.error, summary.reason]).toEqual([line, line]);
    // Saved again under that model (a rename keeps the query): refused with the same line.
    await expect(second.save({ name: 'purple', query: image, threshold: 0.5 }, 'purplish')).rejects.toEqual(new AlbumError(line));
    // Back under the first model, the album is whole again.
    expect(await new AlbumService(first).summary('purplish')).toMatchObject({ members: 1 });
    expect((await new AlbumService(first).summary('purplish')).error).toBeUndefined();
  });
});
