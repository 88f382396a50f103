// Originals are served only while they are the files that were indexed (their size and mtime,
// following links): an indexed photo replaced by a symlink to a private file whose first bytes
// look like a JPEG is not served, even before the watcher sees the change (or with --no-watch).
// A user's own in-folder link to a photo kept elsewhere is indexed, and is still served.
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
  return { path: file, folder: path.dirname(file), size: st.size, mtimeMs: Math.floor(st.mtimeMs), hash: 'h', thumbKey: '', ...extra } as PhotoSummary;
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
