// The app's side of an import after a trash: a photo moved to the trash with the app's Trash…
// (LibraryApi.trashPhotos, the viewer's and the selection's) is not copied back by the next
// import of the same card, and the Import form's line (the job's summary, built by the core as
// the CLI's is: shared/photo-import-text.ts) says so and how to import it anyway in the app
// (restore it: the app's import has no --include-trashed).
// Real LanceDB, tiny model, a test trash folder (the host's trashDir).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';

describe('importing a card again after the app trashed one of its photos', () => {
  let host: LibraryHost | undefined;
  afterAll(async () => {
    await host?.close();
  });

  it('leaves the trashed photo on the card and says so in the job’s summary', async () => {
    const library = tempDir('shoebox-import-trashed-app-library-');
    await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    const card = tempDir('shoebox-import-trashed-app-card-');
    await writeColourPhoto(card, 'IMG_0001.JPG', [200, 40, 40]);
    await writeColourPhoto(card, 'IMG_0002.JPG', [40, 200, 40]);
    host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, trashDir: tempDir('shoebox-import-trashed-app-trash-') });
    const events: LibraryEvent[] = [];
    host.subscribe((event) => events.push(event));
    expect(await jobFinished(events, await host.addFolder(library))).toMatchObject({ state: 'done' });
    expect((await jobFinished(events, await host.importPhotos(card, library))).result?.summary).toMatch(/^copied 2 photos into /);

    const copy = (await host.timeline({ limit: 100 })).photos.find((p) => path.basename(p.path) === 'IMG_0002.JPG')!;
    expect((await host.trashPhotos([copy.id])).moved).toEqual([copy.path]);
    expect(fs.existsSync(copy.path)).toBe(false);

    const again = await jobFinished(events, await host.importPhotos(card, library));
    expect(again.result?.summary).toBe(`no new photos or videos in ${card}: 1 photo already in the library, 1 photo you moved to the trash in Shoebox not imported again (to import it anyway: restore it from the trash)`);
    expect(fs.existsSync(copy.path)).toBe(false);
    expect((await host.timeline({ limit: 100 })).photos.map((p) => path.basename(p.path)).sort()).toEqual(['IMG_0001.JPG', 'kept.jpg']);
  }, 180_000);
});
