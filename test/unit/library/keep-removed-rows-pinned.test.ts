// The trash keeps a removed photo's row in the removed-rows cache (keep-removed-rows.ts) so a
// photo restored later comes back without embedding. It must write the very file this
// process's index runs read: the one named by the build this process pinned, not by the
// model folder read again (a folder removed with `models remove --force` since reads as no
// build at all, and a row kept under that name is never found by the index run).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keepRemovedRows } from '../../../src/core/library/keep-removed-rows';
import { PinnedModelBuild } from '../../../src/core/library/pinned-model-build';
import { RemovedRows, removedRowsFile } from '../../../src/core/library/removed-rows';
import { writeManifest } from '../../../src/core/models/manifest';
import { tempDir } from '../../helpers/images';
import { fakeStore, photoRecord } from '../../helpers/fakes/fake-store';

const MODEL = 'mine';
const LIBRARY = '/home/me/library';

describe('rows kept by the trash', () => {
  it('go to the cache file of the build this process pinned, even once the model folder is gone', async () => {
    const modelDir = tempDir('shoebox-model-');
    writeManifest(modelDir, { format: 1, id: MODEL, source: 'import', layout: 'immich', files: [{ path: 'visual/model.onnx', size: 1, sha256: 'a'.repeat(64) }], installedAt: '2024-01-01T00:00:00Z' });
    const build = new PinnedModelBuild(MODEL, modelDir, 'shoebox serve');
    const pinned = build.weights; // pinned at the process's first look, as LibraryService does
    expect(pinned).toMatch(/^[0-9a-f]{64}$/);
    fs.rmSync(modelDir, { recursive: true, force: true }); // `models remove mine --force` meanwhile

    const store = fakeStore(MODEL);
    await store.upsertPhotos([photoRecord('/p/a.jpg', [1, 0, 0], { hash: 'a', modelId: MODEL })]);
    const cacheDir = path.join(tempDir('shoebox-home-'), 'cache');
    const lib = {
      paths: { cache: cacheDir },
      location: { describe: () => LIBRARY },
      modelId: MODEL,
      modelDir,
      pinnedWeights: pinned,
      modelMissing: undefined,
      modelReplaced: () => build.replaced(),
      writable: async () => store,
    };
    await keepRemovedRows(lib)(['/p/a.jpg']);

    // The file the index runs of this process read (library-service.ts names it by the pinned build).
    const indexReads = new RemovedRows(removedRowsFile(cacheDir, LIBRARY, MODEL, pinned), MODEL);
    expect(await indexReads.row('a')).toMatchObject({ hash: 'a', path: '/p/a.jpg' });
    expect(fs.existsSync(removedRowsFile(cacheDir, LIBRARY, MODEL))).toBe(false);
  });
});
