// The desktop app plays a library video through shoebox://app/video/<id>: the player's Range
// header reaches the engine, which answers with exactly those bytes (206 + Content-Range),
// for library videos only. The engine's side is the real core/api/video-files.ts over an
// in-memory store and a real video file.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { readLibraryVideo } from '../../../src/core/api/video-files';
import { photoId } from '../../../src/core/api/photo-id';
import { fakeStore, photoRecord } from '../../helpers/fakes/fake-store';
import { tempDir } from '../../helpers/images';
import { writeColourVideo } from '../../helpers/videos';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);
const { respond } = await import('../../../src/main/app-protocol');

let video: string;
let bytes: Buffer;
const store = fakeStore();
const images = {
  readImage: async () => null,
  readVideo: (id: string, range: string | null) => readLibraryVideo(store, id, range),
};

beforeAll(async () => {
  const dir = tempDir('shoebox-video-protocol-');
  video = writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'red', seconds: 2 }], { filter: 'noise=alls=30:allf=t' });
  bytes = fs.readFileSync(video);
  const photo = path.join(dir, 'a.jpg');
  fs.writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
  // As indexed: an original is served only while it is the file the index recorded (indexed-file-check.ts).
  const st = fs.statSync(video);
  await store.upsertPhotos([photoRecord(video, [1, 0], { durationMs: 2000, size: st.size, mtimeMs: Math.floor(st.mtimeMs) }), photoRecord(photo, [0, 1])]);
});

describe('shoebox://app/video', () => {
  it('answers the Range header with 206 and exactly those bytes', async () => {
    const res = await respond(`shoebox://app/video/${photoId(video)}`, '/nowhere', 'csp', images, 'bytes=100-299');
    expect(res.status).toBe(206);
    expect(res.headers.get('Content-Range')).toBe(`bytes 100-299/${bytes.length}`);
    expect(res.headers.get('Accept-Ranges')).toBe('bytes');
    expect(res.headers.get('Content-Type')).toBe('video/mp4');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100, 300))).toBe(true);
  });

  it('a request without Range gets the whole small file', async () => {
    const res = await respond(`shoebox://app/video/${photoId(video)}`, '/nowhere', 'csp', images);
    expect(res.status).toBe(200);
    expect((await res.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('serves no photo, no path outside the library, and nothing past the end', async () => {
    expect((await respond(`shoebox://app/video/${photoId(path.join(path.dirname(video), 'a.jpg'))}`, '/nowhere', 'csp', images, 'bytes=0-1')).status).toBe(404);
    expect((await respond(`shoebox://app/video/${photoId('/etc/passwd')}`, '/nowhere', 'csp', images, 'bytes=0-1')).status).toBe(404);
    const past = await respond(`shoebox://app/video/${photoId(video)}`, '/nowhere', 'csp', images, `bytes=${bytes.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('Content-Range')).toBe(`bytes */${bytes.length}`);
  });
});
