// Duplicates' policy on the in-memory store (test/helpers/fakes) over small real files in a
// temporary folder (the trash checks the disk as it is): which photo a group keeps, what a
// trash plan may move, what the move itself refuses, and the "not duplicates" decisions.
// Detection quality on real photos is test/integration/dupes.test.ts's.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { folderThumbnails } from '../../../src/core/media';
import { beforeEach, describe, expect, it } from 'vitest';
import { DupesService } from '../../../src/core/dupes/dupes-service';
import { groupsAfterDecisions, listDecisions, recordDecision } from '../../../src/core/dupes/decision-records';
import { perceptualSignature } from '../../../src/core/dupes/signature';
import type { SignatureRecord } from '../../../src/core/store/types';
import { fakeStore, photoRecord, type FakeStore } from '../../helpers/fakes/fake-store';
import { tempDir } from '../../helpers/images';
import { rng } from '../../helpers/seeded-random';

let root: string;
let lib: string;
let store: FakeStore;
let dupes: DupesService;
let trashDir: string;

/** A file with these bytes, indexed as the store would index it (hash, size, mtime). */
async function photo(rel: string, bytes: string, fields: { width?: number; height?: number; folder?: string } = {}) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  const st = fs.statSync(file);
  const record = photoRecord(file, [1, 0], {
    hash: crypto.createHash('sha256').update(bytes).digest('hex'),
    size: st.size,
    mtimeMs: Math.floor(st.mtimeMs),
    folder: fields.folder ?? lib,
    ...(fields.width ? { width: fields.width, height: fields.height! } : {}),
  });
  await store.upsertPhotos([record]);
  return record;
}

/** A perceptual signature of a random raster: equal seeds give near duplicates, others unrelated content. */
function signature(hash: string, seed: number): SignatureRecord {
  const random = rng(seed);
  const rgb = Uint8Array.from({ length: 64 * 64 * 3 }, () => Math.floor(random() * 256));
  const sig = perceptualSignature(rgb, 64, 64);
  return { hash, version: sig.version, signature: sig.bytes, sharpness: 1 };
}

beforeEach(async () => {
  root = tempDir('shoebox-dupes-policy-');
  lib = path.join(root, 'library');
  trashDir = path.join(root, 'Trash');
  store = fakeStore();
  await store.addFolder(lib);
  dupes = new DupesService({ thumbnails: folderThumbnails(path.join(root, 'thumbs')), readable: async () => store, writable: async () => store });
});

describe('the keeper', () => {
  it('of identical copies: a real file inside a library folder, then a name that is not a copy\'s', async () => {
    await photo('library/holiday copy.jpg', 'same bytes');
    await photo('library/holiday.jpg', 'same bytes');
    await photo('outside/holiday.jpg', 'same bytes', { folder: path.join(root, 'outside') });
    const { groups } = await dupes.scan({ kinds: ['exact'] });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.keep).toBe(path.join(lib, 'holiday.jpg'));
    expect(groups[0]!.members.map((m) => path.relative(root, m.path))).toEqual(['library/holiday.jpg', 'library/holiday copy.jpg', 'outside/holiday.jpg']);
  });

  it('of near duplicates: the highest resolution, whatever the names and order', async () => {
    const small = await photo('library/a.jpg', 'small version', { width: 640, height: 360 });
    const big = await photo('library/b.jpg', 'big version', { width: 1920, height: 1080 });
    const other = await photo('library/c.jpg', 'another picture', { width: 4000, height: 3000 });
    await store.putSignatures([signature(small.hash, 1), signature(big.hash, 1), signature(other.hash, 2)]);
    const { groups, stats } = await dupes.scan({ kinds: ['near'] });
    expect(stats.signaturesComputed).toBe(0);
    expect(groups.map((g) => [g.kind, g.keep, g.members.length])).toEqual([['near', big.path, 2]]);
  });
});

describe('videos, which look alike by their poster frame', () => {
  /** A video file indexed with its length (its signature and vector are its poster frame's). */
  async function video(rel: string, bytes: string, durationMs: number) {
    const record = await photo(rel, bytes);
    const withLength = { ...record, durationMs };
    await store.upsertPhotos([withLength]);
    return withLength;
  }

  it('are near duplicates only of videos of about their length, never of a photo', async () => {
    const party1 = await video('library/party part 1.mp4', 'first part', 8_000);
    const party2 = await video('library/party part 2.mp4', 'second part', 23_000);
    const reencoded = await video('library/party part 1 (small).mp4', 'first part, re-encoded', 8_040);
    const still = await photo('library/party.jpg', 'the photo the clips open on');
    // Every one opens on the same picture.
    await store.putSignatures([party1, party2, reencoded, still].map((p) => signature(p.hash, 7)));
    const { groups } = await dupes.scan({ kinds: ['near'] });
    expect(groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['party part 1 (small).mp4', 'party part 1.mp4']]);
  });

  it('are similar only to videos of about their length, never to a photo', async () => {
    // The fake store gives every one the same vector: all would be similar by the model.
    await video('library/long take.mp4', 'long take', 60_000);
    await video('library/short clip.mp4', 'short clip', 5_000);
    await photo('library/a.jpg', 'a photo');
    await photo('library/b.jpg', 'another photo');
    const { groups } = await dupes.scan({ kinds: ['similar'] });
    expect(groups.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual([['a.jpg', 'b.jpg']]);
  });
});

describe('what may be trashed', () => {
  it('a plan moves the non-keepers, and leaves a group whose keeper or member changed since indexing', async () => {
    const keep = await photo('library/x.jpg', 'x');
    const copy = await photo('library/x copy.jpg', 'x');
    const keep2 = await photo('library/y.jpg', 'yy');
    await photo('library/y copy.jpg', 'yy');
    const keep3 = await photo('library/z.jpg', 'zzz');
    const copy3 = await photo('library/z copy.jpg', 'zzz');
    const { groups } = await dupes.scan({ kinds: ['exact'] });
    fs.writeFileSync(keep2.path, 'yy, edited'); // the keeper changed: nothing of its group goes
    fs.writeFileSync(copy3.path, 'zzz, edited'); // a member changed: it stays
    const plan = await dupes.planTrash(groups);
    expect(plan.paths).toEqual([copy.path]);
    expect(plan.bytes).toBe(1);
    expect(plan.skipped.map((s) => [path.basename(s.path), s.reason])).toEqual([
      ['y copy.jpg', `its keeper ${keep2.path} is missing or changed since it was indexed`],
      ['z copy.jpg', 'missing or changed since it was indexed'],
    ]);
    expect([keep.path, keep3.path].every((p) => fs.existsSync(p))).toBe(true);
  });

  it('moves to the trash and forgets the photo, with its sidecar; refuses changed content, files outside the library, the real file of a kept photo', async () => {
    const keep = await photo('library/x.jpg', 'x');
    const copy = await photo('library/x copy.jpg', 'x');
    fs.writeFileSync(`${copy.path}.xmp`, '<x:xmpmeta/>');
    const changed = await photo('library/changed.jpg', 'before');
    fs.writeFileSync(changed.path, 'after!'); // same size, other bytes
    const outside = await photo('outside/o.jpg', 'o', { folder: path.join(root, 'outside') });
    // A kept photo that is a link to this file: moving the file would take the kept photo along.
    const target = await photo('library/target.jpg', 't');
    fs.symlinkSync(target.path, path.join(lib, 'link.jpg'));
    await store.upsertPhotos([{ ...target, path: path.join(lib, 'link.jpg') }]);

    const result = await dupes.trash([copy.path, changed.path, outside.path, target.path], { keep: [keep.path, path.join(lib, 'link.jpg')], trashDir });
    expect(result.moved).toEqual([copy.path]);
    expect(result.failed.map((f) => [path.basename(f.path), f.reason.replace(root, '<root>')])).toEqual([
      ['changed.jpg', 'its content changed since it was indexed'],
      ['o.jpg', `it is outside the library folders on disk (${fs.realpathSync(root).replace(root, '<root>')}/outside/o.jpg)`],
    ]);
    // Left alone, not failed: moving it would take the kept link's photo along.
    expect(result.refused.map((f) => [path.basename(f.path), f.reason.replace(root, '<root>')])).toEqual([['target.jpg', 'it is the real file of the kept photo <root>/library/link.jpg']]);
    expect(fs.existsSync(copy.path) || fs.existsSync(`${copy.path}.xmp`)).toBe(false);
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual(['x copy.jpg', 'x copy.jpg.xmp']);
    expect(await store.getPhoto(copy.path)).toBeNull();
    expect(await store.getPhoto(keep.path)).not.toBeNull();
    for (const p of [keep.path, changed.path, outside.path, target.path]) expect(fs.existsSync(p)).toBe(true);
  });
});

describe('"not duplicates" decisions', () => {
  it('hide a group they cover, by content, until one of the contents leaves the library', async () => {
    const home = path.join(root, 'home');
    const a = await photo('library/a.jpg', 'same');
    const b = await photo('library/b.jpg', 'same');
    await photo('library/c.jpg', 'other');
    await photo('library/d.jpg', 'other');
    const { groups } = await dupes.scan({ kinds: ['exact'] });
    expect(groups).toHaveLength(2);
    const decision = await recordDecision(home, store, [a.path, b.path], 'not-duplicates');
    expect(await recordDecision(home, store, [b.path, a.path], 'not-duplicates')).toEqual(decision); // the same contents: the same decision
    const problems: string[] = [];
    const after = await groupsAfterDecisions(home, store, groups, (m) => problems.push(m));
    expect(after.hidden.map((g) => g.keep)).toEqual([a.path]);
    expect(after.groups.map((g) => g.keep)).toEqual([path.join(lib, 'c.jpg')]);
    expect((await listDecisions(home, store, (m) => problems.push(m))).map((d) => d.applies)).toEqual([true]);
    await store.removePhotos([b.path]);
    expect((await listDecisions(home, store, (m) => problems.push(m))).map((d) => d.applies)).toEqual([false]);
    expect(problems).toEqual([]);
    await expect(recordDecision(home, store, [a.path, path.join(lib, 'gone.jpg')], 'not-duplicates')).rejects.toThrow(/^not a photo in the library: /);
  });
});
