// `shoebox copy-library`: a local library copied to another folder and to S3 (Ceph's RADOS
// Gateway), and a shared one copied back from S3 to a folder and on to another prefix, keeps everything the user made (photos and vectors, accepted tags, albums,
// duplicate decisions, thumbnails), answers searches exactly as the original does, embeds
// nothing again, refuses a target that holds anything else, resumes a copy cut short, and
// never prints the S3 secret. The original is left byte for byte as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COPY_MARKER } from '../../src/core/location/unfinished-copy';
import { LibraryLocation, libraryFilesFor } from '../../src/core/location';
import { noteTrashed, trashedContents } from '../../src/core/library/trashed-contents';
import { createLibraryApi } from '../../src/core/api/library-api';
import { acquireLibraryWriter } from '../../src/core/library/writer-lock';
import { shoebox, type CliResult } from '../cli/run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { awsEnv, putS3Object, removeTestPrefixes, s3Gateway, s3LibraryUri, s3Objects, s3Prefix } from '../helpers/s3-gateway';

const s3 = await s3Gateway();
afterAll(async () => {
  if (s3) await removeTestPrefixes(s3);
});
const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH), '--provider', 'cpu'];
const printed: string[] = [];

async function run(home: string, args: string[], library?: string): Promise<CliResult> {
  const res = await shoebox(['--home', home, ...(library ? ['--library', library] : []), ...args, ...MODEL], s3 ? awsEnv(s3) : {});
  printed.push(res.stdout, res.stderr);
  return res;
}

async function ok(home: string, args: string[], library?: string): Promise<CliResult> {
  const res = await run(home, args, library);
  expect(res.code, `${args.join(' ')}: ${res.stderr}`).toBe(0);
  return res;
}

/**
 * Every file under `dir` with a digest of its bytes: the original must not change, but for the
 * writer lease and lock the copy holds (as every writing command does) and the device's caches.
 */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || /(^|\/)(\.writer-lease|cache)\/|\.lock$/.test(path.relative(dir, entry.parentPath) + '/' + entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'));
  }
  return out;
}

/** What a user sees of a library: its photos, a search's ranking, its tags, albums and decisions. */
async function view(home: string, library?: string) {
  const list = JSON.parse((await ok(home, ['list', '--json'], library)).stdout) as { path: string }[];
  const search = JSON.parse((await ok(home, ['search', '--all', '--json', 'red'], library)).stdout) as { path: string; score: number }[];
  const tags = JSON.parse((await ok(home, ['tags', 'list', '--json'], library)).stdout) as unknown;
  const albums = JSON.parse((await ok(home, ['albums', 'show', 'reds', '--json'], library)).stdout) as unknown;
  const decisions = JSON.parse((await ok(home, ['dupes', 'decisions', '--json'], library)).stdout) as { members: unknown }[];
  return { photos: list.map((p) => p.path).sort(), search, tags, albums, decisions: decisions.map((d) => d.members) };
}

let source: string;
let photos: string;
let before: Awaited<ReturnType<typeof view>>;

beforeAll(async () => {
  source = tempDir('shoebox-copy-home-');
  photos = tempDir('shoebox-copy-photos-');
  for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  fs.copyFileSync(path.join(photos, 'red.jpg'), path.join(photos, 'red copy.jpg'));
  await ok(source, ['index', photos]);
  await ok(source, ['tag', photos, '--labels', 'animals']);
  await ok(source, ['tags', 'accept', path.join(photos, 'blue.jpg'), 'cat']);
  await ok(source, ['albums', 'create', 'reds', '--query', 'red']);
  await ok(source, ['dupes', 'keep-both', path.join(photos, 'red.jpg'), path.join(photos, 'red copy.jpg')]);
  await ok(source, ['dupes', '--json']); // the duplicates report, one of the library's files
  // What the user trashed in Shoebox (an import must not bring it back on any device).
  await noteTrashed(libraryFilesFor(LibraryLocation.local(path.join(source, 'library')), source), [{ hash: 'ab'.repeat(32), size: 3, name: 'gone.jpg', at: 1 }]);
  before = await view(source);
  expect(before.photos.length).toBe(Object.keys(COLOURS).length + 1);
}, 120_000);

describe('copy-library to a folder', () => {
  it('keeps every photo, tag, album and decision, searches alike, embeds nothing again, and leaves the original untouched', async () => {
    const original = snapshot(source);
    const target = path.join(tempDir('shoebox-copy-target-'), 'family-library');
    const copied = JSON.parse((await ok(source, ['copy-library', target, '--json'])).stdout) as { tables: { name: string; rows: number }[]; photos: number; videos: number; resumed: boolean };
    expect(copied.resumed).toBe(false);
    expect(copied.tables.find((t) => t.name.startsWith('photos__'))?.rows).toBe(before.photos.length);
    expect(copied).toMatchObject({ photos: before.photos.length, videos: 0 });
    expect(snapshot(source)).toEqual(original);
    expect(fs.existsSync(path.join(target, COPY_MARKER))).toBe(false);

    // Another device (home) opens the copy: the same answers, and nothing to embed.
    const device = tempDir('shoebox-copy-device-');
    expect(await view(device, target)).toEqual(before);
    const again = JSON.parse((await ok(device, ['index', '--json'], target)).stdout) as { embedded: number; added: number };
    expect(again).toMatchObject({ embedded: 0, added: 0 });
    const thumbs = fs.readdirSync(path.join(target, 'thumbs'), { recursive: true }).filter((f) => String(f).endsWith('.jpg'));
    expect(thumbs.length).toBe(before.photos.length - 1); // the byte-identical copy shares its thumbnail
    expect([...(await trashedContents(libraryFilesFor(LibraryLocation.local(target), device))).keys()]).toEqual(['ab'.repeat(32)]);
  }, 120_000);

  it('refuses a target that holds anything, in one line, and writes nothing there', async () => {
    const target = tempDir('shoebox-copy-busy-');
    fs.writeFileSync(path.join(target, 'notes.txt'), 'mine');
    fs.mkdirSync(path.join(target, 'thumbs'));
    fs.writeFileSync(path.join(target, 'thumbs', 'x.jpg'), 'not ours');
    const res = await run(source, ['copy-library', target]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).toMatch(/is not empty .*a copy never writes into another library/);
    expect(fs.readdirSync(target).sort()).toEqual(['notes.txt', 'thumbs']);
    expect((await run(source, ['copy-library', path.join(source, 'library', 'inner')])).stderr).toMatch(/is the library itself, holds it or lies inside it/);
    // The default library keeps its files in the home: a target among them is refused too.
    expect((await run(source, ['copy-library', path.join(source, 'calibration', 'lib')])).stderr).toMatch(/lies inside the library's files \(.*calibration\)/);
    // Another home's default library would look for its thumbnails and decisions in that home.
    const otherHome = tempDir('shoebox-copy-other-home-');
    fs.writeFileSync(path.join(otherHome, 'settings.json'), '{}');
    const res2 = await run(source, ['copy-library', path.join(otherHome, 'library')]);
    expect(res2.code).toBe(2);
    expect(res2.stderr).toMatch(/is the default library of the Shoebox home .*: copy to a folder of its own/);
    expect(fs.existsSync(path.join(otherHome, 'library'))).toBe(false);
  }, 60_000);

  it('finishes a copy cut short when run again, without the versions an earlier attempt left there', async () => {
    const target = path.join(tempDir('shoebox-copy-resume-'), 'lib');
    const first = JSON.parse((await ok(source, ['copy-library', target, '--json'])).stdout) as { from: string; files: number };
    // As a kill mid-copy leaves it: the marker back, a table's manifests and some thumbnails
    // gone, and a newer version of a table that the source does not have (an earlier attempt's,
    // from before a repair): Lance would read it as the table's latest.
    const marker = { from: first.from, host: os.hostname(), id: 'earlier', startedAt: '' };
    fs.writeFileSync(path.join(target, COPY_MARKER), JSON.stringify(marker));
    const photosTable = fs.readdirSync(target).find((n) => n.startsWith('photos__'))!;
    fs.rmSync(path.join(target, photosTable, '_versions'), { recursive: true });
    const someThumb = fs.readdirSync(path.join(target, 'thumbs'))[0]!;
    fs.rmSync(path.join(target, 'thumbs', someThumb), { recursive: true });
    const foldersVersions = path.join(target, 'folders.lance', '_versions');
    fs.writeFileSync(path.join(foldersVersions, '00000000000000000009.manifest'), 'an earlier attempt');
    const thumbsLeft = fs.readdirSync(path.join(target, 'thumbs'), { recursive: true }).filter((f) => String(f).endsWith('.jpg')).length;
    const manifestsGone = fs.readdirSync(path.join(source, 'library', photosTable, '_versions')).filter((f) => f.endsWith('.manifest')).length;
    // Until the copy is finished, the place is not opened as a library (its tables may lack files).
    const early = await run(tempDir('shoebox-copy-early-device-'), ['status'], target);
    expect(early.code).not.toBe(0);
    expect(early.stderr.trim()).toMatch(/holds a copy of a library that did not finish \(copy-in-progress\.json is there\): run the same copy again/);
    const resumed = JSON.parse((await ok(source, ['copy-library', target, '--json'])).stdout) as { resumed: boolean; files: number; alreadyThere: number };
    expect(resumed.resumed).toBe(true);
    // What the cut left there whole is not copied again: the thumbnails and table files still
    // there; the rest is (the photos table's manifests, a thumbnail folder, the small files).
    const copiedFirst = first.files;
    expect(resumed.alreadyThere).toBeGreaterThanOrEqual(thumbsLeft);
    expect(resumed.files).toBeGreaterThanOrEqual(manifestsGone + 1);
    expect(resumed.files + resumed.alreadyThere).toBe(copiedFirst);
    expect(resumed.files).toBeLessThan(copiedFirst / 2);
    expect(fs.existsSync(path.join(target, COPY_MARKER))).toBe(false);
    expect(fs.existsSync(path.join(foldersVersions, '00000000000000000009.manifest'))).toBe(false);
    expect(await view(tempDir('shoebox-copy-device-'), target)).toEqual(before);
  }, 120_000);

  it("names the device and the library of another device's unfinished copy, and how to give it up", async () => {
    const target = path.join(tempDir('shoebox-copy-other-device-'), 'lib');
    const first = JSON.parse((await ok(source, ['copy-library', target, '--json'])).stdout) as { from: string };
    // A folder's path names a library only on its own device: another's copy is not resumed here.
    fs.writeFileSync(path.join(target, COPY_MARKER), JSON.stringify({ from: first.from, host: 'another-laptop', id: 'theirs', startedAt: '2026-12-01T10:00:00.000Z' }));
    const before = snapshot(target);
    const res = await run(source, ['copy-library', target]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe(
      `shoebox: ${target} holds a copy of ${first.from} started on another-laptop at 2026-12-01T10:00:00.000Z, which may still be running: let it finish; if it stopped, run that copy again (on another-laptop, the device that started it) to finish it, or remove everything under ${target} to give it up`,
    );
    expect(snapshot(target)).toEqual(before);
  }, 60_000);

  it('needs no model: a device with none installed copies the library (nothing is embedded)', async () => {
    const target = path.join(tempDir('shoebox-copy-no-model-'), 'lib');
    // The source home has no installed model (its photos were indexed with --model-dir).
    const res = await shoebox(['--home', source, 'copy-library', target, '--json']);
    expect(res.code, res.stderr).toBe(0);
    expect((JSON.parse(res.stdout) as { tables: { name: string; rows: number }[] }).tables.find((t) => t.name.startsWith('photos__'))?.rows).toBe(before.photos.length);
    expect(await view(tempDir('shoebox-copy-device-'), target)).toEqual(before);

    // In one process (the app's engine): the lock and lease the copy took are released once it
    // is done, so the same process can write again (a lock still held here would say "busy").
    const host = await createLibraryApi({ home: source, provider: 'cpu', watch: false, writerLock: 'on-write' });
    try {
      await host.copyLibraryNow(path.join(tempDir('shoebox-copy-no-model-2-'), 'lib'));
      const writer = await acquireLibraryWriter({ home: source, library: path.join(source, 'library'), libraryUri: 'the source', command: 'test' });
      await writer.release();
    } finally {
      await host.close();
    }
  }, 120_000);

  it("leaves stray files behind (a Finder's .DS_Store, Lance's temporary manifest) instead of failing on them", async () => {
    const table = path.join(source, 'library', 'folders.lance');
    const strays = [path.join(table, '.DS_Store'), path.join(table, '_versions', '.tmp_3.manifest_5f2a')];
    for (const f of strays) fs.writeFileSync(f, 'stray');
    try {
      const target = path.join(tempDir('shoebox-copy-stray-'), 'lib');
      const copied = JSON.parse((await ok(source, ['copy-library', target, '--json'])).stdout) as { skipped: number };
      expect(copied.skipped).toBe(2);
      expect(fs.existsSync(path.join(target, 'folders.lance', '.DS_Store'))).toBe(false);
      expect((await view(tempDir('shoebox-copy-device-'), target)).photos).toEqual(before.photos);
    } finally {
      for (const f of strays) fs.rmSync(f, { force: true });
    }
  }, 120_000);
});

describe.skipIf(!s3)('copy-library to S3', () => {
  it('gives another device the whole library on S3, with the same answers, and never prints the secret', async () => {
    const uri = s3LibraryUri(s3!, s3Prefix('copy'));
    const out = await ok(source, ['copy-library', uri]);
    expect(out.stdout).toMatch(new RegExp(`^copied .* to s3://.*: \\d+ tables \\(${before.photos.length} photos\\).*checked`));
    const device = tempDir('shoebox-copy-s3-device-');
    expect(await view(device, uri)).toEqual(before);
    expect(JSON.parse((await ok(device, ['index', '--json'], uri)).stdout)).toMatchObject({ embedded: 0, added: 0 });
    // A second copy there is refused: that prefix now holds a library.
    expect((await run(source, ['copy-library', uri])).stderr).toMatch(/is not empty/);
    for (const text of printed) expect(text).not.toContain(s3!.secretKey);
  }, 180_000);

  it('opens a prefix holding a copy cut short for no device, and finishes the copy when run again', async () => {
    const prefix = s3Prefix('copy-cut');
    const uri = s3LibraryUri(s3!, prefix);
    const first = JSON.parse((await ok(source, ['copy-library', uri, '--json'])).stdout) as { from: string; files: number };
    // As a cut copy leaves it: the marker there, and a table's manifests with other bytes under
    // their names (what commits made there by a Shoebox without this check would leave).
    await putS3Object(s3!, `${prefix}/${COPY_MARKER}`, JSON.stringify({ from: first.from, host: os.hostname(), id: 'earlier', startedAt: '' }));
    const manifests = [...(await s3Objects(s3!, prefix)).keys()].filter((k) => k.startsWith('folders.lance/_versions/'));
    for (const key of manifests) await putS3Object(s3!, `${prefix}/${key}`, 'another commit under this version');
    const cut = await s3Objects(s3!, prefix);

    // Another device can neither read nor write it meanwhile, and leaves nothing there (no lease).
    const device = tempDir('shoebox-copy-cut-device-');
    for (const args of [['status'], ['index', photos], ['favourites', 'add', path.join(photos, 'red.jpg')], ['dupes', 'undo', 'abcd1234']]) {
      const refused = await run(device, args, uri);
      expect(refused.code, args.join(' ')).not.toBe(0);
      // The copy of a folder library: finished on the device it was started on (the marker says which).
      expect(refused.stderr.trim()).toMatch(/^shoebox: s3:\/\/.* holds a copy of a library that did not finish \(copy-in-progress\.json is there\): run the same copy again/);
      expect(refused.stderr).toContain(`run the same copy again (on ${os.hostname()}, the device that started it) to finish it, then open it`);
      expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(await s3Objects(s3!, prefix)).toEqual(cut);

    const resumed = JSON.parse((await ok(source, ['copy-library', uri, '--json'])).stdout) as { resumed: boolean; files: number; alreadyThere: number };
    expect(resumed).toMatchObject({ resumed: true });
    expect(resumed.files).toBeGreaterThanOrEqual(manifests.length); // the manifests, copied again
    expect(await view(device, uri)).toEqual(before);
    for (const text of printed) expect(text).not.toContain(s3!.secretKey);
  }, 240_000);

  it('copies a shared library back to a folder (a backup) and on to another prefix, leaving it as it was', async () => {
    const prefix = s3Prefix('copy-from');
    const shared = s3LibraryUri(s3!, prefix);
    await ok(source, ['copy-library', shared]);
    const device = tempDir('shoebox-copy-s3-laptop-');
    const objects = await s3Objects(s3!, prefix);
    const lease = (key: string) => key.startsWith('.writer-lease/');

    const backup = path.join(tempDir('shoebox-copy-backup-'), 'family-library');
    const copied = JSON.parse((await ok(device, ['copy-library', backup, '--json'], shared)).stdout) as { from: string; to: string; tables: { name: string; rows: number }[] };
    expect(copied).toMatchObject({ from: shared, to: backup });
    expect(copied.tables.find((t) => t.name.startsWith('photos__'))?.rows).toBe(before.photos.length);
    expect(fs.existsSync(path.join(backup, '.writer-lease'))).toBe(false); // the device's lease on the source is not copied
    // Cut short on another device: a shared library is the same library from any device, so
    // its copy is finished from this one.
    fs.writeFileSync(path.join(backup, COPY_MARKER), JSON.stringify({ from: shared, host: 'another-laptop', id: 'theirs', startedAt: '' }));
    expect(JSON.parse((await ok(device, ['copy-library', backup, '--json'], shared)).stdout)).toMatchObject({ resumed: true });
    const offline = tempDir('shoebox-copy-backup-device-');
    expect(await view(offline, backup)).toEqual(before);
    expect(JSON.parse((await ok(offline, ['index', '--json'], backup)).stdout)).toMatchObject({ embedded: 0, added: 0 });

    const onward = s3LibraryUri(s3!, s3Prefix('copy-onward'));
    await ok(device, ['copy-library', onward], shared);
    expect(await view(tempDir('shoebox-copy-onward-device-'), onward)).toEqual(before);
    // A prefix inside the shared library, or holding it, is refused.
    for (const inside of [`${shared}/inner`, `s3://${s3!.bucket}`]) {
      const refused = await run(device, ['copy-library', inside], shared);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/holds it or lies inside it/);
    }
    const after = await s3Objects(s3!, prefix);
    expect([...after].filter(([k]) => !lease(k))).toEqual([...objects].filter(([k]) => !lease(k)));
    for (const text of printed) expect(text).not.toContain(s3!.secretKey);
  }, 240_000);
});
