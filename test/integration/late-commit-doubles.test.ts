// A device whose lease lapsed may land a late commit after another device indexed the same
// photos; it takes its doubles back itself (late-commit.test.ts) unless it is killed or cut off
// first. Then the next index run, on any device, leaves one row per photo: the newest.
import path from 'node:path';
import { connect } from '@lancedb/lancedb';
import { afterAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { isPhotosTable } from '../../src/core/store/model-key';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';

describe('a photo with two rows left by a late commit', () => {
  let host: LibraryHost | undefined;
  afterAll(async () => {
    await host?.close();
  });

  it('is one photo again after the next index run, which keeps the newest row and embeds nothing', async () => {
    const dir = tempDir('shoebox-doubles-');
    await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
    await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
    const home = tempDir('shoebox-doubles-home-');
    const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    host = await open();
    await host.indexNow([dir]);
    await host.close();

    // What the killed device's late commit leaves: a second, older row for red.jpg.
    const red = path.join(dir, 'red.jpg');
    const db = await connect(path.join(home, 'library'), { readConsistencyInterval: 0 }); // sees the app's commits
    const table = await db.openTable((await db.tableNames()).find(isPhotosTable)!);
    const [row] = await table.query().where(`path = '${red}'`).toArray();
    await table.add([{ ...row, indexedAt: row.indexedAt - 60_000, vector: Array.from(row.vector as Float32Array) }]);
    expect(await table.countRows()).toBe(3);

    host = await open();
    const summary = await host.indexNow([dir]);
    expect(summary.embedded).toBe(0);
    expect(await table.countRows()).toBe(2);
    const [kept] = await table.query().where(`path = '${red}'`).toArray();
    expect(kept.indexedAt).toBe(row.indexedAt);
    expect((await host.timeline({ limit: 10 })).photos.map((p) => path.basename(p.path)).sort()).toEqual(['green.jpg', 'red.jpg']);
    table.close();
    db.close();
  }, 120_000);
});
