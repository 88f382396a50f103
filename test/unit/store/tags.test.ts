// The tagging and album tables: label sets, tags keyed by content hash with the user's
// decisions kept, auto-tag folders, albums, and the bulk vector reads tagging runs on.
import { describe, expect, it } from 'vitest';
import type { TagRecord } from '../../../src/core/store/types';
import { openStore, photo, tempLibraryDir, unit } from './store-helpers';

const tag = (hash: string, label: string, overrides: Partial<TagRecord> = {}): TagRecord => ({
  hash,
  set: 'animals',
  label,
  score: 0.9,
  state: 'auto',
  modelId: 'ViT-B-32__openai',
  updatedAt: 1,
  ...overrides,
});

describe('tags', () => {
  it('replaceAutoTags adds, updates and deletes auto tags in scope, and never touches decisions', async () => {
    const store = await openStore(tempLibraryDir());
    await store.replaceAutoTags('animals', 'all', [tag('h1', 'dog'), tag('h2', 'cat'), tag('h3', "it's a bird")]);
    await store.putTags([tag('h1', 'cat', { state: 'rejected', score: 0.4 }), tag('h2', 'dog', { state: 'accepted' })]);
    // Classified again, in the scope of h1 and h2 only: h1 is now a cat (rejected by the user),
    // h2 no longer a cat; h3 is outside the scope and keeps its tag.
    await store.replaceAutoTags('animals', ['h1', 'h2'], [tag('h1', 'cat', { score: 0.8 }), tag('h2', 'dog', { score: 0.7 })]);
    const rows = (await store.listTags({ set: 'animals' })).map((t) => [t.hash, t.label, t.state, t.score]).sort();
    expect(rows).toEqual([
      ['h1', 'cat', 'rejected', 0.4],
      ['h2', 'dog', 'accepted', 0.9],
      ['h3', "it's a bird", 'auto', 0.9],
    ]);
    expect((await store.listTags({ hashes: ['h2', 'h3'], states: ['auto'] })).map((t) => t.hash)).toEqual(['h3']);
  });

  it("libraryPathsByHash finds a content's every path in every model's table (a path's current row only); pathsByHash only the active model's", async () => {
    const dir = tempLibraryDir();
    const otherModel = { id: 'Other-model', dimension: 4 };
    const b = await openStore(dir, { model: otherModel });
    await b.upsertPhotos([photo('/p/a.jpg', { hash: 'ha', modelId: otherModel.id }), photo('/p/c.jpg', { hash: 'hc', modelId: otherModel.id }), photo('/p/d.jpg', { hash: 'hd-old', modelId: otherModel.id })]);
    await b.close();
    // Model A has embedded a and its copy, not c yet (a model switch under way); d was
    // rewritten since B indexed it: B's row of it is stale.
    const a = await openStore(dir);
    await a.upsertPhotos([photo('/p/a.jpg', { hash: 'ha' }), photo('/p/copy of a.jpg', { hash: 'ha' }), photo('/p/d.jpg', { hash: 'hd-new' })]);
    const sorted = (m: Map<string, string[]>) => [...m].map(([h, p]) => [h, [...p].sort()]).sort();
    expect(sorted(await a.libraryPathsByHash(['ha', 'hc', 'gone', 'ha']))).toEqual([['ha', ['/p/a.jpg', '/p/copy of a.jpg']], ['hc', ['/p/c.jpg']]]);
    expect(sorted(await a.pathsByHash(['ha', 'hc']))).toEqual([['ha', ['/p/a.jpg', '/p/copy of a.jpg']]]);
    expect(await a.libraryPathsByHash([])).toEqual(new Map());
    // The content d held before is held nowhere now (an import must copy it again).
    expect(sorted(await a.libraryPathsByHash(['hd-old', 'hd-new']))).toEqual([['hd-new', ['/p/d.jpg']]]);
  });

  it('auto tags are kept per model: another model classifying the photos neither replaces nor hides them; decisions hold under every model', async () => {
    const dir = tempLibraryDir();
    const a = await openStore(dir);
    await a.upsertPhotos([photo('/p/a.jpg', { hash: 'ha' }), photo('/p/b.jpg', { hash: 'hb' })]);
    await a.replaceAutoTags('animals', 'all', [tag('ha', 'dog'), tag('hb', 'cat')]);
    await a.putTags([tag('hb', 'cat', { state: 'rejected' }), tag('ha', 'bird', { state: 'accepted' })]);
    await a.close();
    // Model B (another table) has embedded nothing yet, then one photo, and sees neither as a dog.
    const otherModel = { id: 'Other-model', dimension: 4 };
    const b = await openStore(dir, { model: otherModel });
    await b.replaceAutoTags('animals', 'all', []);
    await b.upsertPhotos([photo('/p/a.jpg', { hash: 'ha', modelId: otherModel.id })]);
    await b.replaceAutoTags('animals', ['ha'], [tag('ha', 'cat', { modelId: otherModel.id, score: 0.6 })]);
    const labels = async (store: typeof a) => (await store.listTags({ set: 'animals' })).map((t) => `${t.hash} ${t.label} ${t.state}`).sort();
    expect(await labels(b)).toEqual(['ha bird accepted', 'ha cat auto', 'hb cat rejected']);
    await b.close();
    // Back on model A: its tags and the decisions, exactly as they were.
    const again = await openStore(dir);
    expect(await labels(again)).toEqual(['ha bird accepted', 'ha dog auto', 'hb cat rejected']);
  });

  it('forgetting a decision (state auto) hands the photo back to the classification of the active model', async () => {
    const store = await openStore(tempLibraryDir());
    await store.replaceAutoTags('animals', 'all', [tag('h1', 'dog', { score: 0.8 })]);
    await store.putTags([tag('h1', 'dog', { state: 'rejected', score: 0.8 }), tag('h1', 'cat', { state: 'accepted', score: 1 })]);
    expect((await store.listTags({ states: ['auto', 'accepted'] })).map((t) => t.label)).toEqual(['cat']);
    await store.putTags([tag('h1', 'dog', { state: 'auto', score: 0.8 }), tag('h1', 'cat', { state: 'auto', score: 1 })]);
    expect((await store.listTags()).map((t) => [t.label, t.state, t.score])).toEqual([['dog', 'auto', 0.8]]);
  });

  it('removing a label set removes its automatic tags and auto-tag folders; the decisions on it stay', async () => {
    const store = await openStore(tempLibraryDir());
    await store.putLabelSet({ name: 'animals', json: '{}', updatedAt: 1 });
    await store.putLabelSet({ name: 'scenes', json: '{"x":1}', updatedAt: 2 });
    await store.replaceAutoTags('animals', 'all', [tag('h1', 'dog')]);
    await store.putTags([tag('h2', 'cat', { state: 'accepted' })]);
    await store.addAutoTagFolder('/p', 'animals');
    await store.addAutoTagFolder('/p', 'scenes');
    await store.addAutoTagFolder('/p', 'scenes');
    await store.removeLabelSet('animals');
    expect((await store.listLabelSets()).map((s) => s.name)).toEqual(['scenes']);
    expect(await store.getLabelSet('scenes')).toEqual({ name: 'scenes', json: '{"x":1}', updatedAt: 2 });
    expect((await store.listTags()).map((t) => [t.hash, t.label, t.state])).toEqual([['h2', 'cat', 'accepted']]);
    expect((await store.listAutoTagFolders()).map((f) => [f.folder, f.set])).toEqual([['/p', 'scenes']]);
    await store.removeAutoTagFolder('/p');
    expect(await store.listAutoTagFolders()).toEqual([]);
  });

  it('albums are named JSON documents', async () => {
    const store = await openStore(tempLibraryDir());
    await store.putAlbum({ name: 'b', json: '{"v":1}', updatedAt: 1 });
    await store.putAlbum({ name: 'a', json: '{}', updatedAt: 1 });
    await store.putAlbum({ name: 'b', json: '{"v":2}', updatedAt: 2 });
    expect((await store.listAlbums()).map((a) => [a.name, a.json])).toEqual([
      ['a', '{}'],
      ['b', '{"v":2}'],
    ]);
    await store.removeAlbum('a');
    expect(await store.getAlbum('a')).toBeNull();
  });

  it('a read-only store of a library without these tables reads them as empty', async () => {
    const dir = tempLibraryDir();
    await (await openStore(dir)).upsertPhotos([photo('/p/a.jpg')]);
    const reader = await openStore(dir, { readOnly: true });
    expect(await reader.listTags()).toEqual([]);
    expect(await reader.listLabelSets()).toEqual([]);
    expect(await reader.listAlbums()).toEqual([]);
    await expect(reader.putAlbum({ name: 'x', json: '{}', updatedAt: 1 })).rejects.toThrow(/read-only/);
  });
});

describe('bulk vectors', () => {
  it('scanVectors streams every row in batches of the asked size, vectors flat and aligned with paths', async () => {
    const store = await openStore(tempLibraryDir());
    const n = 2500;
    const records = Array.from({ length: n }, (_, i) => photo(`/p/${i}.jpg`, { hash: `h${i}`, vector: unit(i + 1, 1, 0, i % 3) }));
    // Several commits, so the scan crosses fragment boundaries.
    for (let i = 0; i < n; i += 700) await store.upsertPhotos(records.slice(i, i + 700));
    const seen = new Map<string, Float32Array>();
    const sizes: number[] = [];
    for await (const batch of store.scanVectors({ batchSize: 1000 })) {
      sizes.push(batch.paths.length);
      expect(batch.vectors.length).toBe(batch.paths.length * 4);
      batch.paths.forEach((p, i) => seen.set(p, batch.vectors.slice(i * 4, i * 4 + 4)));
      batch.paths.forEach((p, i) => expect(batch.hashes[i]).toBe(`h${p.slice(3, -4)}`));
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(seen.size).toBe(n);
    for (const r of records) expect([...seen.get(r.path)!]).toEqual([...r.vector]);

    const folder: string[] = [];
    await store.upsertPhotos([photo('/q/x.jpg', { hash: 'hx' })]);
    for await (const batch of store.scanVectors({ folder: '/q' })) folder.push(...batch.paths);
    expect(folder).toEqual(['/q/x.jpg']);
    expect([...(await store.vectorsByHash(['h7', 'nope'])).keys()]).toEqual(['h7']);
    expect(await store.pathsByHash(['h7', 'hx'])).toEqual(new Map([['h7', ['/p/7.jpg']], ['hx', ['/q/x.jpg']]]));
  });
});
