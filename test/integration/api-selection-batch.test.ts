// Actions on a large selection through LibraryApi: tagging and album membership of many
// photos are one write each (a table version, not one per photo: 61 ms and a version per
// photo before, so 5,000 selected photos took five minutes), ids that left the library are
// counted rather than failing the rest, identical copies are pinned as one entry, and
// the XMP sidecars that carry the set follow the decision. Real LanceDB, tiny model.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { Photo } from '../../src/shared/api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeDistinctPhotos } from '../helpers/images';
import { tableVersion } from '../helpers/table-version';

const PHOTOS = 40;
/** An id that names no photo of the library (a photo deleted since it was selected). */
const GONE = Buffer.from('/nowhere/gone.jpg').toString('base64url');

describe('actions on a large selection', () => {
  let home: string;
  let host: LibraryHost;
  let photos: Photo[];
  let set: string;
  let label: string;

  const version = (table: string) => tableVersion(path.join(home, 'library'), table);

  beforeAll(async () => {
    const dir = tempDir('shoebox-api-batch-');
    await writeDistinctPhotos(dir, PHOTOS, { width: 320, height: 240 }, '#336699');
    fs.mkdirSync(path.join(dir, 'backup'));
    fs.copyFileSync(path.join(dir, 'p000.jpg'), path.join(dir, 'backup', 'p000.jpg'));
    home = tempDir('shoebox-api-batch-home-');
    host = await createLibraryApi({ home, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
    await host.indexNow([dir]);
    photos = (await host.timeline({ limit: 100 })).photos.sort((a, b) => a.path.localeCompare(b.path));
    expect(photos).toHaveLength(PHOTOS + 1);
    const animals = await host.importLabelSetFile('animals');
    set = animals.name;
    label = animals.labels[0]!.name;
    // Sidecars carrying the set, as `shoebox tag --write-xmp` leaves them: a decision updates them.
    await host.writeTagSidecars(await host.tagNow(set, null, { remember: false }), [set]);
  }, 120_000);

  afterAll(async () => {
    await host?.close();
  });

  it('tags every selected photo in one write, counting the ids that left the library', async () => {
    const before = await version('tags');
    expect(fs.readFileSync(`${photos[5]!.path}.xmp`, 'utf8')).not.toContain(label);
    const result = await host.setTagStates([...photos.map((p) => p.id), GONE], set, label, 'accepted');
    expect(result).toEqual({ done: PHOTOS + 1, missing: 1 });
    expect(await version('tags')).toBeLessThanOrEqual(before + 2); // a merge (and a delete of forgotten ones)
    const tagged = await host.photoTags({ set });
    expect(tagged).toHaveLength(PHOTOS + 1);
    for (const p of tagged) expect(p.tags.find((t) => t.label === label)?.state).toBe('accepted');
    // The sidecars that carry the set now hold the label as a keyword.
    const sidecar = fs.readFileSync(`${photos[5]!.path}.xmp`, 'utf8');
    expect(sidecar).toContain(label);

    // Undone the same way: 'auto' forgets the decisions.
    await host.setTagStates(photos.map((p) => p.id), set, label, 'auto');
    expect((await host.photoTags({ set })).flatMap((p) => p.tags).filter((t) => t.state === 'accepted')).toEqual([]);
  });

  it('pins, excludes and frees many photos in one change of the album each, an identical copy once', async () => {
    await host.saveAlbum({ name: 'picked', query: 'blue' });
    const before = await version('albums');
    const chosen = photos.slice(0, 20);
    expect(chosen.map((p) => path.relative(path.dirname(photos[1]!.path), p.path))).toContain(path.join('backup', 'p000.jpg'));
    const pinned = await host.setAlbumMemberships('picked', [...chosen.map((p) => p.id), GONE], 'pinned');
    expect(pinned).toMatchObject({ done: 20, missing: 1 });
    expect(pinned.album.pinned).toBe(19); // p000.jpg and its backup copy are one entry
    expect(await version('albums')).toBe(before + 1);

    // The first two are backup/p000.jpg and p000.jpg: their one pin goes; each is excluded
    // (an exclusion is of its own path: both copies selected, both out of the album).
    const excluded = await host.setAlbumMemberships('picked', chosen.slice(0, 5).map((p) => p.id), 'excluded');
    expect(excluded.album).toMatchObject({ pinned: 15, excluded: 5 });
    const freed = await host.setAlbumMemberships('picked', [...chosen.map((p) => p.id), GONE], 'auto');
    expect(freed).toMatchObject({ done: 20, missing: 1, album: { pinned: 0, excluded: 0 } });
    expect(await version('albums')).toBe(before + 3);
  });
});
