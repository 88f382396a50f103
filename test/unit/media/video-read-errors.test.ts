// How a video that cannot be read says why, and which failures are not the video's: ffmpeg
// stopped by a signal (the OOM killer, a kill -9), an ffmpeg that does not work at all. Real
// ffmpeg (Debian's) and small shell scripts standing in for a broken one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ffmpegProblem, FfmpegStoppedError, FfmpegUnusableError, missingFfmpegLine, probeVideo, readVideoFrames, reasonFrom, DEFAULT_SAMPLING } from '../../../src/core/media';
import { tempDir } from '../../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../../helpers/videos';

const SAMPLING = { ...DEFAULT_SAMPLING, shortSide: 64 };

/** A stand-in for ffmpeg: `body` in sh, then the real one with the same arguments. */
function script(body: string): string {
  const file = path.join(tempDir('shoebox-fake-ffmpeg-'), 'ffmpeg');
  fs.writeFileSync(file, `#!/bin/sh\n${body}\nexec '${systemFfmpeg().path}' "$@"\n`);
  fs.chmodSync(file, 0o755);
  return file;
}

/** Kills itself with `signal` when asked for the frames (image2pipe), after answering -version and the probe. */
function killedOnRead(signal: string): string {
  return script(`case " $* " in *" image2pipe "*) kill -${signal} $$ ;; esac`);
}

async function readAll(ffmpeg: string, file: string): Promise<number> {
  let n = 0;
  for await (const _ of readVideoFrames(ffmpeg, file, SAMPLING, 2)) n++;
  return n;
}

describe('reasonFrom', () => {
  // What Debian's ffmpeg 5.1 writes about a healthy H.264 clip while reading it, showinfo included.
  const ordinary = [
    "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'long3.mp4':",
    '  Metadata:',
    '    major_brand     : isom',
    '  Duration: 00:00:02.00, start: 0.000000, bitrate: 25 kb/s',
    '  Stream #0:0[0x1](und): Video: h264 (High) (avc1 / 0x31637661), yuv420p(progressive), 64x64 [SAR 1:1 DAR 1:1], 22 kb/s, 25 fps, 25 tbr, 12800 tbn (default)',
    'Stream mapping:',
    '  Stream #0:0 -> #0:0 (h264 (native) -> ppm (native))',
    "Output #0, image2pipe, to 'pipe:':",
    '[Parsed_showinfo_3 @ 0x55d0c8a0f2c0] config in time_base: 1/12800, frame_rate: 25/1',
    '[Parsed_showinfo_3 @ 0x55d0c8a0f2c0] color_range:tv color_space:unknown color_primaries:unknown color_trc:unknown',
    'frame=    1 fps=0.0 q=-0.0 size=      12kB time=00:00:00.04 bitrate=2457.7kbits/s speed=N/A',
  ].join('\n');

  it('never takes ffmpeg\'s description of the input or a filter\'s log for an error', () => {
    expect(reasonFrom(ordinary, 'ffmpeg exited with code 1')).toBe('ffmpeg exited with code 1');
    expect(reasonFrom('  Stream #0:0: Video: h264, yuv420p(tv, unknown/bt709/unknown), 64x64\n', 'no video stream')).toBe('no video stream');
  });

  it('takes ffmpeg\'s own error line, without its "[demuxer @ 0x…]" prefix', () => {
    expect(reasonFrom(`${ordinary}\n[h264 @ 0x55d0c8a11a00] Invalid NAL unit size (1180 > 37).\n[h264 @ 0x55d0c8a11a00] Error splitting the input into NAL units.\nConversion failed!\n`, 'x')).toBe('video cannot be read (Invalid NAL unit size (1180 > 37).)');
    expect(reasonFrom('/v/broken.mp4: Invalid data found when processing input\n', 'x')).toBe('video cannot be read (/v/broken.mp4: Invalid data found when processing input)');
    expect(reasonFrom('[mov,mp4,m4a,3gp,3g2,mj2 @ 0x5581] moov atom not found\n/v/cut.mp4: Invalid data found when processing input\n', 'x')).toBe('video is truncated or damaged (moov atom not found)');
    expect(reasonFrom('At least one output file must be specified\n', 'no video stream')).toBe('no video stream');
  });
});

describe('ffmpeg stopped by a signal', () => {
  it('while reading the frames: FfmpegStoppedError, its reason naming the signal', async () => {
    const video = writeColourVideo(path.join(tempDir(), 'clip.mp4'), [{ colour: 'blue', seconds: 2 }], { size: '64x64' });
    expect(await readAll(systemFfmpeg().path, video)).toBeGreaterThan(0);
    const error = await readAll(killedOnRead('KILL'), video).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FfmpegStoppedError);
    expect((error as Error).message).toBe('ffmpeg was stopped (SIGKILL) before it had read the video: read again at the next run');
  });

  it('while probing', async () => {
    const video = writeColourVideo(path.join(tempDir(), 'clip.mp4'), [{ colour: 'red', seconds: 2 }], { size: '64x64' });
    const error = await probeVideo(script('kill -TERM $$'), video).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(FfmpegStoppedError);
    expect((error as Error).message).toMatch(/^ffmpeg was stopped \(SIGTERM\)/);
  });
});

describe('an ffmpeg that cannot be started', () => {
  it('is FfmpegUnusableError (the setup\'s fault), not a failure of the video', async () => {
    const video = writeColourVideo(path.join(tempDir(), 'clip.mp4'), [{ colour: 'red', seconds: 1 }], { size: '64x64' });
    await expect(probeVideo('/nope/ffmpeg', video)).rejects.toThrow(FfmpegUnusableError);
    await expect(readAll('/nope/ffmpeg', video)).rejects.toThrow(new FfmpegUnusableError('ffmpeg not found at /nope/ffmpeg'));
  });
});

describe('ffmpegProblem', () => {
  it('a working ffmpeg has none', async () => {
    expect(await ffmpegProblem(systemFfmpeg().path)).toBeNull();
  });

  it('a binary that fails -version, is not there, or is not ffmpeg, says so', async () => {
    expect(await ffmpegProblem('/bin/false')).toBe('/bin/false -version exited with code 1');
    expect(await ffmpegProblem('/nope/ffmpeg')).toBe('/nope/ffmpeg cannot be run (ENOENT)');
    const echo = path.join(tempDir(), 'ffmpeg');
    fs.writeFileSync(echo, '#!/bin/sh\necho hello\n');
    fs.chmodSync(echo, 0o755);
    expect(await ffmpegProblem(echo)).toBe(`${echo} -version does not say "ffmpeg version"`);
  });

  it('the run\'s one line says why it cannot be used', () => {
    expect(missingFfmpegLine(2, '/bin/false -version exited with code 1')).toBe('ffmpeg cannot be used (/bin/false -version exited with code 1): 2 videos skipped (install ffmpeg, or set SHOEBOX_FFMPEG to its path)');
  });
});
