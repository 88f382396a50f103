// The library service and the models screen after weights are told apart per build
// (store/model-tables.ts), on real model folders:
// - the first writer after an upgrade adopts the id's old table with the dimension the model
//   folder declares: an edit never loads the model, and works when the model cannot load;
// - a long-running process (serve, the app) whose reader opened before its writer chose a
//   build's own tables reads those tables once the writer is given back, not the old ones;
// - Settings → Use counts, for each installed model, the photos its own build has embedded.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import { LibraryLocation } from '../../src/core/location/library-location';
import { ModelManager } from '../../src/core/models/model-manager';
import { modelWeightsFingerprint } from '../../src/core/models/weights-fingerprint';
import { modelKey, weightsKey } from '../../src/core/store/model-key';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';

const ID = 'mine';

describe('a library whose model id has had more than one build', () => {
  const hosts = useApiHosts();
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) fs.rmSync(d, { recursive: true, force: true });
  });
  const dir = (prefix: string) => {
    const d = tempDir(prefix);
    made.push(d);
    return d;
  };

  const photos = async (): Promise<string> => {
    const d = dir('shoebox-builds-photos-');
    for (let i = 0; i < 2; i++) fs.writeFileSync(path.join(d, `p${i}.jpg`), await sceneJpeg(300 + i, 320, 240));
    return d;
  };

  /** `fixture` copied into a folder named `id` (no manifest: no weights known, as before fingerprints). */
  const plainFolder = (fixture: string, id = ID): string => {
    const d = path.join(dir('shoebox-builds-model-'), id);
    fs.cpSync(fixtureModelDir(fixture), d, { recursive: true });
    return d;
  };

  /** A library indexed before fingerprints: the id's table holds 4-d vectors, no weights recorded. */
  const legacyLibrary = async (home: string, location?: LibraryLocation): Promise<string> => {
    const pictures = await photos();
    const legacy = openLibrary({ home, modelDir: plainFolder(TINY_IMMICH), provider: 'cpu', command: 'test', ...(location ? { location } : {}) });
    try {
      expect((await legacy.index([pictures])).embedded).toBe(2);
    } finally {
      await legacy.close();
    }
    return pictures;
  };

  it('is edited by the first writer after an upgrade without loading the model, which may not even load', async () => {
    const home = dir('shoebox-builds-home-');
    const pictures = await legacyLibrary(home);
    const installed = await new ModelManager({ home }).import(plainFolder(TINY_IMMICH));
    fs.writeFileSync(path.join(installed.dir, 'visual', 'model.onnx'), 'not an ONNX graph'); // a broken file (or a GPU that fails)

    const lib = openLibrary({ home, modelDir: installed.dir, provider: 'cpu', command: 'test' });
    try {
      const store = await lib.writable(); // `favourites add`, a rename in the app
      const [photo] = await store.listPhotos({ limit: 1 });
      await store.setFavourites([photo!.hash], true);
      expect((await store.favouriteHashes()).has(photo!.hash)).toBe(true);
      // Adopted: nothing to embed again.
      expect(store.modelTablesKey).toBe(modelKey(ID));
      expect((await lib.status()).pending).toBe(0);
    } finally {
      await lib.close();
    }
    expect(fs.readdirSync(pictures)).toHaveLength(2);
  }, 120_000);

  it("is read, once the writer is given back, from the tables that writer chose, not those a reader opened before it read", async () => {
    const location = LibraryLocation.local(dir('shoebox-builds-library-'));
    const [homeA, homeB] = [dir('shoebox-builds-home-a-'), dir('shoebox-builds-home-b-')];
    await legacyLibrary(homeA, location);
    const buildA = await new ModelManager({ home: homeA }).import(plainFolder(TINY_IMMICH));
    const buildB = await new ModelManager({ home: homeB }).import(plainFolder(TINY_TRANSFORMERS)); // other weights, same id and dimension

    // A long-running process with build B reads the old table as its own (nothing adopted it yet).
    const lib = openLibrary({ home: homeB, modelDir: buildB.dir, provider: 'cpu', command: 'test', location });
    try {
      expect((await lib.readable()).modelTablesKey).toBe(modelKey(ID));

      // Meanwhile another device, with build A, writes first and adopts it.
      const other = openLibrary({ home: homeA, modelDir: buildA.dir, provider: 'cpu', command: 'test', location });
      await other.writable();
      await other.close();

      // B's writer takes tables of its own; quiet, it gives the lock back (serve, the app).
      lib.handBackAfter(100, () => false);
      const handedBack = new Promise<void>((resolve) => lib.onHandBack(resolve));
      const ownTables = weightsKey(ID, modelWeightsFingerprint(buildB.dir)!);
      expect((await lib.writable()).modelTablesKey).toBe(ownTables);
      await handedBack;

      expect(lib.writing).toBe(false);
      expect((await lib.readable()).modelTablesKey).toBe(ownTables);
      expect((await lib.status()).pending).toBe(2); // build A's vectors are not B's: both photos to embed
    } finally {
      await lib.close();
    }
  }, 120_000);

  it("tells, for each installed model, the photos its own build has embedded, not another build's under its id", async () => {
    const home = dir('shoebox-builds-home-');
    const models = new ModelManager({ home });
    const pictures = await photos();
    const first = await models.import(plainFolder(TINY_IMMICH));
    const indexed = await hosts({ home, modelDir: first.dir });
    expect(await jobFinished(indexed.events, await indexed.host.addFolder(pictures))).toMatchObject({ state: 'done' });
    await indexed.host.close();

    // Other weights imported under the id, and another model in use.
    models.remove(ID);
    await models.import(plainFolder(TINY_TRANSFORMERS));
    const other = await models.import(plainFolder(TINY_IMMICH, 'other'));
    const { host } = await hosts({ home, modelDir: other.dir });
    const info = await host.models();
    expect(info.libraryPhotos).toBe(2);
    // A switch to "mine" embeds both photos again: Settings → Use must not say none is left.
    expect(info.models.find((m) => m.id === ID)?.embeddedPhotos).toBe(0);
  }, 120_000);
});
