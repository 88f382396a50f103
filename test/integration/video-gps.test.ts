// A phone video's own position (the container's ISO 6709 tag: Android's `location`, an
// iPhone's com.apple.quicktime.location.ISO6709) is read at indexing as a photo's EXIF GPS is,
// so the video has a place (Places, place search, `show`); 0,0 is a blank, as in a photo.
// The codec is read with it, for the viewer's "cannot play" line.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary } from '../../src/core/engine';
import type { LibraryService } from '../../src/core/library/library-service';
import { probeVideo } from '../../src/core/media';
import { readVideoCodec } from '../../src/core/media/video-codec';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

let media: string;
let lib: LibraryService;

/** `file` rewrapped without re-encoding, with `tags` (`key=value`) in its container. */
function tagged(file: string, to: string, tags: string[], appleKeys = false): string {
  const metadata = tags.flatMap((t) => ['-metadata', t]);
  execFileSync(systemFfmpeg().path, ['-hide_banner', '-loglevel', 'error', '-nostdin', '-y', '-i', file, '-c', 'copy', ...(appleKeys ? ['-movflags', 'use_metadata_tags'] : []), ...metadata, to]);
  return to;
}

beforeAll(async () => {
  media = tempDir('shoebox-video-gps-');
  const plain = writeColourVideo(path.join(tempDir(), 'plain.mp4'), [{ colour: 'green', seconds: 2 }]);
  tagged(plain, path.join(media, 'android.mp4'), ['location=+48.8584+002.2945/']);
  tagged(plain, path.join(media, 'quicktime.mov'), ['location=-33.8568+151.2153/']);
  tagged(plain, path.join(media, 'iphone.mov'), ['com.apple.quicktime.location.ISO6709=+37.3318-122.0312+012.345/'], true);
  tagged(plain, path.join(media, 'null-island.mp4'), ['location=+00.0000+000.0000/']);
  tagged(plain, path.join(media, 'damaged.mp4'), ['location=+95.0000+002.2945/']);
  writeColourVideo(path.join(media, 'mjpeg.mov'), [{ colour: 'blue', seconds: 1 }], { codec: ['-c:v', 'mjpeg', '-f', 'mov'] });
  lib = openLibrary({ home: tempDir(), modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', command: 'test', ffmpeg: systemFfmpeg() });
}, 60_000);

afterAll(async () => {
  await lib?.close();
});

describe("a video's own position", () => {
  it('is read from the container, the iPhone\'s key as Android\'s, and 0,0 or out of range is none', async () => {
    const ffmpeg = systemFfmpeg().path;
    expect((await probeVideo(ffmpeg, path.join(media, 'android.mp4'))).gps).toEqual({ lat: 48.8584, lon: 2.2945 });
    expect((await probeVideo(ffmpeg, path.join(media, 'quicktime.mov'))).gps).toEqual({ lat: -33.8568, lon: 151.2153 });
    expect((await probeVideo(ffmpeg, path.join(media, 'iphone.mov'))).gps).toEqual({ lat: 37.3318, lon: -122.0312 });
    expect((await probeVideo(ffmpeg, path.join(media, 'null-island.mp4'))).gps).toBeNull();
    expect((await probeVideo(ffmpeg, path.join(media, 'damaged.mp4'))).gps).toBeNull();
    expect((await probeVideo(ffmpeg, path.join(media, 'mjpeg.mov'))).gps).toBeNull();
  });

  it("is the indexed video's GPS, as a photo's EXIF position is", async () => {
    const summary = await lib.index([media]);
    expect(summary.failed).toEqual([]);
    const rows = new Map((await (await lib.readable()).listPhotos()).map((r) => [path.basename(r.path), r]));
    expect([rows.get('android.mp4')?.gpsLat, rows.get('android.mp4')?.gpsLon]).toEqual([48.8584, 2.2945]);
    expect([rows.get('iphone.mov')?.gpsLat, rows.get('iphone.mov')?.gpsLon]).toEqual([37.3318, -122.0312]);
    expect([rows.get('null-island.mp4')?.gpsLat, rows.get('null-island.mp4')?.gpsLon]).toEqual([null, null]);
  }, 120_000);
});

describe("a video's encoding", () => {
  it('is named from the file: Motion JPEG in a .mov, H.264 in another', async () => {
    expect(await readVideoCodec(path.join(media, 'mjpeg.mov'), systemFfmpeg())).toBe('Motion JPEG');
    expect(await readVideoCodec(path.join(media, 'quicktime.mov'), systemFfmpeg())).toBe('H.264');
    expect(await readVideoCodec(path.join(media, 'mjpeg.mov'), null)).toBeNull();
  });
});
