// Originals are served only while they are the files that were indexed (their size and mtime,
// following links): an indexed photo replaced by a symlink to a private file whose first bytes
// look like a JPEG is not served, even before the watcher sees the change (or with --no-watch).
// A user's own in-folder link to a photo kept elsewhere is indexed, and is still served.
// An mtime moved without the file changing (a FAT card read after a DST or zone change, a sync
// tool that does not keep mtimes) does not make the photos unviewable: a photo with the same
// bytes (its content hash) and a video shifted by a zone offset are still served.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLibraryImage } from '../../../src/core/api/image-files';
import { readLibraryVideo } from '../../../src/core/api/video-files';
import { photoId } from '../../../src/core/api/photo-id';
import type { LibraryStore, PhotoSummary } from '../../../src/core/store/types';
import { COLOURS, tempDir, writeColourPhoto } from '../../helpers/images';

/** The row the indexer writes: the file's stat, following links (library/scan.ts). */
function indexedRow(file: string, extra: Partial<PhotoSummary> = {}): PhotoSummary {
  const st = fs.statSync(file);
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  return { path: file, folder: path.dirname(file), size: st.size, mtimeMs: Math.floor(st.mtimeMs), hash, thumbKey: '', ...extra } as PhotoSummary;
}

function storeOf(rows: PhotoSummary[]): LibraryStore {
  const byPath = new Map(rows.map((row) => [row.path, row]));
  return {
    photosByPath: async (paths: readonly string[]) => new Map(paths.filter((p) => byPath.has(p)).map((p) => [p, byPath.get(p)!])),
    rotations: async () => new Map(),
  } as unknown as LibraryStore;
}

const noThumbs = { read: async () => null };
/** A private file that starts as a JPEG does (the sniff reads the magic), and is not a photo. */
const secret = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]), Buffer.from('-----BEGIN PRIVATE KEY-----'.repeat(100))]);

describe('originals changed since they were indexed', () => {
  it('does not serve an indexed photo replaced by a symlink to another file', async () => {
    const dir = tempDir('shoebox-changed-');
    const photo = await writeColourPhoto(dir, 'a.jpg', COLOURS.red!);
    const row = indexedRow(photo);
    const id = photoId(photo);
    expect(await readLibraryImage(storeOf([row]), noThumbs, id, 'image')).toMatchObject({ contentType: 'image/jpeg' });

    const elsewhere = path.join(tempDir('shoebox-private-'), 'key.pem');
    fs.writeFileSync(elsewhere, secret);
    fs.rmSync(photo);
    fs.symlinkSync(elsewhere, photo);
    expect(await readLibraryImage(storeOf([row]), noThumbs, id, 'image')).toBeNull();
    expect(await readLibraryImage(storeOf([row]), noThumbs, id, 'thumb')).toBeNull();
  });

  it('still serves an unchanged photo the folder holds as a symlink to a file elsewhere', async () => {
    const kept = await writeColourPhoto(tempDir('shoebox-elsewhere-'), 'b.jpg', COLOURS.blue!);
    const dir = tempDir('shoebox-linked-');
    const link = path.join(dir, 'b.jpg');
    fs.symlinkSync(kept, link);
    const served = await readLibraryImage(storeOf([indexedRow(link)]), noThumbs, photoId(link), 'image');
    expect(Buffer.from(served!.data)).toEqual(fs.readFileSync(kept));
  });

  it('serves a photo whose mtime moved but whose bytes are the ones indexed (a DST shift, a touch)', async () => {
    const dir = tempDir('shoebox-touched-');
    const photo = await writeColourPhoto(dir, 't.jpg', COLOURS.green!);
    const row = indexedRow(photo);
    fs.utimesSync(photo, new Date(), new Date(row.mtimeMs + 3_600_000 + 123));
    const served = await readLibraryImage(storeOf([row]), noThumbs, photoId(photo), 'image');
    expect(Buffer.from(served!.data)).toEqual(fs.readFileSync(photo));
    expect(await readLibraryImage(storeOf([row]), noThumbs, photoId(photo), 'thumb')).toMatchObject({ contentType: 'image/jpeg' });
  });

  it('does not serve a file of the same size with other bytes, in place or behind a symlink', async () => {
    const dir = tempDir('shoebox-same-size-');
    const photo = await writeColourPhoto(dir, 's.jpg', COLOURS.red!);
    const row = indexedRow(photo);
    const id = photoId(photo);
    // Edited in place: still a JPEG, one byte of its data changed, the size kept.
    const edited = fs.readFileSync(photo);
    const at = edited.length - 10;
    edited[at] = edited[at]! ^ 0xff;
    fs.writeFileSync(photo, edited);
    fs.utimesSync(photo, new Date(), new Date(row.mtimeMs + 60_000));
    expect(await readLibraryImage(storeOf([row]), noThumbs, id, 'image')).toBeNull();
    // A private file cut to the photo's size, linked in its place.
    const elsewhere = path.join(tempDir('shoebox-private-'), 'key.pem');
    fs.writeFileSync(elsewhere, Buffer.concat(Array.from({ length: Math.ceil(row.size / secret.length) }, () => secret)).subarray(0, row.size));
    fs.rmSync(photo);
    fs.symlinkSync(elsewhere, photo);
    expect(fs.statSync(photo).size).toBe(row.size);
    expect(await readLibraryImage(storeOf([row]), noThumbs, id, 'image')).toBeNull();
    expect(await readLibraryImage(storeOf([row]), noThumbs, id, 'thumb')).toBeNull();
  });

  it('serves a video whose mtime moved by exactly an hour (a DST or zone change on a FAT card), not by other amounts', async () => {
    const dir = tempDir('shoebox-shifted-video-');
    const video = path.join(dir, 'clip.mp4');
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(4000)]);
    fs.writeFileSync(video, mp4);
    fs.utimesSync(video, new Date(), new Date(Date.UTC(2025, 2, 30, 10, 0, 0)));
    const row = indexedRow(video, { durationMs: 1000 });
    const id = photoId(video);
    const shifted = (ms: number) => fs.utimesSync(video, new Date(), new Date(row.mtimeMs + ms));
    shifted(3_600_000);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toMatchObject({ status: 206, size: mp4.length });
    shifted(-3_600_000);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toMatchObject({ status: 206, size: mp4.length });
    shifted(2_000); // FAT's 2 s resolution
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toMatchObject({ status: 206, size: mp4.length });
    // Written again since (minutes later, a day later): not what a clock does to a file.
    shifted(37 * 60_000 + 11_000);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toBeNull();
    shifted(3_600_000 + 10_000);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toBeNull();
    shifted(24 * 3_600_000);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toBeNull();
  });

  it('does not serve a video whose file changed since it was indexed', async () => {
    const dir = tempDir('shoebox-changed-video-');
    const video = path.join(dir, 'clip.mp4');
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypisom'), Buffer.alloc(4000)]);
    fs.writeFileSync(video, mp4);
    const row = indexedRow(video, { durationMs: 1000 });
    const id = photoId(video);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toMatchObject({ status: 206, size: mp4.length });

    const other = path.join(tempDir('shoebox-other-video-'), 'private.mp4');
    fs.writeFileSync(other, Buffer.concat([mp4, Buffer.from('private')]));
    fs.rmSync(video);
    fs.symlinkSync(other, video);
    expect(await readLibraryVideo(storeOf([row]), id, 'bytes=0-')).toBeNull();
  });
});
