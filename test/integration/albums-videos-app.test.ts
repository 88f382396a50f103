// An album holding a video, as the app asks for it (LibraryApi): the core's AlbumInfo says how
// many of its members are videos, so the album's header reads "2 photos, 1 video" as `shoebox
// albums show` does, not "3 photos". Real files (Debian's ffmpeg), real engine.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent } from '../../src/shared/api';
import { albumCountText } from '../../src/renderer/components/albums/album-text';
import { archiveResultText } from '../../src/renderer/lib/archive';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { jobFinished } from '../helpers/api-host';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';
import { FFMPEG_ENV } from '../../src/core/media';

let dir: string;
let host: LibraryHost;
const events: LibraryEvent[] = [];
const previousFfmpeg = process.env[FFMPEG_ENV];

beforeAll(async () => {
  process.env[FFMPEG_ENV] = systemFfmpeg().path;
  dir = tempDir('shoebox-album-videos-');
  await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
  await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
  writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'blue', seconds: 2 }]);
  host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false });
  host.subscribe((e) => events.push(e));
  expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 3, failed: 0 } });
}, 180_000);

afterAll(async () => {
  await host?.close();
  if (previousFfmpeg === undefined) delete process.env[FFMPEG_ENV];
  else process.env[FFMPEG_ENV] = previousFfmpeg;
});

describe('an album with a video, in the app', () => {
  it('counts its video apart from its photos, as the CLI does', async () => {
    await host.saveAlbum({ name: 'Trip', query: '' });
    const ids = (await host.timeline({ limit: 100 })).photos.map((p) => p.id);
    const { album } = await host.setAlbumMemberships('Trip', ids, 'pinned');
    expect(album).toMatchObject({ members: 3, videos: 1 });
    const [listed] = await host.listAlbums();
    expect(albumCountText(listed!)).toBe('2 photos, 1 video');
    // The CLI's share (albums list, albums show) reads the same count.
    expect((await host.albumSummaries())[0]).toMatchObject({ members: 3, videos: 1 });
    expect((await host.albumView('Trip')).videos).toBe(1);
  }, 60_000);

  it('an album of photos only says no video', async () => {
    await host.saveAlbum({ name: 'Stills', query: '' });
    const red = (await host.timeline({ limit: 100 })).photos.find((p) => path.basename(p.path) === 'red.jpg')!;
    const { album } = await host.setAlbumMemberships('Stills', [red.id], 'pinned');
    expect(album.videos ?? 0).toBe(0);
    expect(albumCountText(album)).toBe('1 photo');
  }, 60_000);

  it("archiving a photo and a video from the app says them apart, as the CLI does", async () => {
    const photos = (await host.timeline({ limit: 100 })).photos.filter((p) => ['red.jpg', 'clip.mp4'].includes(path.basename(p.path)));
    const archived = await host.setArchived(photos.map((p) => p.id), true);
    expect(archived).toMatchObject({ done: 2, changedVideos: 1 });
    expect(archiveResultText(archived, true)).toBe('Archived 1 photo, 1 video.');
    await host.setArchived(photos.map((p) => p.id), false);
  }, 60_000);
});
