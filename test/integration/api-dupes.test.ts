// Duplicates through LibraryApi (what the review screen calls), on a library of real photos
// from ../shared indexed with the tiny fixture model: exact copies and resized re-encoded
// versions are found with the right keeper, and trashing moves exactly the photos it may,
// into a test trash folder (the host's trashDir option), never a keeper or a changed photo. Then, on
// synthetic scenes (no ../shared needed): the report survives a restart, is paged by picture,
// forgets trashed and deleted photos, and a stopped scan keeps the previous report.
import fs from 'node:fs';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import { pathFromPhotoId, photoId } from '../../src/core/api/photo-id';
import type { DuplicateGroupInfo, DuplicateReport, JobState, LibraryEvent } from '../../src/shared/api';
import { invoke } from '../../src/shared/api-methods';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { splitImagenet } from '../helpers/edited-photos';
import { jobFinished, jobStates, useApiHosts, type OpenedHost } from '../helpers/api-host';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { reportFile } from '../../src/core/dupes/report-store';
import { sharedAvailable } from '../helpers/shared-data';

const haveShared = sharedAvailable('photos/imagenet');

/** A smaller, re-encoded version of a photo (what a messaging app or an export makes). */
async function resized(source: string, out: string, scale: number, quality: number): Promise<void> {
  const meta = await sharp(source).metadata();
  await sharp(source).resize({ width: Math.round(meta.width * scale) }).jpeg({ quality }).toFile(out);
}

describe.skipIf(!haveShared)('duplicates through LibraryApi', () => {
  let dir: string;
  let trashDir: string;
  let host: LibraryHost;
  const events: LibraryEvent[] = [];
  const f = (name: string) => path.join(dir, name);
  /** Which picture each file is (ground truth). */
  const picture = new Map<string, string>();

  const finished = (job: JobState): Promise<JobState> => jobFinished(events, job);

  /** The best file of each picture by the engine's first rules (resolution, then bytes). */
  const expectedKeepers = async (files: string[]): Promise<string[]> => {
    const rank = await Promise.all(files.map(async (file) => ({ file, ...(await sharp(file).metadata()), bytes: fs.statSync(file).size })));
    rank.sort((a, b) => b.width * b.height - a.width * a.height || b.bytes - a.bytes);
    // Byte-identical files tie on both: any of them is right.
    return rank.filter((r) => r.width === rank[0]!.width && r.height === rank[0]!.height && r.bytes === rank[0]!.bytes).map((r) => r.file);
  };

  const scan = async () => {
    const job = await host.findDuplicates();
    expect(job).toMatchObject({ kind: 'dupes', folder: '' });
    return { job: await finished(job), report: (await host.duplicates())! };
  };

  beforeAll(async () => {
    dir = tempDir('shoebox-api-dupes-');
    trashDir = tempDir('shoebox-api-dupes-trash-');
    const [a, b, c, d, e] = splitImagenet().heldOut;
    const add = (name: string, pic: string) => picture.set(f(name), pic);
    fs.copyFileSync(a!, f('a.jpg'));
    fs.copyFileSync(a!, f('a copy.jpg'));
    await resized(a!, f('a small.jpg'), 0.5, 80);
    for (const n of ['a.jpg', 'a copy.jpg', 'a small.jpg']) add(n, 'a');
    fs.copyFileSync(b!, f('b.jpg'));
    await resized(b!, f('b small.jpg'), 0.6, 70);
    for (const n of ['b.jpg', 'b small.jpg']) add(n, 'b');
    fs.copyFileSync(e!, f('e.jpg'));
    await resized(e!, f('e small.jpg'), 0.5, 75);
    for (const n of ['e.jpg', 'e small.jpg']) add(n, 'e');
    fs.copyFileSync(c!, f('c.jpg'));
    fs.copyFileSync(d!, f('d.jpg'));
    add('c.jpg', 'c');
    add('d.jpg', 'd');

    // The trash location is the front end's option (the CLI and serve pass SHOEBOX_TRASH_DIR).
    host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, trashDir });
    host.subscribe((event) => events.push(event));
    expect(await finished(await host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 9, failed: 0 } });
  }, 300_000);

  afterAll(async () => {
    await host?.close();
    for (const d of [dir, trashDir]) if (d) fs.rmSync(d, { recursive: true, force: true });
  });

  it('has no report before a scan, then finds the copies and edits with the best file as keeper', async () => {
    expect(await host.duplicates()).toBeNull();
    const { job, report } = await scan();
    const pictures = (g: DuplicateGroupInfo) => new Set(g.members.map((m) => picture.get(m.path)));
    // Three pictures have more than one file; 4 files could go (2 of a, 1 of b, 1 of e).
    expect(job).toMatchObject({ state: 'done', result: { summary: '3 groups, 4 photos could go' } });
    expect(events.some((ev) => ev.type === 'job' && ev.job.id === job.id && ev.job.state === 'running' && (ev.job.progress?.total ?? 0) > 0)).toBe(true);
    expect(report).toMatchObject({ kinds: ['exact', 'near'], photos: 9 });
    for (const g of report.groups) {
      expect(pictures(g).size, g.members.map((m) => m.path).join(', ')).toBe(1);
      expect(g.keep).toBe(g.members[0]!.id);
      for (const m of g.members) expect(pathFromPhotoId(m.id)).toBe(m.path);
      const files = [...picture].filter(([, p]) => pictures(g).has(p)).map(([file]) => file);
      const members = g.members.map((m) => m.path);
      if (g.kind === 'near') expect(members.sort()).toEqual(files.sort());
      expect(await expectedKeepers(members)).toContain(g.members[0]!.path);
    }
    expect(report.groups.filter((g) => g.kind === 'exact').map((g) => g.members.map((m) => m.path).sort())).toEqual([[f('a copy.jpg'), f('a.jpg')]]);
    expect(report.groups.filter((g) => g.kind === 'near').map((g) => picture.get(g.members[0]!.path)).sort()).toEqual(['a', 'b', 'e']);
  });

  it('shows a member the user turned as it shows (its size, and a rotation its thumbnail URL carries); every copy turns with it', async () => {
    const memberOf = (report: DuplicateReport, file: string) => report.groups.flatMap((g) => g.members).find((m) => m.path === file)!;
    const before = memberOf((await host.duplicates())!, f('a.jpg'));
    expect(before).not.toHaveProperty('rotation');
    expect(await host.rotatePhotos([photoId(f('a.jpg'))], 1)).toMatchObject({ done: 1 });
    try {
      const report = (await host.duplicates())!;
      for (const file of [f('a.jpg'), f('a copy.jpg')]) expect(memberOf(report, file)).toMatchObject({ rotation: 90, width: before.height, height: before.width });
      expect(memberOf(report, f('a small.jpg'))).not.toHaveProperty('rotation');
    } finally {
      await host.rotatePhotos([photoId(f('a.jpg'))], -1);
    }
    expect(memberOf((await host.duplicates())!, f('a.jpg'))).toEqual(before);
  });

  it('refuses keepers, photos outside the scan and photos changed since, and moves nothing then', async () => {
    const report = (await host.duplicates())!;
    const keepers = [...new Set(report.groups.filter((g) => g.kind === 'near').map((g) => g.keep))];
    const changed = f('e small.jpg');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(changed, later, later); // touched after indexing: not the file that was scanned
    const result = await host.trashDuplicates([...keepers, photoId(f('c.jpg')), photoId('/etc/passwd'), 'not an id', photoId(changed)]);
    expect(result.moved).toEqual([]);
    expect(result.failed).toEqual([]);
    const reasons = new Map(result.skipped.map((s) => [s.path, s.reason]));
    for (const k of keepers) expect(reasons.get(pathFromPhotoId(k)!)).toMatch(/keeps/);
    expect(reasons.get(f('c.jpg'))).toMatch(/not in the last duplicate scan/);
    expect(reasons.get('/etc/passwd')).toMatch(/not in the last duplicate scan/);
    expect(reasons.get('not an id')).toMatch(/not a photo id/);
    expect(reasons.get(changed)).toMatch(/changed since/);
    for (const file of picture.keys()) expect(fs.existsSync(file), file).toBe(true);
    expect(fs.existsSync(path.join(trashDir, 'files'))).toBe(false);
  });

  it('moves exactly the non-keepers asked for into the trash folder, the user\'s own keeper included, and forgets them', async () => {
    const report = (await host.duplicates())!;
    const nearOf = (pic: string) => report.groups.find((g) => g.kind === 'near' && picture.get(g.members[0]!.path) === pic)!;
    const a = nearOf('a');
    const b = nearOf('b');
    const aKeeper = a.members[0]!.path;
    const bSmall = f('b small.jpg');
    // a: the suggested keeper stays; b: the user keeps the small version instead, so the
    // suggested keeper (b.jpg) may go; e's small version was changed: skipped.
    const ids = [...a.members.slice(1).map((m) => m.id), photoId(f('b.jpg')), photoId(f('e small.jpg'))];
    const kept = [aKeeper, bSmall, f('e.jpg'), f('e small.jpg'), f('c.jpg'), f('d.jpg')];
    const bytesBefore = new Map(kept.map((file) => [file, fs.readFileSync(file)]));
    const before = (await host.listPhotos()).total;
    // What the user gave photos that go moves to the photos kept in their place: two
    // favourites, descriptions, a date and a place set by hand, an accepted tag, a pin in a
    // smart album; but not over what the keeper has of its own (bSmall's description), and not
    // the archive (the worse copy archived to hide it must not take the kept one with it).
    await host.setFavourites([photoId(f('a small.jpg')), photoId(f('b.jpg'))], true);
    await host.setArchived([photoId(f('a small.jpg'))], true);
    await host.setDescription([photoId(f('a small.jpg'))], 'The kitchen window');
    await host.setDescription([photoId(f('b.jpg'))], 'Theirs');
    await host.setDescription([photoId(bSmall)], 'Mine');
    await host.setTakenAt([photoId(f('b.jpg'))], '2001-02-03T04:05');
    await host.setPlace([photoId(f('b.jpg'))], { lat: 64.13548, lon: -21.89541 });
    const animals = await host.importLabelSetFile('animals');
    const label = animals.labels[0]!.name;
    await host.setTagState(photoId(f('a small.jpg')), animals.name, label, 'accepted');
    await host.saveAlbum({ name: 'picked', query: 'a photo', threshold: 1 }); // nothing matches by itself
    await host.setAlbumMembership('picked', photoId(f('b.jpg')), 'pinned');

    // Through the transports' argument check, as the UI's call arrives; meanwhile the user goes
    // on marking other photos in the app: the hand-over to the keepers writes the same tables
    // and must neither conflict with these edits nor undo them.
    const [result] = await Promise.all([
      invoke(host, 'trashDuplicates', [ids, [photoId(bSmall)]]),
      host.setFavourites([photoId(f('c.jpg'))], true),
      host.setTagState(photoId(f('d.jpg')), animals.name, label, 'rejected'),
      host.setAlbumMembership('picked', photoId(f('c.jpg')), 'excluded'),
    ]);
    const expected = [...a.members.slice(1).map((m) => m.path), f('b.jpg')];
    expect(b.keep).toBe(photoId(f('b.jpg')));
    expect(result.moved.sort()).toEqual(expected.sort());
    expect(result.skipped).toEqual([{ path: f('e small.jpg'), reason: expect.stringMatching(/changed since/) }]);
    expect(result.failed).toEqual([]);
    for (const file of expected) {
      expect(fs.existsSync(file), file).toBe(false);
      expect(fs.existsSync(path.join(trashDir, 'files', path.basename(file))), file).toBe(true);
      expect(fs.readFileSync(path.join(trashDir, 'info', `${path.basename(file)}.trashinfo`), 'utf8')).toContain(`Path=${file.split('/').map(encodeURIComponent).join('/')}`);
    }
    for (const [file, bytes] of bytesBefore) expect(fs.readFileSync(file).equals(bytes), file).toBe(true);
    expect((await host.listPhotos()).total).toBe(before - expected.length);
    expect(events).toContainEqual({ type: 'photos-changed', added: 0, removed: expected.length });
    const favourites = (await host.listPhotos({ limit: 100 })).photos.filter((p) => p.favourite).map((p) => p.path);
    expect(favourites.sort()).toEqual([aKeeper, bSmall, f('c.jpg')].sort());
    expect((await host.getPhoto(photoId(aKeeper)))!.tags.filter((t) => t.state === 'accepted').map((t) => t.label)).toEqual([label]);
    expect(await host.getPhoto(photoId(aKeeper))).toMatchObject({ description: 'The kitchen window' });
    expect((await host.getPhoto(photoId(aKeeper)))!.archived).toBeUndefined();
    const small = (await host.getPhoto(photoId(bSmall)))!;
    expect([small.description, small.takenAt, small.place?.city]).toEqual(['Mine', Date.UTC(2001, 1, 3, 4, 5), 'Reykjavík']);
    expect([small.takenEdited, small.placeEdited]).toEqual([{ fileTakenAt: null, fileTakenOffset: null }, { fileGpsLat: null, fileGpsLon: null }]);
    expect((await host.getPhoto(photoId(f('d.jpg'))))!.tags.filter((t) => t.state === 'rejected').map((t) => t.label)).toEqual([label]);
    expect((await host.albumPhotos('picked')).photos.map((p) => ({ path: p.path, pinned: p.pinned }))).toEqual([{ path: bSmall, pinned: true }]);
    expect((await host.listAlbums()).find((a) => a.name === 'picked')).toMatchObject({ excluded: 1 });
    expect(events.filter((e) => e.type === 'log' && e.level === 'warn')).toEqual([]);
    await host.removeAlbum('picked');
    await host.removeLabelSet(animals.name);

    // The kept report no longer lists them, and a new scan agrees.
    const after = (await host.duplicates())!;
    const listed = new Set(after.groups.flatMap((g) => g.members.map((m) => m.path)));
    for (const file of expected) expect(listed.has(file)).toBe(false);
    const again = await scan();
    const scanned = new Set(again.report.groups.flatMap((g) => g.members.map((m) => m.path)));
    for (const file of expected) expect(scanned.has(file)).toBe(false);
    expect(again.report.groups.map((g) => g.members.map((m) => m.path).sort())).toEqual([[f('e small.jpg'), f('e.jpg')].sort()]);
  });

  it('scans the kinds asked for, similar (opt-in) included, and a new report replaces the old one', async () => {
    const job = await host.findDuplicates(['exact', 'similar']);
    expect(await finished(job)).toMatchObject({ state: 'done', error: null });
    const report = (await host.duplicates())!;
    expect(report.kinds).toEqual(['exact', 'similar']);
    expect(report.groups.every((g) => g.kind === 'exact' || g.kind === 'similar')).toBe(true);
    expect(report.scannedAt).toBeGreaterThanOrEqual(job.queuedAt);
  });
});

describe('the duplicates report across restarts, pages and stops', () => {
  const hosts = useApiHosts();
  let trashDir: string;
  const openHost: typeof hosts = (options = {}) => hosts({ trashDir, ...options });
  const folders: string[] = [];

  beforeAll(() => {
    trashDir = tempDir('shoebox-api-dupes-trash-');
  });
  afterAll(() => {
    for (const d of [trashDir, ...folders]) fs.rmSync(d, { recursive: true, force: true });
  });

  /** Pictures p0..p(n-1), each with an exact copy; p0 also with a smaller re-encoded version. */
  const writePictures = async (n: number): Promise<string> => {
    const dir = tempDir('shoebox-api-dupes-pics-');
    folders.push(dir);
    for (let i = 0; i < n; i++) {
      const jpeg = await sceneJpeg(100 + i, 320, 240);
      fs.writeFileSync(path.join(dir, `p${i}.jpg`), jpeg);
      fs.writeFileSync(path.join(dir, `p${i} copy.jpg`), jpeg);
      if (i === 0) await sharp(jpeg).resize({ width: 200 }).jpeg({ quality: 75 }).toFile(path.join(dir, 'p0 small.jpg'));
    }
    fs.writeFileSync(path.join(dir, 'alone.jpg'), await sceneJpeg(99, 320, 240));
    return dir;
  };

  const indexed = async (dir: string, home = tempDir()): Promise<OpenedHost & { home: string }> => {
    const opened = await openHost({ home });
    if ((await opened.host.listFolders()).length === 0) {
      expect(await jobFinished(opened.events, await opened.host.addFolder(dir))).toMatchObject({ state: 'done' });
    }
    return { ...opened, home };
  };

  const scanned = async ({ host, events }: OpenedHost) => {
    const job = await jobFinished(events, await host.findDuplicates());
    expect(job).toMatchObject({ state: 'done' });
    return (await host.duplicates())!;
  };

  const paths = (groups: DuplicateGroupInfo[]) => [...new Set(groups.flatMap((g) => g.members.map((m) => path.basename(m.path))))].sort();

  it('pages by picture: page 2 holds the right pictures with all their groups, and the totals cover the whole report', async () => {
    const opened = await indexed(await writePictures(4));
    const all = await scanned(opened);
    // p0: exact group (p0, p0 copy) inside a near group (with p0 small) = one picture.
    expect(all).toMatchObject({ total: 4, removable: 5, offset: 0, photos: 10 });
    const pages = [];
    for (let offset = 0; offset < 4; offset += 2) pages.push((await invoke(opened.host, 'duplicates', [{ offset, limit: 2 }]))!);
    expect(pages.map((p) => [p.offset, p.total, p.removable])).toEqual([[0, 4, 5], [2, 4, 5]]);
    // The pages split the report's groups between them, each picture whole on one page.
    expect([...pages[0]!.groups, ...pages[1]!.groups]).toEqual(all.groups);
    expect(paths(pages[0]!.groups)).toEqual(['p0 copy.jpg', 'p0 small.jpg', 'p0.jpg', 'p1 copy.jpg', 'p1.jpg']);
    expect(paths(pages[1]!.groups)).toEqual(['p2 copy.jpg', 'p2.jpg', 'p3 copy.jpg', 'p3.jpg']);
    expect((await opened.host.duplicates({ offset: 4 }))!).toMatchObject({ total: 4, offset: 4, groups: [] });
    expect(() => invoke(opened.host, 'duplicates', [{ limit: 0 }])).toThrow('limit must be an integer from 1 to 1000');
    expect(() => invoke(opened.host, 'duplicates', [{ page: 2 }])).toThrow('unknown option "page"');
  });

  it('shows on each member what the user gave it and its date taken, on each group why its keeper, and after a trash both counts', async () => {
    const dir = await writePictures(2);
    const { host, events } = await indexed(dir);
    await scanned({ host, events });
    const id = (name: string) => photoId(path.join(dir, name));
    expect(await host.setFavourites([id('p0 small.jpg')], true)).toMatchObject({ done: 1 });
    expect(await host.setArchived([id('p0 small.jpg')], true)).toMatchObject({ done: 1 });
    expect(await host.setDescription([id('p0 small.jpg')], 'the small one')).toMatchObject({ done: 1 });
    expect(await host.setTakenAt([id('p0 small.jpg')], '2020-01-02T03:04:05')).toMatchObject({ done: 1 });
    // Pinned by its path: p1 copy.jpg holds that content still, so its byte copy p1.jpg is not in the album.
    await host.saveAlbum({ name: 'Picked', query: '' });
    await host.setAlbumMembership('Picked', id('p1 copy.jpg'), 'pinned');
    const report = (await host.duplicates())!;
    const members = new Map(report.groups.flatMap((g) => g.members).map((m) => [path.basename(m.path), m]));
    expect(members.get('p0 small.jpg')).toMatchObject({ favourite: true, archived: true, described: true, takenAt: Date.UTC(2020, 0, 2, 3, 4, 5) });
    expect(members.get('p1 copy.jpg')).toMatchObject({ albums: 1 });
    for (const name of ['p0.jpg', 'p0 copy.jpg', 'p1.jpg']) {
      for (const key of ['favourite', 'archived', 'described', 'albums', 'takenAt']) expect(members.get(name), `${name} ${key}`).not.toHaveProperty(key);
    }
    // p0 is ahead of its smaller version by resolution and of its byte copy by name; p1 of its copy by name.
    const why = (kind: string, keeper: string) => report.groups.find((g) => g.kind === kind && path.basename(pathFromPhotoId(g.keep)!) === keeper)?.why;
    expect(why('near', 'p0.jpg')).toEqual(['resolution', 'name']);
    expect(why('exact', 'p0.jpg')).toEqual(['name']);
    expect(why('exact', 'p1.jpg')).toEqual(['name']);

    expect(report).toMatchObject({ photos: 6, scanned: 6 });
    expect((await host.trashDuplicates([id('p1 copy.jpg')])).moved).toEqual([path.join(dir, 'p1 copy.jpg')]);
    // The report holds 5 of the 6 photos scanned: both are said, never 5 as "scanned".
    expect(await host.duplicates()).toMatchObject({ photos: 5, scanned: 6 });
  });

  it('keeps the report across a restart, and a photo moved to the trash is gone from the saved report too', async () => {
    const dir = await writePictures(2);
    const first = await indexed(dir);
    const report = await scanned(first);
    const file = reportFile(first.home, (await first.host.status()).model!.id);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    await first.host.close();

    const second = await indexed(dir, first.home);
    const restored = (await second.host.duplicates())!;
    expect(restored).toEqual(report);
    expect(restored.scannedAt).toBeLessThanOrEqual(Date.now());

    const p1 = restored.groups.find((g) => paths([g]).includes('p1.jpg'))!;
    const copy = p1.members.find((m) => m.id !== p1.keep)!;
    const result = await second.host.trashDuplicates([copy.id]);
    expect(result.moved).toEqual([copy.path]);
    await second.host.close();

    const third = await indexed(dir, first.home);
    const after = (await third.host.duplicates())!;
    expect(after).toMatchObject({ scannedAt: report.scannedAt, total: 1 });
    expect(paths(after.groups)).toEqual(['p0 copy.jpg', 'p0 small.jpg', 'p0.jpg']);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(copy.path);
  });

  it('refuses a trash from a report another device scanned over while the lock was given back, moving nothing', async () => {
    const dir = await writePictures(2);
    const library = tempDir('shoebox-api-dupes-library-');
    // Two devices' apps on one library, each giving the writer lock back once quiet.
    const a = await openHost({ library, handBackMs: 300 });
    expect(await jobFinished(a.events, await a.host.addFolder(dir))).toMatchObject({ state: 'done' });
    const seen = await scanned(a);
    const b = await openHost({ library, handBackMs: 300 });
    // Scanned again until B could save its report (while A holds the lock, B's scan runs as a
    // reader and keeps its report unsaved, which A would never see).
    await expect.poll(async () => (await jobFinished(b.events, await b.host.findDuplicates())).result?.summary, { timeout: 30_000, interval: 500 }).toMatch(/^[^;]+ could go$/);
    const rescanned = (await b.host.duplicates())!;
    expect(rescanned.scannedAt).toBeGreaterThan(seen.scannedAt);

    // A's review still shows its own scan; a trash from it is refused once A has the lock again.
    const p1 = seen.groups.find((g) => paths([g]).includes('p1.jpg'))!;
    const copy = p1.members.find((m) => m.id !== p1.keep)!;
    let refused: unknown;
    await expect.poll(async () => (refused = await a.host.trashDuplicates([copy.id]).then(() => null, (error: Error) => error.message)), { timeout: 30_000, interval: 500 }).not.toMatch(/^library busy/);
    expect(refused).toBe('the duplicates were scanned again meanwhile (on another device, or by another command): nothing was moved; review the new report');
    expect(fs.existsSync(copy.path)).toBe(true);
    // The review then shows the new report, and a trash from it goes through.
    expect((await a.host.duplicates())!.scannedAt).toBe(rescanned.scannedAt);
    await expect.poll(async () => (await a.host.trashDuplicates([copy.id]).catch((error: Error) => ({ moved: [error.message] }))).moved, { timeout: 30_000, interval: 500 }).toEqual([copy.path]);
  });

  it('leaves out members deleted since the scan, and the groups they leave with one photo', async () => {
    const dir = await writePictures(2);
    const first = await indexed(dir);
    await scanned(first);
    await first.host.close();
    // Deleted outside the app while it was closed; the next run's indexing notices.
    fs.rmSync(path.join(dir, 'p1 copy.jpg'));
    fs.rmSync(path.join(dir, 'p0 small.jpg'));
    const second = await indexed(dir, first.home);
    expect(await jobFinished(second.events, await second.host.addFolder(dir))).toMatchObject({ state: 'done', result: { removed: 2 } });
    const report = (await second.host.duplicates())!;
    expect(report).toMatchObject({ total: 1, removable: 1 });
    // p0's exact group, and its near group now down to the same two photos.
    for (const g of report.groups) expect(paths([g])).toEqual(['p0 copy.jpg', 'p0.jpg']);

    // Deleted while the report is in memory: the page served is checked against the library.
    fs.rmSync(path.join(dir, 'p0 copy.jpg'));
    expect(await jobFinished(second.events, await second.host.addFolder(dir))).toMatchObject({ state: 'done', result: { removed: 1 } });
    expect(await second.host.duplicates()).toMatchObject({ total: 0, removable: 0, groups: [] });
  });

  it('remembers "not duplicates" across rescans, restarts, renames and files saved again, until a file shows another picture', async () => {
    const dir = await writePictures(2);
    const first = await indexed(dir);
    expect(await scanned(first)).toMatchObject({ total: 2, decided: 0 });
    const p1 = (report: { groups: DuplicateGroupInfo[] }) => report.groups.filter((g) => g.members.some((m) => path.basename(m.path).startsWith('p1')));
    const [group] = p1((await first.host.duplicates())!);
    // Through the transports' argument check, as the UI's "Not duplicates" arrives.
    const decision = await invoke(first.host, 'decideDuplicates', [group!.members.map((m) => m.id), 'not-duplicates']);
    expect(decision).toMatchObject({ kind: 'not-duplicates', applies: true });
    expect(decision.members.map((m) => path.basename(m.path)).sort()).toEqual(['p1 copy.jpg', 'p1.jpg']);
    // Gone from the report at once, and from a rescan; deciding again is the same decision.
    expect(await first.host.duplicates()).toMatchObject({ total: 1, decided: 1 });
    expect(paths((await scanned(first)).groups)).toEqual(['p0 copy.jpg', 'p0 small.jpg', 'p0.jpg']);
    expect(await first.host.decideDuplicates([...group!.members].reverse().map((m) => m.id), 'not-duplicates')).toEqual(decision);
    expect(await first.host.duplicateDecisions()).toEqual([decision]);
    await first.host.close();

    // Kept per library: after a restart, and after a rename (the same content elsewhere).
    fs.renameSync(path.join(dir, 'p1 copy.jpg'), path.join(dir, 'p1 moved.jpg'));
    const second = await indexed(dir, first.home);
    expect(await jobFinished(second.events, await second.host.addFolder(dir))).toMatchObject({ state: 'done' });
    const rescan = await scanned(second);
    expect(rescan).toMatchObject({ total: 1, decided: 1 });
    expect(p1(rescan)).toEqual([]);

    // A new copy joins: the group shows, the decided photos marked, and only the new one may go.
    fs.copyFileSync(path.join(dir, 'p1.jpg'), path.join(dir, 'p1 third.jpg'));
    expect(await jobFinished(second.events, await second.host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 1 } });
    const [joined] = p1(await scanned(second));
    expect(paths([joined!])).toEqual(['p1 moved.jpg', 'p1 third.jpg', 'p1.jpg']);
    expect(joined!.decided!.map((id) => path.basename(pathFromPhotoId(id)!)).sort()).toEqual(['p1 moved.jpg', 'p1.jpg']);
    // Byte-identical, no copy's name: the keeper is one of the two decided photos; the
    // other decided one stays, whatever the trash is asked.
    expect(joined!.decided).toContain(joined!.keep);
    const otherDecided = pathFromPhotoId(joined!.decided!.find((id) => id !== joined!.keep)!)!;
    const result = await second.host.trashDuplicates(joined!.members.filter((m) => m.id !== joined!.keep).map((m) => m.id));
    expect(result.moved).toEqual([path.join(dir, 'p1 third.jpg')]);
    expect(result.skipped).toEqual([{ path: otherDecided, reason: expect.stringMatching(/not duplicates/) }]);
    for (const name of ['p1.jpg', 'p1 moved.jpg']) expect(fs.existsSync(path.join(dir, name))).toBe(true);
    expect(p1((await second.host.duplicates())!)).toEqual([]);

    // One of the files is saved again by another program (new bytes, the same picture): the
    // decision follows it, as the photo's other marks do.
    const replaceFile = async (picture: Sharp) => {
      await picture.jpeg({ quality: 60 }).toFile(path.join(dir, 'p1 edited.jpg'));
      fs.renameSync(path.join(dir, 'p1 edited.jpg'), path.join(dir, 'p1 moved.jpg'));
      expect(await jobFinished(second.events, await second.host.addFolder(dir))).toMatchObject({ state: 'done', result: { updated: 1 } });
    };
    await replaceFile(sharp(fs.readFileSync(path.join(dir, 'p1.jpg'))));
    expect(p1(await scanned(second))).toEqual([]);
    const [followed] = await second.host.duplicateDecisions();
    expect(followed).toMatchObject({ id: decision.id, applies: true });
    expect(followed!.members.map((m) => path.basename(m.path)).sort()).toEqual(['p1 moved.jpg', 'p1.jpg']);
    expect(followed!.members.map((m) => m.hash)).not.toEqual(decision.members.map((m) => m.hash));

    // Another picture under its name: the decision no longer matches anything.
    await replaceFile(sharp(fs.readFileSync(path.join(dir, 'p1.jpg'))).negate());
    expect(await second.host.duplicateDecisions()).toEqual([{ ...followed, applies: false }]);

    // Undone: listed no more; an unknown id is one clear error.
    await invoke(second.host, 'undoDuplicateDecision', [decision.id]);
    expect(await second.host.duplicateDecisions()).toEqual([]);
    await expect(second.host.undoDuplicateDecision(decision.id)).rejects.toThrow(/^no duplicate decision "[0-9a-f]{8}"/);
  });

  it('shows a decided group again as soon as the decision is undone', async () => {
    const opened = await indexed(await writePictures(1));
    // One picture: its exact pair inside its near group of three; the card decides for all.
    const { groups } = await scanned(opened);
    const ids = [...new Set(groups.flatMap((g) => g.members.map((m) => m.id)))];
    const { id } = await opened.host.decideDuplicates(ids, 'not-duplicates');
    expect(await opened.host.duplicates()).toMatchObject({ total: 0, decided: 2, groups: [] });
    await expect(opened.host.decideDuplicates([ids[0]!, ids[0]!], 'not-duplicates')).rejects.toThrow('two or more different photos');
    await expect(opened.host.decideDuplicates([ids[0]!, photoId('/nowhere/x.jpg')], 'not-duplicates')).rejects.toThrow('not a photo in the library: /nowhere/x.jpg');
    await opened.host.undoDuplicateDecision(id);
    expect(await opened.host.duplicates()).toMatchObject({ total: 1, decided: 0 });
  });

  it('treats a corrupt saved report as none, says so in one line, and scans again over it', async () => {
    const dir = await writePictures(1);
    const first = await indexed(dir);
    await scanned(first);
    const file = reportFile(first.home, (await first.host.status()).model!.id);
    await first.host.close();
    fs.writeFileSync(file, '{"version": 1, "groups": [tru');

    const second = await indexed(dir, first.home);
    expect(await second.host.duplicates()).toBeNull();
    const logs = second.events.filter((e) => e.type === 'log');
    expect(logs).toEqual([{ type: 'log', level: 'warn', message: expect.stringMatching(/^the saved duplicates report .* is unusable \(.*\): scan again$/) }]);
    expect(await scanned(second)).toMatchObject({ total: 1 });
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ version: 2 });
  });

  it('stops a running scan: the job ends cancelled and the previous report stays', async () => {
    const opened = await indexed(await writePictures(2));
    const before = await scanned(opened);
    const file = reportFile(opened.home, (await opened.host.status()).model!.id);
    const saved = fs.readFileSync(file, 'utf8');

    // Stop as soon as the scan runs (a scan of a few photos would otherwise finish first).
    let stopped: Promise<void> | null = null;
    opened.host.subscribe((e) => {
      if (e.type === 'job' && e.job.kind === 'dupes' && e.job.state === 'running' && !stopped) stopped = opened.host.stopDuplicateScan();
    });
    const job = await opened.host.findDuplicates(['exact', 'near', 'similar']);
    const last = await jobFinished(opened.events, job);
    await stopped;
    expect(last).toMatchObject({ state: 'cancelled', result: null });
    expect(jobStates(opened.events, job.id).map((j) => j.state)).toContain('running');
    expect(await opened.host.duplicates()).toEqual(before);
    expect(fs.readFileSync(file, 'utf8')).toBe(saved);

    // A queued scan is stopped too, before it starts; a later scan runs as usual.
    const index = await opened.host.addFolder(folders.at(-1)!);
    const queued = await opened.host.findDuplicates();
    await invoke(opened.host, 'stopDuplicateScan', []);
    expect(await jobFinished(opened.events, queued)).toMatchObject({ state: 'cancelled', startedAt: null });
    expect(await jobFinished(opened.events, index)).toMatchObject({ state: 'done' });
    expect(await scanned(opened)).toMatchObject({ total: 2 });
  });
});
