// Automatic tags are kept per model build, as the photos tables are (store/model-tables.ts):
// another build of an id (a model imported anew under it, or another device's build in a
// shared library) reads none of the first build's and writes its own beside them; neither
// build's run replaces or deletes the other's. Rows from before builds were told apart (keyed
// by the bare id) are read exactly where the id's own tables are: by the build that adopts
// them. The user's decisions hold under every build and are never touched.
import { describe, expect, it } from 'vitest';
import type { TagRecord } from '../../../src/core/store/types';
import { MODEL, openStore, photo, tempLibraryDir } from './store-helpers';

const FIRST = 'a'.repeat(64);
const SECOND = 'b'.repeat(64);

const tag = (hash: string, label: string, overrides: Partial<TagRecord> = {}): TagRecord => ({ hash, set: 'animals', label, score: 0.9, state: 'auto', modelId: MODEL.id, updatedAt: 1, ...overrides });
/** What a store shows: [hash, label, state], sorted; every auto tag names the model's id. */
const shown = async (store: { listTags(): Promise<TagRecord[]> }) => {
  const tags = await store.listTags();
  expect(tags.every((t) => t.modelId === MODEL.id)).toBe(true);
  return tags.map((t) => [t.hash, t.label, t.state]).sort();
};

describe('auto tags of builds of one model id', () => {
  it('are each build’s own; rows from before builds are the adopting build’s; decisions hold under all', async () => {
    const dir = tempLibraryDir();
    // Before fingerprints: the id's table, its auto tags (keyed by the bare id) and a decision.
    const legacy = await openStore(dir, { model: MODEL });
    await legacy.upsertPhotos([photo('/p/a.jpg', { hash: 'h1' }), photo('/p/b.jpg', { hash: 'h2' })]);
    await legacy.replaceAutoTags('animals', 'all', [tag('h1', 'dog'), tag('h2', 'cat')]);
    await legacy.putTags([tag('h2', 'bird', { state: 'accepted' })]);
    await legacy.close();

    // The first build with a fingerprint adopts the id's tables, and with them their tags.
    const first = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    const firstTags = [['h1', 'dog', 'auto'], ['h2', 'bird', 'accepted'], ['h2', 'cat', 'auto']];
    expect(await shown(first)).toEqual(firstTags);
    await first.close();

    // Other weights under the id: none of those auto tags (so its index tags the photos), the decision still.
    const second = await openStore(dir, { model: { ...MODEL, weights: SECOND } });
    expect(second.modelTablesKey).not.toBe(first.modelTablesKey);
    expect(await shown(second)).toEqual([['h2', 'bird', 'accepted']]);
    await second.replaceAutoTags('animals', 'all', [tag('h1', 'cat'), tag('h2', 'cow')]);
    const secondTags = [['h1', 'cat', 'auto'], ['h2', 'bird', 'accepted'], ['h2', 'cow', 'auto']];
    expect(await shown(second)).toEqual(secondTags);
    await second.close();

    // The first build (or the device that has it) finds its tags untouched by the other's run, and
    // its own run leaves the other's alone.
    const back = await openStore(dir, { model: { ...MODEL, weights: FIRST } });
    expect(await shown(back)).toEqual(firstTags);
    await back.replaceAutoTags('animals', 'all', [tag('h1', 'dog')]);
    expect(await shown(back)).toEqual([['h1', 'dog', 'auto'], ['h2', 'bird', 'accepted']]);
    await back.close();
    const reader = await openStore(dir, { model: { id: MODEL.id, weights: SECOND, dimension: 0 }, readOnly: true });
    expect(await shown(reader)).toEqual(secondTags);
  });
});
