// `shoebox import` tells photos and videos by their content, as `index` does
// (core/library/photo-import.ts): a real JPEG without an extension is copied; a file named as a
// photo or video is copied whatever its content (a camera's own MP4 brand, a RAW no sniffer
// knows: never left to a wiped card), and the index then names what it cannot read; a clip's
// THM and a text file stay on the card, counted apart (listed in --json); a video counts as one;
// a copy the library cannot index (a JPEG cut short or broken) is named in the summary and in
// `failed` (imported again, it is "already in the library", named as recorded unreadable, and
// not failed again), a second copy on the card is not "already in the library", and a folder with
// nothing to import says so. The card is never changed. Real LanceDB, tiny model, real ffmpeg.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, truncateCopy, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

/** Every file under `dir` (relative paths) with its SHA-256. */
function sums(dir: string): Map<string, string> {
  const files = (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile()).sort();
  return new Map(files.map((p) => [p, crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, p))).digest('hex')]));
}

/** A card with photos, a video, a photo without an extension, a copy twice, broken JPEGs and files that are no photos. */
async function mixedCard(library: string): Promise<{ card: string; dcim: string }> {
  const card = tempDir('shoebox-import-mixed-card-');
  const dcim = path.join(card, 'DCIM');
  fs.mkdirSync(dcim);
  await writeColourPhoto(dcim, 'IMG_0001.JPG', [200, 40, 40]);
  fs.writeFileSync(path.join(dcim, 'IMG_0001.JPG.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>'); // goes along: no "file left"
  await writeColourPhoto(dcim, 'IMG_0002.JPG', [40, 200, 40]);
  fs.copyFileSync(path.join(dcim, 'IMG_0001.JPG'), path.join(dcim, 'IMG_9001.JPG')); // twice on the card
  fs.renameSync(await writeColourPhoto(dcim, 'tmp.jpg', [40, 40, 200]), path.join(dcim, 'IMG_0003')); // a JPEG with no extension
  fs.copyFileSync(path.join(library, 'kept.jpg'), path.join(dcim, 'IMG_0004.JPG')); // in the library already
  writeColourVideo(path.join(dcim, 'MVI_0005.MP4'), [{ colour: 'yellow', seconds: 1 }]);
  const big = await writeColourPhoto(tempDir(), 'big.jpg', [90, 160, 20], { width: 640, height: 480 });
  truncateCopy(big, path.join(dcim, 'IMG_0006.JPG'), 0.3); // a copy cut short
  fs.writeFileSync(path.join(dcim, 'corrupted.jpg'), Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(3000)])); // a JPEG's start, then noise
  fs.writeFileSync(path.join(dcim, 'IMG_FAKE.JPG'), 'not a photo at all\n'); // named as a photo: copied, and said it could not be indexed
  fs.copyFileSync(path.join(dcim, 'IMG_0002.JPG'), path.join(dcim, 'MVI_0005.THM')); // a clip's JPEG thumbnail: a side file, left
  // A camera's own MP4 brand the sniffer does not know: a video by its name, copied.
  fs.writeFileSync(path.join(dcim, 'MVI_0007.MP4'), Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypCAEP'), crypto.randomBytes(2000)]));
  fs.writeFileSync(path.join(dcim, 'EMPTY.JPG'), '');
  fs.writeFileSync(path.join(card, 'notes.txt'), 'a camera card\n');
  return { card, dcim };
}

describe('shoebox import by content', () => {
  const env = { SHOEBOX_FFMPEG: systemFfmpeg().path };

  it('copies photos and videos told by content, leaves the rest on the card and names the copies it could not index', async () => {
    const home = tempDir();
    const library = tempDir('shoebox-import-mixed-library-');
    await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    expect((await run('index', ...MODEL, library)).code).toBe(0);
    const { card, dcim } = await mixedCard(library);
    const before = sums(card);

    const res = await run('import', ...MODEL, card, '--to', library);
    expect(res.stdout).toMatch(/; 4 indexed, 4 could not be indexed: [^,]+, [^,]+, [^,]+ and 1 more\n$/); // named in the order indexing met them
    expect(res.stdout.startsWith(`copied 6 photos and 2 videos into ${library}, 1 photo already in the library, 1 duplicate on the card, 2 files left on the card (not photos or videos), 1 empty file left on the card; `)).toBe(true);
    expect(res.code).toBe(0); // everything was copied (the card may be wiped); four copies could not be indexed, as index says them
    expect(res.stderr.split('\n').filter(Boolean).map((l) => /^shoebox: copied .*\/([^/]+), but could not index it: .+$/.exec(l)?.[1]).sort()).toEqual(['IMG_0006.JPG', 'IMG_FAKE.JPG', 'MVI_0007.MP4', 'corrupted.jpg']);
    const copied = [...sums(library).keys()].filter((p) => p !== 'kept.jpg').map((p) => path.basename(p)).sort();
    expect(copied).toEqual(['IMG_0001.JPG', 'IMG_0001.JPG.xmp', 'IMG_0002.JPG', 'IMG_0003', 'IMG_0006.JPG', 'IMG_FAKE.JPG', 'MVI_0005.MP4', 'MVI_0007.MP4', 'corrupted.jpg']);
    expect(sums(card)).toEqual(before); // the card is only read

    // Again: what the library holds is "already", the copies it recorded as unreadable too (named
    // as such, not failed or copied again); nothing is said copied.
    const again = await run('import', ...MODEL, '--json', card, '--to', library);
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    const json = JSON.parse(again.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ from: card, to: library, copied: [], copiedVideos: 0, already: 9, alreadyVideos: 2, duplicates: 1, indexed: 0, stopped: false, failed: [] });
    expect((json.alreadyUnreadable as string[]).map((p) => path.basename(p)).sort()).toEqual(['IMG_0006.JPG', 'IMG_FAKE.JPG', 'MVI_0007.MP4', 'corrupted.jpg']);
    expect(json.skipped).toEqual([
      { path: path.join(dcim, 'EMPTY.JPG'), reason: 'empty file (0 bytes)' },
      { path: path.join(dcim, 'MVI_0005.THM'), reason: 'not a photo or video' },
      { path: path.join(card, 'notes.txt'), reason: 'not a photo or video' },
    ]);
    const text = await run('import', ...MODEL, card, '--to', library);
    expect(text.stdout).toBe(`no new photos or videos in ${card}: 7 photos and 2 videos already in the library (4 of them recorded as unreadable: IMG_0006.JPG, IMG_FAKE.JPG, MVI_0007.MP4 and 1 more), 1 duplicate on the card, 2 files left on the card (not photos or videos), 1 empty file left on the card\n`);
    expect(sums(card)).toEqual(before);
    const listed = JSON.parse((await run('list', ...MODEL, '--json')).stdout) as unknown[];
    expect(listed.length).toBe(5); // kept.jpg, three photos, the video
  }, 240_000);

  it('says when a folder holds no photo or video, with exit 0', async () => {
    const home = tempDir();
    const library = tempDir('shoebox-import-none-library-');
    await writeColourPhoto(library, 'kept.jpg', [30, 90, 200]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    expect((await run('index', ...MODEL, library)).code).toBe(0);
    const empty = tempDir('shoebox-import-empty-card-');
    const res = await run('import', ...MODEL, empty, '--to', library);
    expect(res).toEqual({ code: 0, stdout: `no photos or videos found in ${empty}\n`, stderr: '' });
    fs.writeFileSync(path.join(empty, 'notes.txt'), 'not a photo');
    const other = await run('import', ...MODEL, empty, '--to', library);
    expect(other).toEqual({ code: 0, stdout: `no photos or videos found in ${empty} (1 file there is not a photo or video)\n`, stderr: '' });
    expect(fs.readdirSync(library)).toEqual(['kept.jpg']);
  }, 120_000);
});
