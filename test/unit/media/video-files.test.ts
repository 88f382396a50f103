// Videos as the media layer sees them, on real files Debian's ffmpeg makes: the container told
// by content for every format Shoebox reads (never by name), the frames sampled every few
// seconds and at a scene cut, with their times, and a file cut short failing with a reason.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { probeVideo, readVideoFrames, sniffImage, sniffVideo, VideoReadError, DEFAULT_SAMPLING, type VideoFrame } from '../../../src/core/media';
import { tempDir, writeColourPhoto } from '../../helpers/images';
import { systemFfmpeg, truncateCopy, writeColourVideo } from '../../helpers/videos';

let dir: string;
const ffmpeg = () => systemFfmpeg().path;
const H264 = ['-c:v', 'libx264', '-pix_fmt', 'yuv420p'];

beforeAll(() => {
  dir = tempDir('shoebox-video-media-');
});

describe('sniffVideo', () => {
  it.each([
    ['mp4', [...H264, '-f', 'mp4'], 'video/mp4'],
    ['mov', [...H264, '-f', 'mov'], 'video/quicktime'],
    ['m4v', [...H264, '-f', 'ipod', '-brand', 'M4V '], 'video/x-m4v'],
    ['mkv', [...H264, '-f', 'matroska'], 'video/x-matroska'],
    ['webm', ['-c:v', 'libvpx', '-b:v', '100k', '-f', 'webm'], 'video/webm'],
    ['avi', ['-c:v', 'mpeg4', '-f', 'avi'], 'video/x-msvideo'],
  ])('tells %s by its bytes, whatever the name', (format, codec, mime) => {
    const file = writeColourVideo(path.join(dir, `clip-${format}.bin`), [{ colour: 'red', seconds: 1 }], { codec });
    const head = fs.readFileSync(file).subarray(0, 4096);
    expect(sniffVideo(head)).toEqual({ format, mime });
    expect(sniffImage(head)).toBeNull(); // not mistaken for a photo either
  });

  it('leaves photos (HEIC/AVIF are ISO-BMFF too), text and junk alone', async () => {
    const jpeg = fs.readFileSync(await writeColourPhoto(dir, 'p.jpg', [1, 2, 3]));
    expect(sniffVideo(jpeg)).toBeNull();
    const avifLike = Buffer.from('\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf', 'latin1');
    expect(sniffVideo(avifLike)).toBeNull();
    expect(sniffVideo(Buffer.from('hello, this is not a video at all'))).toBeNull();
  });
});

describe('readVideoFrames', () => {
  it('samples every 2 s and at the scene cut, with each frame\'s time, reduced to the raster size', async () => {
    const file = writeColourVideo(path.join(dir, 'cut.mp4'), [{ colour: 'red', seconds: 3 }, { colour: 'blue', seconds: 4 }], { size: '1280x720' });
    const probe = await probeVideo(ffmpeg(), file);
    expect(probe.durationS).toBeCloseTo(7, 1);
    const frames: VideoFrame[] = [];
    for await (const f of readVideoFrames(ffmpeg(), file, { ...DEFAULT_SAMPLING, shortSide: 672 }, probe.durationS)) frames.push(f);
    // 0 and 2 (red), 3 (the cut: blue), 5 (2 s later, blue)
    expect(frames.map((f) => f.timeS)).toEqual([0, 2, 3, 5]);
    const rgb = (f: VideoFrame) => [0, 1, 2].map((c) => f.raster.data[c]!);
    expect(rgb(frames[1]!)[0]).toBeGreaterThan(200);
    expect(rgb(frames[2]!)[2]).toBeGreaterThan(200);
    expect(frames[0]!.raster).toMatchObject({ width: 1194, height: 672 });
  });

  it('a long video is sampled more sparsely, never past the frame budget', async () => {
    const file = writeColourVideo(path.join(dir, 'long.mp4'), [{ colour: 'green', seconds: 30 }], { size: '160x120' });
    const frames: VideoFrame[] = [];
    for await (const f of readVideoFrames(ffmpeg(), file, { ...DEFAULT_SAMPLING, maxFrames: 5, shortSide: 224 }, 30)) frames.push(f);
    expect(frames.length).toBeLessThanOrEqual(5);
    expect(frames.map((f) => f.timeS)).toEqual([0, 6, 12, 18, 24]);
  });

  it('a video cut short fails with a reason once its frames are read (moov at the end: at the probe)', async () => {
    const full = writeColourVideo(path.join(dir, 'full.mp4'), [{ colour: 'green', seconds: 3 }], { size: '320x240', filter: 'noise=alls=60:allf=t' });
    await expect(probeVideo(ffmpeg(), truncateCopy(full, path.join(dir, 'cut-end.mp4')))).rejects.toThrow(/truncated or damaged \(moov atom not found\)/);
    // "Fast start" files hold their index first: ffmpeg decodes what there is, then says so.
    const fast = writeColourVideo(path.join(dir, 'fast.mp4'), [{ colour: 'green', seconds: 3 }], { size: '320x240', filter: 'noise=alls=60:allf=t', faststart: true });
    const cut = truncateCopy(fast, path.join(dir, 'cut-fast.mp4'));
    const probe = await probeVideo(ffmpeg(), cut);
    const read = async () => {
      for await (const _ of readVideoFrames(ffmpeg(), cut, { ...DEFAULT_SAMPLING, shortSide: 224 }, probe.durationS)) void _;
    };
    await expect(read()).rejects.toThrow(VideoReadError);
    await expect(read()).rejects.toThrow(/truncated or damaged/);
  });

  it('a file that is no video fails with ffmpeg\'s reason', async () => {
    const junk = path.join(dir, 'junk.bin');
    fs.writeFileSync(junk, Buffer.alloc(5000, 7));
    await expect(probeVideo(ffmpeg(), junk)).rejects.toThrow(/video cannot be read|no video stream/);
  });
});
