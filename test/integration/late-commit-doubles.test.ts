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

  it('is one photo again after the next index run, which keeps the newest row (one of rows that tie) and embeds nothing', async () => {
    const dir = tempDir('shoebox-doubles-');
    await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
    await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
    const home = tempDir('shoebox-doubles-home-');
    const open = () => createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    host = await open();
    await host.indexNow([dir]);
    await host.close();

    // What the killed device's late commit leaves: a second, older row for red.jpg; and for
    // green.jpg two rows more, all three with the same indexedAt (a later merge-insert on a
    // doubled path rewrites each of its rows alike), which no predicate tells apart.
    const red = path.join(dir, 'red.jpg');
    const green = path.join(dir, 'green.jpg');
    const db = await connect(path.join(home, 'library'), { readConsistencyInterval: 0 }); // sees the app's commits
    const table = await db.openTable((await db.tableNames()).find(isPhotosTable)!);
    const [row] = await table.query().where(`path = '${red}'`).toArray();
    const [greenRow] = await table.query().where(`path = '${green}'`).toArray();
    const copy = (r: Record<string, unknown>, indexedAt: number) => ({ ...r, indexedAt, vector: Array.from(r.vector as Float32Array) });
    await table.add([copy(row, row.indexedAt - 60_000), copy(greenRow, greenRow.indexedAt), copy(greenRow, greenRow.indexedAt)]);
    expect(await table.countRows()).toBe(5);

    host = await open();
    const summary = await host.indexNow([dir]);
    expect(summary.embedded).toBe(0);
    expect(await table.countRows()).toBe(2);
    const [kept] = await table.query().where(`path = '${red}'`).toArray();
    expect(kept.indexedAt).toBe(row.indexedAt);
    const [one] = await table.query().where(`path = '${green}'`).toArray();
    expect({ ...one, vector: Array.from(one.vector as Float32Array), indexedAt: 0 }).toEqual({ ...greenRow, vector: Array.from(greenRow.vector as Float32Array), indexedAt: 0 });
    expect((await host.timeline({ limit: 10 })).photos.map((p) => path.basename(p.path)).sort()).toEqual(['green.jpg', 'red.jpg']);
    table.close();
    db.close();
  }, 120_000);
});
