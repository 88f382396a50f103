// Trash… on a selection that holds a video, through LibraryApi: the core's trash result says
// how many of the moved were videos, so the app's line says "Moved 1 photo, 1 video to the
// trash." and not "2 photos" (a video is never called a photo). Real files (Debian's ffmpeg),
// real engine, a test trash folder.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi, type LibraryHost } from '../../src/core/api/library-api';
import type { LibraryEvent } from '../../src/shared/api';
import { trashResultText } from '../../src/renderer/lib/trash';
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
  dir = tempDir('shoebox-trash-videos-');
  await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
  await writeColourPhoto(dir, 'green.jpg', [20, 200, 30]);
  writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'blue', seconds: 2 }]);
  host = await createLibraryApi({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, trashDir: tempDir('shoebox-trash-videos-bin-') });
  host.subscribe((e) => events.push(e));
  expect(await jobFinished(events, await host.addFolder(dir))).toMatchObject({ state: 'done', result: { added: 3, failed: 0 } });
}, 180_000);

afterAll(async () => {
  await host?.close();
  if (previousFfmpeg === undefined) delete process.env[FFMPEG_ENV];
  else process.env[FFMPEG_ENV] = previousFfmpeg;
});

describe('trashing a video', () => {
  it('says how many of the moved were videos, and the app says them apart', async () => {
    const byName = new Map((await host.timeline({ limit: 100 })).photos.map((p) => [path.basename(p.path), p.id]));
    const alone = await host.trashPhotos([byName.get('clip.mp4')!]);
    expect(alone.movedVideos).toBe(1);
    expect(trashResultText(alone)).toBe('Moved 1 video to the trash.');
    const photo = await host.trashPhotos([byName.get('red.jpg')!]);
    expect(photo.movedVideos ?? 0).toBe(0);
    expect(trashResultText(photo)).toBe('Moved 1 photo to the trash.');
  }, 60_000);
});
