// Keywords written as tags (api/keyword-tags.ts) into a real library store: the user's
// decisions stand, an automatic suggestion of the same label becomes the accepted keyword,
// the set keeps one label per keyword whatever its case. Real LanceDB.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addKeywordTags, KEYWORDS_SET } from '../../src/core/api/keyword-tags';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { testLibrary } from '../helpers/test-library';

describe('addKeywordTags', () => {
  it('accepts over a suggestion, never over a decision, one label whatever the case', async () => {
    const dir = tempDir('shoebox-keyword-tags-');
    await writeColourPhoto(dir, 'a.jpg', [200, 30, 30]);
    await writeColourPhoto(dir, 'b.jpg', [30, 30, 200]);
    const lib = testLibrary(tempDir());
    await lib.index([dir]);
    const store = await lib.writable();
    const [a, b] = await Promise.all(['a.jpg', 'b.jpg'].map(async (n) => (await store.getPhoto(path.join(dir, n)))!.hash));
    const tag = (hash: string, label: string, state: 'auto' | 'rejected') => ({ hash, set: KEYWORDS_SET, label, score: 0.4, state, modelId: lib.modelId, updatedAt: 1 });

    expect(await addKeywordTags(store, new Map([[a!, ['Harbour', 'boats']]]), lib.modelId)).toEqual({ set: KEYWORDS_SET, tags: 2, photos: 1, heldBack: [] });
    await store.putTags([tag(b!, 'Harbour', 'auto'), tag(a!, 'boats', 'rejected')]);
    const written = await addKeywordTags(store, new Map([[a!, ['boats', 'sunrise']], [b!, ['harbour']]]), lib.modelId);
    expect(written).toEqual({ set: KEYWORDS_SET, tags: 2, photos: 2, heldBack: [] });
    const states = (await store.listTags({ set: KEYWORDS_SET })).map((t) => `${t.hash === a ? 'a' : 'b'}:${t.label}:${t.state}`).sort();
    expect(states).toEqual(['a:Harbour:accepted', 'a:boats:rejected', 'a:sunrise:accepted', 'b:Harbour:accepted']);
    const set = JSON.parse((await store.getLabelSet(KEYWORDS_SET))!.json) as { labels: string[] };
    expect(set.labels).toEqual(['Harbour', 'boats', 'sunrise']);
  }, 120_000);
});
