// Duplicate detection end to end on real photos: an edited set built from ../shared/photos
// (held-out imagenet photos, never used to tune the thresholds, each with resized,
// re-encoded, brightened, border-cropped and 16:9 / 16:10 / 4:3 wallpaper-cropped versions,
// some mixed; byte copies of a quarter; the strecha frames as hard negatives, three with
// versions), indexed with the tiny fixture model, scanned in the default mode (exact + near).
// Prints precision/recall beside a plain 64-bit pHash on the same thumbnails.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { DupesService } from '../../src/core/dupes/dupes-service';
import { exifCompleteness } from '../../src/core/dupes/keep-best';
import { sizesTie } from '../../src/core/dupes/size-tiers';
import type { DuplicateScan } from '../../src/core/dupes/types';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sharedAvailable } from '../helpers/shared-data';
import { buildEditedSet, groupPairs, pairScores, splitImagenet, strechaFrames, truePairs, type EditedSet } from '../helpers/edited-photos';
import { phash64, phashGroups } from '../helpers/phash-baseline';

const haveShared = sharedAvailable('photos/imagenet') && sharedAvailable('photos/strecha');

describe.skipIf(!haveShared)('duplicates in an edited set of real photos', () => {
  let set: EditedSet;
  let library: LibraryService;
  let first: DuplicateScan;
  let second: DuplicateScan;
  const byPath = new Map<string, { picture: string; edit: string }>();

  beforeAll(async () => {
    set = await buildEditedSet({ bases: splitImagenet().heldOut, strecha: strechaFrames(), strechaEdited: 3, dir: tempDir('shoebox-dupes-set-') });
    for (const f of set.files) byPath.set(f.path, f);
    library = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test' });
    const indexed = await library.index([set.dir]);
    expect(indexed.failed).toEqual([]);
    const dupes = new DupesService(library);
    first = await dupes.scan();
    second = await dupes.scan();
  }, 900_000);

  afterAll(async () => {
    await library?.close();
    if (set) fs.rmSync(set.dir, { recursive: true, force: true });
  });

  it('reaches precision >= 0.99 and recall >= 0.95 on pairs, clearly beyond a 64-bit pHash', async () => {
    const truth = truePairs(set.files);
    const ours = pairScores(groupPairs(first.groups.map((g) => g.members.map((m) => m.path))), truth);

    // The baseline on the same thumbnails, at every Hamming threshold.
    const photos = await library.listPhotos();
    const hashes = await Promise.all(photos.map(async (p) => phash64(fs.readFileSync(path.join(library.paths.thumbs, p.thumbKey)))));
    const baseline = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18].map((t) => ({
      t,
      ...pairScores(groupPairs(phashGroups(hashes, t).map((g) => g.map((i) => photos[i]!.path))), truth),
    }));
    const fmt = (x: number) => x.toFixed(4);
    console.log(
      [
        `near duplicates, ${set.files.length} files, ${truth.size} true pairs (default mode: exact + near)`,
        `  Shoebox        P ${fmt(ours.precision)}  R ${fmt(ours.recall)}  (${ours.reported} pairs reported)`,
        ...baseline.map((b) => `  pHash64 d<=${String(b.t).padEnd(2)}  P ${fmt(b.precision)}  R ${fmt(b.recall)}`),
      ].join('\n'),
    );
    expect(ours.falsePairs.slice(0, 5)).toEqual([]);
    expect(ours.precision).toBeGreaterThanOrEqual(0.99);
    expect(ours.recall).toBeGreaterThanOrEqual(0.95);
    // Beyond the baseline at both of its useful operating points.
    for (const b of baseline) {
      if (b.precision >= 0.99) expect(ours.recall).toBeGreaterThan(b.recall + 0.1);
      if (b.recall >= 0.9) expect(ours.precision).toBeGreaterThan(b.precision + 0.03);
    }
  });

  it('never groups consecutive frames of one scene', () => {
    const frameOf = (p: string) => /strecha\/(.+?-\d{4})/.exec(p)?.[1];
    for (const g of first.groups) {
      const frames = new Set(g.members.map((m) => frameOf(m.path)).filter((f) => f !== undefined));
      expect(frames.size, g.members.map((m) => path.basename(m.path)).join(', ')).toBeLessThanOrEqual(1);
    }
  });

  it('reports byte-identical copies as exact groups, and lists them in their near group too', () => {
    const exact = first.groups.filter((g) => g.kind === 'exact');
    const copies = set.files.filter((f) => f.edit === 'copy');
    expect(exact.map((g) => g.members.map((m) => path.basename(m.path)).sort())).toEqual(
      expect.arrayContaining(copies.map((c) => [`${c.picture}__copy.jpg`, `${c.picture}__orig.jpg`])),
    );
    expect(exact).toHaveLength(copies.length);
    for (const c of copies) {
      const near = first.groups.find((g) => g.kind === 'near' && g.members.some((m) => m.path === c.path));
      expect(near?.members.map((m) => m.path)).toContain(path.join(set.dir, `${c.picture}__orig.jpg`));
    }
  });

  it('keeps the highest resolution, then the most complete EXIF, then the largest file (a sliver apart: a tie), in every group', async () => {
    const rows = await (await library.readable()).photosByPath(first.groups.flatMap((g) => g.members.map((m) => m.path)));
    const exif = (file: string) => exifCompleteness(rows.get(file)!);
    for (const g of first.groups) {
      const pixels = (m: { width: number; height: number }) => m.width * m.height;
      const [keeper, ...rest] = g.members;
      expect(keeper!.path).toBe(g.keep);
      for (const m of rest) {
        expect(pixels(keeper!)).toBeGreaterThanOrEqual(pixels(m));
        if (pixels(keeper!) !== pixels(m)) continue;
        expect(exif(keeper!.path)).toBeGreaterThanOrEqual(exif(m.path));
        if (exif(keeper!.path) === exif(m.path) && keeper!.bytes < m.bytes) expect(sizesTie(m.bytes, keeper!.bytes), `${keeper!.path} over ${m.path}`).toBe(true);
      }
    }
    // Where the original is the largest version, it (or its byte copy, same rank but for the path) is kept.
    const near = first.groups.filter((g) => g.kind === 'near');
    const keptOriginals = near.filter((g) => ['orig', 'copy'].includes(byPath.get(g.keep)!.edit)).length;
    expect(keptOriginals).toBeGreaterThan(near.length / 2);
  });

  // Photos indexed without a signature (before signatures existed) are
  // test/unit/dupes/signature-backfill.test.ts's: here indexing made every one.
  it('finds the signature of every content saved by indexing: the scans compute none and agree', async () => {
    const contents = first.stats.contents;
    const store = await library.readable();
    expect((await store.getSignatures()).length).toBe(contents);
    expect(first.stats).toMatchObject({ signaturesComputed: 0, unsigned: 0 });
    expect(second.stats).toMatchObject({ signaturesComputed: 0, unsigned: 0 });
    expect(second.groups).toEqual(first.groups);
  });

  it('finds nothing outside --folder and the same groups inside it', async () => {
    const strecha = path.join(set.dir, 'strecha');
    const scoped = await new DupesService(library).scan({ folder: strecha });
    expect(scoped.stats.photos).toBe(set.files.filter((f) => f.path.startsWith(strecha + path.sep)).length);
    const inside = first.groups.filter((g) => g.members.every((m) => m.path.startsWith(strecha + path.sep)));
    expect(scoped.groups).toEqual(inside);
    expect(scoped.groups.length).toBeGreaterThan(0);
  });
});
