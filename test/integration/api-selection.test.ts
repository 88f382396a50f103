// Actions on a selection through LibraryApi (#15 item 3): the trash goes through the
// duplicates trash's checks (a photo whose bytes changed since it was indexed stays), moved
// photos (and only they) leave the library; the
// export writes links and refuses a folder inside the library. Real LanceDB, tiny model,
// a test trash folder (the host's trashDir).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent, Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';

describe('selection actions through LibraryApi', () => {
  let dir: string;
  let trashDir: string;
  let host: LibraryHost;
  const events: LibraryEvent[] = [];
  let byName: Map<string, Photo>;

  beforeAll(async () => {
    dir = tempDir('shoebox-api-selection-');
    trashDir = tempDir('shoebox-api-selection-trash-');
    for (const [name, rgb] of [['red', [220, 20, 20]], ['green', [20, 200, 30]], ['blue', [25, 30, 210]]] as const) await writeColourPhoto(dir, `${name}.jpg`, [...rgb]);
    host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, trashDir });
    host.subscribe((event) => events.push(event));
    expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done' });
    byName = new Map((await host.timeline({ limit: 100 })).photos.map((p) => [path.basename(p.path), p]));
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('exports links to a folder outside the library, and refuses one inside it', async () => {
    const out = path.join(tempDir('shoebox-api-selection-out-'), 'picked');
    const report = await host.exportPhotos([byName.get('red.jpg')!.id, byName.get('green.jpg')!.id], out);
    expect(report).toMatchObject({ dir: out, exported: 2, alreadyThere: 0, failed: [] });
    expect(fs.readlinkSync(path.join(out, 'red.jpg'))).toBe(path.join(dir, 'red.jpg'));
    // Again: the folder holds them already, and the report says nothing new was written.
    expect(await host.exportPhotos([byName.get('red.jpg')!.id, byName.get('green.jpg')!.id], out)).toMatchObject({ exported: 2, alreadyThere: 2, failed: [] });
    await expect(host.exportPhotos([byName.get('red.jpg')!.id], path.join(dir, 'export'))).rejects.toThrow(/library/);
  });

  it('moves to the trash only what is safe: not a photo whose bytes changed since indexing', async () => {
    // green.jpg's bytes change after indexing (same size, same mtime: only the hash tells).
    const green = path.join(dir, 'green.jpg');
    const stat = fs.statSync(green);
    const bytes = fs.readFileSync(green);
    bytes[bytes.length - 3] = (bytes[bytes.length - 3] ?? 0) ^ 0xff;
    fs.writeFileSync(green, bytes);
    fs.utimesSync(green, stat.atime, stat.mtime);

    const ids = ['red.jpg', 'green.jpg', 'blue.jpg'].map((n) => byName.get(n)!.id);
    const report = await host.trashPhotos(ids);
    expect(report.moved).toEqual([path.join(dir, 'red.jpg'), path.join(dir, 'blue.jpg')]);
    expect(report.failed.map((f) => [path.basename(f.path), f.error])).toEqual([['green.jpg', expect.stringMatching(/content changed/)]]);
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual(['blue.jpg', 'red.jpg']);
    expect(fs.existsSync(green)).toBe(true);
    const left = (await host.timeline({ limit: 100 })).photos.map((p) => path.basename(p.path));
    expect(left).toEqual(['green.jpg']);
    // An id the library no longer has is reported, nothing else happens.
    expect((await host.trashPhotos([byName.get('red.jpg')!.id])).skipped).toEqual([{ path: path.join(dir, 'red.jpg'), reason: 'not in the library (any more)' }]);
    expect(events.some((e) => e.type === 'job' && e.job.kind === 'trash' && e.job.state === 'done')).toBe(true);
  });
});
