// Importing a camera card as the app and the CLI do it (core/api/photo-import-api.ts): what the
// library lacks is copied into a library folder by day taken (EXIF, else the file's date),
// sidecars along, then indexed; what it holds (anywhere, or twice on the card) is not copied
// again; an existing name is never overwritten; the card is only read; a wrong place is one
// line. Real LanceDB, tiny model, dates written by exiftool.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { importPhotoFiles } from '../../src/core/library/photo-import';
import { probeVideo } from '../../src/core/media';
import { shoebox } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { haveExiftool, writeCaptionedPhoto } from '../helpers/captioned-photos';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { recordedAt, systemFfmpeg, writeColourVideo } from '../helpers/videos';

/** Every file under `dir` (relative paths) with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map((fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort().map((p) => [p, fs.readFileSync(path.join(dir, p))]));
}

/** A card as a camera leaves it, plus a photo the library holds already. */
async function cardAndLibrary(): Promise<{ card: string; library: string; dcim: string }> {
  const library = tempDir('shoebox-import-library-');
  await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
  const card = tempDir('shoebox-import-card-');
  const dcim = path.join(card, 'DCIM', '100CANON');
  fs.mkdirSync(dcim, { recursive: true });
  await writeCaptionedPhoto(dcim, 'IMG_0001.JPG', [200, 40, 40], ['-DateTimeOriginal=2024:06:15 10:00:00']);
  fs.writeFileSync(path.join(dcim, 'IMG_0001.JPG.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
  await writeCaptionedPhoto(dcim, 'IMG_0002.JPG', [40, 200, 40], ['-DateTimeOriginal=2023:12:31 23:30:00']);
  fs.copyFileSync(path.join(dcim, 'IMG_0001.JPG'), path.join(dcim, 'IMG_9001.JPG')); // twice on the card
  fs.copyFileSync(path.join(library, 'kept.jpg'), path.join(dcim, 'IMG_0003.JPG')); // in the library already
  await writeColourPhoto(card, 'scan.png', [120, 120, 40]); // no EXIF: the file's date
  const noon = new Date(2022, 1, 3, 12, 0, 0);
  fs.utimesSync(path.join(card, 'scan.png'), noon, noon);
  fs.writeFileSync(path.join(card, '._IMG_0001.JPG'), 'a Mac resource fork'); // hidden: left alone
  fs.writeFileSync(path.join(card, 'notes.txt'), 'not a photo');
  return { card, library, dcim };
}

describe.skipIf(!haveExiftool)('importing from a camera card', () => {
  const openHost = useApiHosts();
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('through the app: copies what the library lacks by day taken, indexes it, and reads the card only', async () => {
    const { card, library } = await cardAndLibrary();
    const { host, events } = await openHost();
    await host.indexNow([library]);
    const into = path.join(library, 'Imported');
    // A photo of another content already has a name the card uses, on the same day.
    fs.mkdirSync(path.join(into, '2024', '2024-06-15'), { recursive: true });
    await writeColourPhoto(path.join(into, '2024', '2024-06-15'), 'IMG_0001.JPG', [10, 10, 10]);
    const mine = fs.readFileSync(path.join(into, '2024', '2024-06-15', 'IMG_0001.JPG'));
    await host.indexNow([library]);
    const before = snapshot(card);

    const job = await jobFinished(events, await host.importPhotos(card, into));
    expect(job).toMatchObject({ kind: 'import-photos', state: 'done', result: { summary: `copied 3 photos into ${into}, 1 photo already in the library, 1 duplicate on the card, 1 file left on the card (not a photo or video); 3 indexed` } });
    expect([...snapshot(into).keys()]).toEqual([
      path.join('2022', '2022-02-03', 'scan.png'),
      path.join('2023', '2023-12-31', 'IMG_0002.JPG'),
      path.join('2024', '2024-06-15', 'IMG_0001 (2).JPG'),
      path.join('2024', '2024-06-15', 'IMG_0001 (2).JPG.xmp'),
      path.join('2024', '2024-06-15', 'IMG_0001.JPG'),
    ]);
    expect(fs.readFileSync(path.join(into, '2024', '2024-06-15', 'IMG_0001.JPG')).equals(mine)).toBe(true);
    expect(fs.readFileSync(path.join(into, '2024', '2024-06-15', 'IMG_0001 (2).JPG')).equals(before.get(path.join('DCIM', '100CANON', 'IMG_0001.JPG'))!)).toBe(true);
    // The copies keep the card's file times; the card is as it was.
    expect(Math.round(fs.statSync(path.join(into, '2022', '2022-02-03', 'scan.png')).mtimeMs)).toBe(new Date(2022, 1, 3, 12).getTime());
    expect(snapshot(card)).toEqual(before);
    const names = (await host.timeline({ limit: 100 })).photos.map((p) => path.relative(library, p.path)).sort();
    expect(names).toEqual(['Imported/2022/2022-02-03/scan.png', 'Imported/2023/2023-12-31/IMG_0002.JPG', 'Imported/2024/2024-06-15/IMG_0001 (2).JPG', 'Imported/2024/2024-06-15/IMG_0001.JPG', 'kept.jpg']);

    // The same card again: nothing new.
    const again = await jobFinished(events, await host.importPhotos(card, into));
    expect(again.result?.summary).toBe(`no new photos or videos in ${card}: 4 photos already in the library, 1 duplicate on the card, 1 file left on the card (not a photo or video)`);
  }, 180_000);

  it('an import stopped before its photos were indexed copies nothing twice when run again, and leaves no partial file', async () => {
    const { card } = await cardAndLibrary();
    const into = tempDir('shoebox-import-into-');
    const nothingKnown = { known: async () => new Set<string>() }; // as if the library had not indexed them yet
    const first = await importPhotoFiles(card, into, nothingKnown);
    expect(first).toMatchObject({ already: 0, duplicates: 1, failed: [] }); // IMG_9001.JPG: IMG_0001.JPG again
    expect(first.copied.length).toBe(4);
    const again = await importPhotoFiles(card, into, nothingKnown);
    expect(again).toMatchObject({ copied: [], already: 0, duplicates: 1, failed: [] });
    expect(again.found.sort()).toEqual([...first.copied].sort()); // to be indexed by this run
    // A stale part file of a crash is cleared from the day folders the next import writes to.
    const day = path.dirname(first.copied[0]!);
    fs.writeFileSync(path.join(day, '.IMG_0001.JPG.dead.shoebox-part'), 'half');
    fs.rmSync(first.copied[0]!);
    await importPhotoFiles(card, into, nothingKnown);
    expect([...snapshot(into).keys()].filter((p) => p.includes('shoebox-part'))).toEqual([]);
  }, 120_000);

  it('never gives a new photo the sidecar a deleted photo left, and clears a name a crash left claimed empty', async () => {
    const card = tempDir('shoebox-import-card-');
    await writeCaptionedPhoto(card, 'IMG_0001.JPG', [200, 40, 40], ['-DateTimeOriginal=2024:06:15 10:00:00']);
    fs.writeFileSync(path.join(card, 'IMG_0001.JPG.xmp'), 'the barn');
    const into = tempDir('shoebox-import-into-');
    const day = path.join(into, '2024', '2024-06-15');
    fs.mkdirSync(day, { recursive: true });
    fs.writeFileSync(path.join(day, 'IMG_0001.JPG.xmp'), 'flamingo at the zoo'); // its photo deleted in a file manager
    // A disk without hard links: a crash between claiming a name and renaming the copy over it.
    fs.writeFileSync(path.join(day, 'IMG_0007.JPG'), '');
    fs.writeFileSync(path.join(day, '.IMG_0007.JPG.shoebox-claim'), '');
    const nothingKnown = { known: async () => new Set<string>(), ffmpeg: null };

    const report = await importPhotoFiles(card, into, nothingKnown);
    expect(report).toMatchObject({ copied: [path.join(day, 'IMG_0001 (2).JPG')], failed: [] });
    expect(fs.readFileSync(path.join(day, 'IMG_0001 (2).JPG.xmp'), 'utf8')).toBe('the barn');
    expect(fs.readFileSync(path.join(day, 'IMG_0001.JPG.xmp'), 'utf8')).toBe('flamingo at the zoo');
    expect(fs.readdirSync(day).sort()).toEqual(['IMG_0001 (2).JPG', 'IMG_0001 (2).JPG.xmp', 'IMG_0001.JPG.xmp']);
    // Run again before indexing: the copy past the sidecar's name is found, not made twice.
    expect(await importPhotoFiles(card, into, nothingKnown)).toMatchObject({ copied: [], found: [path.join(day, 'IMG_0001 (2).JPG')] });

    // A sidecar named for the shot (Lightroom's IMG_0002.xmp) left alone counts too; beside
    // that shot's RAW it is the RAW's, and the JPEG of the same shot takes its own name.
    await writeCaptionedPhoto(card, 'IMG_0002.JPG', [40, 200, 40], ['-DateTimeOriginal=2024:06:15 11:00:00']);
    await writeCaptionedPhoto(card, 'IMG_0003.JPG', [40, 40, 200], ['-DateTimeOriginal=2024:06:15 12:00:00']);
    fs.writeFileSync(path.join(day, 'IMG_0002.xmp'), 'a photo deleted since');
    fs.writeFileSync(path.join(day, 'IMG_0003.CR2'), 'the RAW of the shot');
    fs.writeFileSync(path.join(day, 'IMG_0003.xmp'), 'the shot, developed');
    const more = await importPhotoFiles(card, into, nothingKnown);
    expect(more.copied.sort()).toEqual([path.join(day, 'IMG_0002 (2).JPG'), path.join(day, 'IMG_0003.JPG')]);
  }, 120_000);

  it('a video goes to the day it was recorded (as the timeline shows it), else to its file\'s date', async () => {
    const card = tempDir('shoebox-import-videos-');
    const plain = writeColourVideo(path.join(tempDir(), 'plain.mp4'), [{ colour: 'red', seconds: 1 }]);
    recordedAt(plain, path.join(card, 'VID_0001.MP4'), '2021-07-04T12:00:00Z');
    fs.copyFileSync(plain, path.join(card, 'VID_0002.MP4')); // no creation_time
    // An iPhone's evening clip in New York: already the next day in UTC, its own day where shot.
    const iphone = recordedAt(plain, path.join(card, 'IMG_0003.MOV'), '2024-06-16T04:30:00Z', '2024-06-15T23:30:00-0500');
    expect(await probeVideo(systemFfmpeg().path, iphone)).toMatchObject({ takenAt: Date.UTC(2024, 5, 15, 23, 30), takenOffset: -300, createdAt: Date.UTC(2024, 5, 16, 4, 30) });
    const copied = new Date(2025, 0, 1, 12, 0, 0); // the day a phone's folder was copied off it
    for (const name of ['VID_0001.MP4', 'VID_0002.MP4', 'IMG_0003.MOV']) fs.utimesSync(path.join(card, name), copied, copied);
    const nothingKnown = { known: async () => new Set<string>() };
    const into = tempDir('shoebox-import-into-');
    const days = (r: { copied: string[] }) => r.copied.map((p) => path.relative(into, p)).sort();
    expect(days(await importPhotoFiles(card, into, { ...nothingKnown, ffmpeg: systemFfmpeg() }))).toEqual([
      path.join('2021', '2021-07-04', 'VID_0001.MP4'),
      path.join('2024', '2024-06-15', 'IMG_0003.MOV'),
      path.join('2025', '2025-01-01', 'VID_0002.MP4'),
    ]);
    // Without ffmpeg the recording time cannot be read: the file's date, and the video is still copied.
    const without = tempDir('shoebox-import-into-');
    expect((await importPhotoFiles(card, without, { ...nothingKnown, ffmpeg: null })).copied.map((p) => path.relative(without, path.dirname(p))).sort()).toEqual([path.join('2025', '2025-01-01'), path.join('2025', '2025-01-01'), path.join('2025', '2025-01-01')]);
  }, 120_000);

  it('names the files it could not import, with why, in the job\'s result', async () => {
    const { card, library, dcim } = await cardAndLibrary();
    const bad = path.join(card, 'DCIM', '101CANON');
    fs.mkdirSync(bad);
    await writeColourPhoto(bad, 'IMG_0100.JPG', [90, 30, 160]);
    // Root runs these tests, so chmod cannot make a folder unreadable: fail its listing instead.
    const readdirSync = fs.readdirSync.bind(fs);
    vi.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, options?: never) => {
      if (dir === bad) throw Object.assign(new Error(`EACCES: permission denied, scandir '${bad}'`), { code: 'EACCES' });
      return readdirSync(dir, options);
    }) as typeof fs.readdirSync);
    const { host, events } = await openHost();
    await host.indexNow([library]);
    const job = await jobFinished(events, await host.importPhotos(card, library));
    expect(job).toMatchObject({ state: 'done', result: { failed: 1, failures: [{ path: bad, reason: expect.stringMatching(/^folder not read: .*EACCES/) }] } });
    expect(fs.existsSync(path.join(dcim, 'IMG_0002.JPG'))).toBe(true); // the rest was imported, the card as it was
  }, 120_000);

  it('in the app: tells photos and videos by content, and names in its result line the copies the library could not index', async () => {
    const library = tempDir('shoebox-import-library-');
    await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    const card = tempDir('shoebox-import-card-');
    await writeCaptionedPhoto(card, 'IMG_0001.JPG', [200, 40, 40], ['-DateTimeOriginal=2024:06:15 10:00:00']);
    fs.renameSync(await writeCaptionedPhoto(card, 'tmp.jpg', [40, 200, 40], ['-DateTimeOriginal=2024:06:15 11:00:00']), path.join(card, 'IMG_0002')); // no extension
    writeColourVideo(path.join(card, 'MVI_0003.MP4'), [{ colour: 'yellow', seconds: 1 }]);
    fs.writeFileSync(path.join(card, 'IMG_0004.JPG'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)])); // a JPEG's start, then nothing readable
    fs.writeFileSync(path.join(card, 'notes.txt'), 'not a photo');
    const before = snapshot(card);
    process.env.SHOEBOX_FFMPEG = systemFfmpeg().path;
    try {
      const { host, events } = await openHost();
      await host.indexNow([library]);
      const job = await jobFinished(events, await host.importPhotos(card, library));
      const summary = job.result?.summary ?? '';
      expect(summary).toBe(`copied 3 photos and 1 video into ${library}, 1 file left on the card (not a photo or video); 3 indexed, 1 could not be indexed: IMG_0004.JPG`);
      expect(job.result).toMatchObject({ added: 3, failed: 1, failures: [{ path: expect.stringMatching(/IMG_0004\.JPG$/), reason: expect.stringMatching(/^copied, but could not be indexed: ./) }] });
      expect(fs.existsSync(path.join(library, '2024', '2024-06-15', 'IMG_0002'))).toBe(true);
      expect(snapshot(card)).toEqual(before);
    } finally {
      delete process.env.SHOEBOX_FFMPEG;
    }
  }, 180_000);

  it('says in one line where it cannot import, before any job', async () => {
    const { card, library } = await cardAndLibrary();
    const { host } = await openHost();
    await host.indexNow([library]);
    const jobs = (await host.jobs()).length;
    const outside = tempDir('shoebox-import-outside-');
    await expect(host.importPhotos(card, outside)).rejects.toThrow(`import into a library folder: ${outside} is not in the library (add it as a folder first, or choose one of its folders)`);
    await expect(host.importPhotos(path.join(card, 'nope'), library)).rejects.toThrow(`nothing to import from: ${path.join(card, 'nope')} is not a folder`);
    await expect(host.importPhotos(library, library)).rejects.toThrow(`${library} is in the library already: its photos are indexed where they are`);
    expect((await host.jobs()).length).toBe(jobs);
  }, 120_000);

  it('from the CLI: `shoebox import CARD --to DIR` copies, indexes and says what it did', async () => {
    const { card, library, dcim } = await cardAndLibrary();
    const home = tempDir();
    const model = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...model, library)).code).toBe(0);
    const res = await run('import', ...model, card, '--to', library);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toBe(`copied 3 photos into ${library}, 1 photo already in the library, 1 duplicate on the card, 1 file left on the card (not a photo or video); 3 indexed\n`);
    const json = await run('import', ...model, '--json', dcim, '--to', library);
    expect(JSON.parse(json.stdout)).toEqual({ from: dcim, to: library, copied: [], copiedVideos: 0, already: 3, alreadyVideos: 0, alreadyUnreadable: [], trashed: [], trashedVideos: 0, duplicates: 1, skipped: [], failed: [], indexed: 0, stopped: false });
    const found = await run('list', ...model, '--json');
    expect((JSON.parse(found.stdout) as { path: string }[]).length).toBe(4);
    // Deleted outside Shoebox since (its row still there): "in the library" is checked on disk, so it is copied again.
    fs.rmSync(path.join(library, 'kept.jpg'));
    const back = JSON.parse((await run('import', ...model, '--json', dcim, '--to', library)).stdout) as { copied: string[]; already: number };
    expect(back.copied.map((p) => path.basename(p))).toEqual(['IMG_0003.JPG']);
    expect(back.already).toBe(2);
  }, 180_000);
});
