// A text-only search after a model switch (src/core/search/text-terms.ts): the text was read
// per content, so most text hits may have no row in the new model's table yet; the photos that
// have one must still be found, whichever hits come first.
import { describe, expect, it } from 'vitest';
import { textOnlyHits } from '../../../src/core/search/text-terms';
import { bestTextFirst, type TextHit } from '../../../src/core/text';
import { fakeStore, photoRecord } from '../../helpers/fakes/fake-store';

const hit = (hash: string, score: number): TextHit => ({ hash, found: 1, edits: 0, score, match: { text: 'OPEN', words: [], width: 10, height: 10 } });

describe('textOnlyHits', () => {
  it('finds the re-embedded photos even when the best 60 text hits are not embedded by the current model yet', async () => {
    const store = fakeStore();
    await store.upsertPhotos([photoRecord('/lib/new/a.jpg', [1, 0, 0]), photoRecord('/lib/new/b.jpg', [0, 1, 0])]);
    const text = new Map<string, TextHit>();
    for (let i = 0; i < 60; i++) text.set(`not-yet-embedded-${i}`, hit(`not-yet-embedded-${i}`, 100 - i));
    text.set('hash-of-/lib/new/a.jpg', hit('hash-of-/lib/new/a.jpg', 2));
    text.set('hash-of-/lib/new/b.jpg', hit('hash-of-/lib/new/b.jpg', 1));
    const hits = await textOnlyHits(store, text, {}, 'score');
    expect(hits.map((h) => h.path)).toEqual(['/lib/new/a.jpg', '/lib/new/b.jpg']);
    // The filter still applies.
    expect((await textOnlyHits(store, text, { paths: ['/lib/new/b.jpg'] }, 'score')).map((h) => h.path)).toEqual(['/lib/new/b.jpg']);
  });

  it('ranks photos whose text matches as well by path, whatever their contents\' hashes, so pages follow one order', async () => {
    const store = fakeStore();
    // Hashes in the opposite order to the paths, as content hashes are.
    const paths = ['/lib/b0.jpg', '/lib/b1.jpg', '/lib/b2.jpg', '/lib/b3.jpg'];
    await store.upsertPhotos(paths.map((p, i) => photoRecord(p, [1, 0, 0], { hash: `h${9 - i}` })));
    // b3 (h6) holds more of the words; the others tie. The text search's order: best first, hash after.
    const ranked = [hit('h9', 0.48), hit('h8', 0.48), hit('h7', 0.48), { ...hit('h6', 0.48), found: 2 }].sort(bestTextFirst);
    const text = new Map(ranked.map((h) => [h.hash, h]));
    const hits = await textOnlyHits(store, text, {}, 'score');
    expect(hits.map((h) => h.path)).toEqual(['/lib/b3.jpg', '/lib/b0.jpg', '/lib/b1.jpg', '/lib/b2.jpg']);
  });
});
