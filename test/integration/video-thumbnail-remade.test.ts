// A video's thumbnail is made again when the library's copy is missing, as a photo's is (found
// by a new-user walk: a second device of a shared library, or a cleared thumbs folder, showed
// every video as a broken image, /thumb answering 404). It is the indexer's poster made again
// (the first sampled frame at or after 1 s, 384 px, the indexer's JPEG), and is stored back.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { VideoIndexer } from '../../src/core/library/video-indexing';
import { posterThumbnail } from '../../src/core/library/video-poster';
import { jobFinished, useApiHosts } from '../helpers/api-host';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

const openHost = useApiHosts();

/** The mean colour of a JPEG and its size. */
async function look(jpeg: Uint8Array): Promise<{ width: number; height: number; rgb: number[] }> {
  const image = sharp(jpeg);
  const { width, height, format } = await image.metadata();
  expect(format).toBe('jpeg');
  const stats = await image.stats();
  return { width: width!, height: height!, rgb: stats.channels.slice(0, 3).map((c) => Math.round(c.mean)) };
}

describe('a video whose thumbnail is missing', () => {
  it('is shown by its poster made again from the video, and the poster is kept', { timeout: 120_000 }, async () => {
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    // Green for its first second, then blue: the poster is the blue frame at 1 s, not the first.
    writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'green', seconds: 1 }, { colour: 'blue', seconds: 3 }], { size: '640x360' });
    const home = tempDir('shoebox-home-');
    const { host, events } = await openHost({ home });
    expect(await jobFinished(events, await host.addFolder(photos))).toMatchObject({ state: 'done' });
    const shown = (await host.listPhotos()).photos;
    const video = shown.find((p) => p.path.endsWith('clip.mp4'))!;
    const photo = shown.find((p) => p.path.endsWith('red.jpg'))!;
    expect(await host.readImage(video.id, 'thumb')).not.toBeNull();

    // The thumbnail cache cleared (a second device has none of its own either).
    const thumbs = path.join(home, 'thumbs');
    fs.rmSync(thumbs, { recursive: true, force: true });
    expect(await host.readImage(photo.id, 'thumb')).not.toBeNull();
    // Without ffmpeg (here: SHOEBOX_FFMPEG naming no binary), as a missing thumbnail was: none.
    const setting = process.env.SHOEBOX_FFMPEG;
    process.env.SHOEBOX_FFMPEG = path.join(photos, 'red.jpg');
    try {
      expect(await host.readImage(video.id, 'thumb')).toBeNull();
    } finally {
      if (setting === undefined) delete process.env.SHOEBOX_FFMPEG;
      else process.env.SHOEBOX_FFMPEG = setting;
    }
    expect(fs.existsSync(thumbs)).toBe(false);
    const poster = await host.readImage(video.id, 'thumb');
    expect(poster?.contentType).toBe('image/jpeg');
    const seen = await look(poster!.data);
    expect([seen.width, seen.height]).toEqual([384, 216]);
    // ffmpeg's blue (0x0000FF), through H.264 and JPEG.
    expect(seen.rgb[0]).toBeLessThan(20);
    expect(seen.rgb[1]).toBeLessThan(20);
    expect(seen.rgb[2]).toBeGreaterThan(230);

    // Kept in the thumbnails again: served from there, ffmpeg not run a second time.
    const kept = fs.readdirSync(thumbs, { recursive: true }).map(String).filter((f) => f.endsWith('.jpg'));
    expect(kept).toHaveLength(1);
    expect(Buffer.compare(fs.readFileSync(path.join(thumbs, kept[0]!)), Buffer.from(poster!.data))).toBe(0);
  });

  it('made again equals the poster the indexer made, byte for byte, for a 224 px model', { timeout: 60_000 }, async () => {
    const dir = tempDir('shoebox-video-');
    // Larger than the frames a 224 px model reads (672 px on the short side): reduced the same way.
    const file = writeColourVideo(path.join(dir, 'clip.mp4'), [{ colour: 'red', seconds: 1.2 }, { colour: '0x3060C0', seconds: 0.8 }], { size: '1280x720', filter: 'noise=alls=20:allf=t' });
    const preprocessing = { size: 224, mean: [0.48, 0.46, 0.41], std: [0.27, 0.26, 0.28], resizeMode: 'shortest', cropRounding: 'half-even' } as const;
    const model = { folder: { preprocessing }, embedPixels: (_: Float32Array, n: number) => Promise.resolve(Array.from({ length: n }, () => new Float32Array(4))) };
    const indexer = new VideoIndexer({ model: model as never, store: { putVideoFrames: () => Promise.resolve() }, thumbnailSize: 384, ffmpeg: systemFfmpeg() });
    const indexed = (await indexer.index(file, 'ab'.repeat(32))).poster.thumbnail!;
    const remade = await posterThumbnail(systemFfmpeg().path, file, 384);
    expect(Buffer.compare(remade, indexed)).toBe(0);
  });
});
