// `shoebox index` when ffmpeg, not the video, is what failed: an ffmpeg killed mid-read (the
// OOM killer, a kill -9) fails the video for this run only, and a SHOEBOX_FFMPEG that names no
// binary or a binary that is not a working ffmpeg skips the videos with one line; either way
// the next run, with a working ffmpeg, reads them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

interface Summary {
  added: number;
  updated: number;
  removed: number;
  moved: number;
  unchanged: number;
  failed: { path: string; reason: string; known?: true; dropped?: true }[];
}

async function index(home: string, folder: string, ffmpeg: string): Promise<{ summary: Summary; stderr: string }> {
  const run = await shoebox(['--home', home, 'index', ...MODEL, '--json', folder], { SHOEBOX_FFMPEG: ffmpeg });
  expect(run.code === 0 || run.code === 1, run.stderr).toBe(true);
  return { summary: JSON.parse(run.stdout) as Summary, stderr: run.stderr };
}

async function twoVideos(): Promise<string> {
  const dir = tempDir('shoebox-cli-ffmpeg-');
  await writeColourPhoto(dir, 'red.jpg', [220, 20, 20]);
  writeColourVideo(path.join(dir, 'a.mp4'), [{ colour: 'blue', seconds: 2 }], { size: '64x64' });
  writeColourVideo(path.join(dir, 'b.mp4'), [{ colour: 'green', seconds: 2 }], { size: '64x64' });
  return dir;
}

/** An ffmpeg that answers -version and the probe, and ends on `signal` (sent to itself) once it reads frames. */
function killedMidRead(signal = 'KILL'): string {
  const file = path.join(tempDir('shoebox-fake-ffmpeg-'), 'ffmpeg');
  fs.writeFileSync(file, `#!/bin/sh\ncase " $* " in *" image2pipe "*) kill -${signal} $$ ;; esac\nexec '${systemFfmpeg().path}' "$@"\n`);
  fs.chmodSync(file, 0o755);
  return file;
}

describe('index when ffmpeg fails', () => {
  it('ffmpeg killed mid-read: the video fails this run, saying so, and is read at the next', async () => {
    const home = tempDir();
    const dir = await twoVideos();
    const first = await index(home, dir, killedMidRead());
    expect(first.summary.added).toBe(1); // the photo
    expect(first.summary.failed.map((f) => [path.basename(f.path), f.reason]).sort()).toEqual([
      ['a.mp4', 'ffmpeg was stopped (SIGKILL) before it had read the video: read again at the next run'],
      ['b.mp4', 'ffmpeg was stopped (SIGKILL) before it had read the video: read again at the next run'],
    ]);
    const second = await index(home, dir, systemFfmpeg().path);
    expect(second.summary.failed).toEqual([]);
    expect(second.summary.added).toBe(2);
  }, 120_000);

  it('ffmpeg killed re-reading a video the library has: its row stays (not dropped) until the next run reads it', async () => {
    const home = tempDir();
    const dir = await twoVideos();
    expect((await index(home, dir, systemFfmpeg().path)).summary.added).toBe(3);
    writeColourVideo(path.join(dir, 'a.mp4'), [{ colour: 'red', seconds: 3 }], { size: '64x64' });
    const killed = await index(home, dir, killedMidRead());
    expect(killed.summary.failed).toEqual([expect.objectContaining({ path: path.join(dir, 'a.mp4'), reason: expect.stringMatching(/^ffmpeg was stopped \(SIGKILL\)/) })]);
    expect(killed.summary.failed[0]!.dropped).toBeUndefined();
    expect(killed.summary.removed).toBe(0);
    const listed = await shoebox(['--home', home, 'list', ...MODEL, '--folder', dir]);
    expect(listed.stdout).toContain('a.mp4');
    const again = await index(home, dir, systemFfmpeg().path);
    expect([again.summary.updated, again.summary.failed]).toEqual([1, []]);
  }, 180_000);

  it('ffmpeg crashing on a video (a signal of its own, not a kill) is the video’s failure, not retried', async () => {
    const home = tempDir();
    const dir = await twoVideos();
    const first = await index(home, dir, killedMidRead('SEGV'));
    expect(first.summary.failed.map((f) => f.reason)).toEqual(['ffmpeg crashed (SIGSEGV) reading the video', 'ffmpeg crashed (SIGSEGV) reading the video']);
    const second = await index(home, dir, killedMidRead('SEGV'));
    expect(second.summary.failed.every((f) => f.known === true)).toBe(true);
  }, 120_000);

  it('a video renamed while no ffmpeg can be used keeps its row (and its frames): it is found by its content', async () => {
    const home = tempDir();
    const dir = await twoVideos();
    expect((await index(home, dir, systemFfmpeg().path)).summary.added).toBe(3);
    fs.renameSync(path.join(dir, 'a.mp4'), path.join(dir, 'a renamed.mp4'));
    const run = await index(home, dir, '/nope/ffmpeg');
    // A move, as with ffmpeg: the new path added as moved, the old one removed; nothing skipped.
    expect([run.summary.failed, run.summary.added, run.summary.moved, run.summary.removed]).toEqual([[], 1, 1, 1]);
    expect(run.stderr).not.toMatch(/ffmpeg/);
    const listed = await shoebox(['--home', home, 'list', ...MODEL, '--folder', dir]);
    expect(listed.stdout).toContain('a renamed.mp4');
  }, 120_000);

  for (const [name, setting, line] of [
    ['a path with no binary', '/nope/ffmpeg', 'ffmpeg cannot be used (SHOEBOX_FFMPEG=/nope/ffmpeg is not an executable file): 2 videos skipped'],
    ['a binary that is not a working ffmpeg', '/bin/false', 'ffmpeg cannot be used (/bin/false -version exited with code 1): 2 videos skipped'],
  ] as const) {
    it(`SHOEBOX_FFMPEG naming ${name}: the videos are skipped with one line, and read once it is fixed`, async () => {
      const home = tempDir();
      const dir = await twoVideos();
      const first = await index(home, dir, setting);
      expect(first.summary.failed).toEqual([]);
      expect(first.summary.added).toBe(1);
      expect(first.stderr.split('\n').filter((l) => /ffmpeg/.test(l))).toEqual([`shoebox: ${line} (install ffmpeg, or set SHOEBOX_FFMPEG to its path)`]);
      const second = await index(home, dir, systemFfmpeg().path);
      expect(second.summary.failed).toEqual([]);
      expect(second.summary.added).toBe(2);
    }, 120_000);
  }
});
