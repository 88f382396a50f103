// The in-memory store of the feature unit tests (test/helpers/fakes) answers as the LanceDB
// store does: one scenario of writes, then every read the features make, asked of both and
// compared. A fake that drifted from the store would make the policy tests pass on a lie.
import { describe, expect, it } from 'vitest';
import type { LibraryStore, TagRecord } from '../../../src/core/store/types';
import { fakeStore } from '../../helpers/fakes/fake-store';
import { MODEL, openStore, photo, tempLibraryDir, unit } from './store-helpers';

const DAY = 86_400_000;
const rows = [
  photo('/p/a/1.jpg', { hash: 'h1', vector: unit(1, 0, 0, 0), takenAt: 10 * DAY, cameraMake: 'Canon', cameraModel: 'EOS R5', gpsLat: 1, gpsLon: 2 }),
  photo('/p/a/2.jpg', { hash: 'h2', vector: unit(0.8, 0.6, 0, 0), takenAt: 20 * DAY, takenOffset: 120 }),
  photo('/p/b/3.jpg', { hash: 'h3', vector: unit(0, 1, 0, 0), takenAt: null, cameraMake: 'Sony', cameraModel: 'A7' }),
  photo('/p/b/copy.jpg', { hash: 'h1', vector: unit(1, 0, 0, 0), takenAt: 10 * DAY }),
  photo('/p/ab/4.jpg', { hash: 'h4', vector: unit(0.6, 0, 0.8, 0), takenAt: 30 * DAY }),
];
const tag = (hash: string, label: string, state: TagRecord['state'], score = 0.5): TagRecord => ({ hash, set: 'colours', label, score, state, modelId: MODEL.id, updatedAt: 1 });

async function scenario(store: LibraryStore) {
  await store.upsertPhotos(rows);
  await store.putLabelSet({ name: 'zeta', json: '{}', updatedAt: 1 });
  await store.putLabelSet({ name: 'colours', json: '{}', updatedAt: 1 });
  await store.replaceAutoTags('colours', 'all', [tag('h1', 'Red', 'auto', 0.9), tag('h2', 'Red', 'auto', 0.7), tag('h3', 'Blue', 'auto')]);
  await store.putTags([tag('h2', 'Red', 'rejected'), tag('h4', 'Red', 'accepted', 1)]);
  await store.replaceAutoTags('colours', ['h3'], []); // scope h3: its Blue goes, the others stay
  await store.addAutoTagFolder('/p/a', 'colours');
  await store.addAutoTagFolder('/p/a', 'zeta');
  await store.putAlbum({ name: 'b', json: '{"x":1}', updatedAt: 2 });
  await store.putAlbum({ name: 'a', json: '{}', updatedAt: 1 });
  await store.putSignatures([{ hash: 'h1', version: 1, signature: Uint8Array.from([1, 2]), sharpness: 3 }]);
  const q = unit(1, 0.2, 0, 0);
  const round = (hits: { path: string; score: number }[]) => hits.map((h) => [h.path, Math.round(h.score * 1e4) / 1e4]);
  const sortedTags = (tags: TagRecord[]) => tags.map((t) => `${t.hash}/${t.label}/${t.state}/${t.score}`).sort();
  return {
    list: await store.listPhotos(),
    page: (await store.listPhotos({ folder: '/p/a', offset: 1, limit: 1 })).map((p) => p.path),
    // Unordered by contract: compared sorted.
    dates: (await store.listPhotoDates()).sort((a, b) => (a.path < b.path ? -1 : 1)),
    counts: [await store.countListed(), await store.countListed({ folder: '/p/a' }), await store.countPhotos({ takenFrom: 10 * DAY, takenBefore: 30 * DAY })],
    states: [...(await store.photoStates('/p/b'))],
    byPath: [...(await store.photosByPath(['/p/b/3.jpg', '/nope']))],
    byHash: (await store.photosByHash('h1')).map((p) => p.path).sort(),
    search: round(await store.searchVectors({ vector: q, limit: 10 })),
    searchCut: round(await store.searchVectors({ vector: q, limit: 2, offset: 1, minScore: 0.5 })),
    filters: [
      round(await store.searchVectors({ vector: q, limit: 10, folder: '/p/a' })),
      round(await store.searchVectors({ vector: q, limit: 10, camera: 'canon eos' })),
      round(await store.searchVectors({ vector: q, limit: 10, hasGps: false, hashes: ['h1', 'h3'] })),
      round(await store.searchVectors({ vector: q, limit: 10, takenFromInstant: 20 * DAY - 3 * 3_600_000, takenBeforeInstant: 20 * DAY })),
      round(await store.searchVectors({ vector: q, limit: 10, paths: ['/p/b/3.jpg'] })),
    ],
    vectors: [...(await store.vectorsByHash(['h1', 'h9']))].map(([h, v]) => [h, [...v]]),
    paths: [...(await store.pathsByHash(['h1', 'h4']))].map(([h, p]) => [h, [...p].sort()]),
    tagsShown: sortedTags(await store.listTags({ states: ['auto', 'accepted'] })),
    decisions: sortedTags(await store.listTags({ states: ['accepted', 'rejected'] })),
    everything: sortedTags(await store.listTags()),
    libraryPaths: [...(await store.libraryPathsByHash(['h1', 'h4']))].map(([h, p]) => [h, [...p].sort()]),
    sets: (await store.listLabelSets()).map((s) => s.name),
    folders: (await store.listAutoTagFolders()).map((f) => [f.folder, f.set]),
    albums: (await store.listAlbums()).map((a) => a.name),
    signatures: await store.getSignatures(['h1', 'h2']),
    afterRemoval: await (async () => {
      await store.removeLabelSet('colours');
      return { tags: await store.listTags(), folders: (await store.listAutoTagFolders()).map((f) => f.set) };
    })(),
  };
}

describe('the in-memory store (test/helpers/fakes)', () => {
  it('reads back what the LanceDB store reads back', async () => {
    const real = await scenario(await openStore(tempLibraryDir()));
    const fake = await scenario(fakeStore(MODEL.id));
    expect(fake).toEqual(real);
    // The scenario is not empty on either side.
    expect(real.libraryPaths).toEqual([['h1', ['/p/a/1.jpg', '/p/b/copy.jpg']], ['h4', ['/p/ab/4.jpg']]]);
    expect(real.tagsShown.length).toBeGreaterThan(0);
  });
});
