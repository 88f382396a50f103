// A writer whose lease lapsed mid-commit (a laptop shut, a process frozen) may still land that
// commit after another device took over and indexed the same photos. The library keeps one
// row per photo, and never loses one: Lance re-runs the late merge-insert on the newer
// version, where it replaces the other device's rows, so taking back all it wrote would take
// those photos out of the library (seen on Ceph: 32 of 240 photos missing after the takeover).
import { connect } from '@lancedb/lancedb';
import { describe, expect, it } from 'vitest';
import { openLibraryStore } from '../../../src/core/store';
import { photosTableName } from '../../../src/core/store/model-key';
import { LeaseLostError } from '../../../src/core/store/writer-lease';
import { MODEL, openStore, photo, tempLibraryDir } from './store-helpers';

describe('a commit that lands after the lease lapsed', () => {
  it('leaves exactly one row per photo, whichever device wrote it, and still stops its writer', async () => {
    const dir = tempLibraryDir();
    let lapsed = false;
    let lapseAt = Infinity;
    let checks = 0;
    // The lease is checked at the call, when the commit's turn comes, and after it lands
    // (store/index.ts upsertPhotos): it lapses once the commit is under way.
    const laptop = await openStore(dir, {
      beforeWrite: () => {
        if (lapsed) throw new LeaseLostError('library lease lost: not renewed for 36 s');
        if (++checks === lapseAt) lapsed = true;
      },
    });
    await laptop.upsertPhotos([photo('/p/first.jpg', { indexedAt: 500 })]);
    const desktop = await openStore(dir);
    const paths = ['/p/a.jpg', '/p/b.jpg', '/p/c.jpg'];
    await desktop.upsertPhotos(paths.map((p) => photo(p, { indexedAt: 2000 })));

    // The laptop's batch was under way when it froze: it lands now, then finds its lease gone.
    const late = [...paths, '/p/d.jpg'].map((p) => photo(p, { indexedAt: 1000 }));
    lapseAt = checks + 2;
    const landing = laptop.upsertPhotos(late);
    await expect(landing).rejects.toBeInstanceOf(LeaseLostError);

    const rows = (await desktop.listPhotos()).map((p) => p.path).sort();
    expect(rows).toEqual(['/p/a.jpg', '/p/b.jpg', '/p/c.jpg', '/p/d.jpg', '/p/first.jpg']);
  });

  it('on a photo already doubled, whose rows the late merge-insert rewrote alike, keeps the photo; the next repair leaves one row', async () => {
    const dir = tempLibraryDir();
    const first = await openLibraryStore(dir, { model: MODEL });
    await first.upsertPhotos([photo('/p/a.jpg', { indexedAt: 500 })]);
    await first.close();
    // A double left by an earlier late writer that was killed before taking it back.
    const db = await connect(dir);
    const table = await db.openTable(photosTableName(MODEL.id));
    const [row] = await table.query().toArray();
    await table.add([{ ...row, indexedAt: 400, vector: Array.from(row.vector as Float32Array) }]);
    table.close();
    db.close();

    let checks = 0;
    let lapseAt = Infinity;
    const laptop = await openStore(dir, {
      beforeWrite: () => {
        if (++checks >= lapseAt) throw new LeaseLostError('library lease lost: not renewed for 36 s');
      },
    });
    // Checked at the call and at the commit's turn; lapsed by the time it has landed.
    lapseAt = checks + 3;
    await expect(laptop.upsertPhotos([photo('/p/a.jpg', { indexedAt: 3000 })])).rejects.toBeInstanceOf(LeaseLostError);
    const desktop = await openStore(dir, { readOnly: true });
    expect((await desktop.listPhotos()).map((p) => p.path)).toEqual(['/p/a.jpg', '/p/a.jpg']); // kept, both rows alike

    const next = await openStore(dir);
    await next.photoStates();
    expect(await next.repairDoubles()).toBe(1);
    expect((await desktop.listPhotos()).map((p) => [p.path, p.indexedAt])).toEqual([['/p/a.jpg', 3001]]);
  });
});
