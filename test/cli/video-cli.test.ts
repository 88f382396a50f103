// Videos through the `shoebox` command: `search --json` carries the best moment's "time",
// `list --json` marks videos with their duration, and an index killed mid-run (kill -9)
// resumes without embedding again the videos it had finished.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { shoebox, startShoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { remux, systemFfmpeg, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const children: ChildProcessWithoutNullStreams[] = [];
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  env = { SHOEBOX_FFMPEG: systemFfmpeg().path };
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

describe('videos in the CLI', () => {
  it('search gives a video\'s best moment ("time" in --json, a third column as text); list --json marks it a video; similar refuses a video outside the library', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-cli-video-');
    await writeColourPhoto(photos, 'red.jpg', [220, 20, 20]);
    writeColourVideo(path.join(photos, 'red-then-blue.mp4'), [{ colour: 'red', seconds: 4 }, { colour: 'blue', seconds: 4 }]);
    const index = await shoebox(['--home', home, 'index', ...MODEL, '--json', photos], env);
    expect(index.code, index.stderr).toBe(0);
    expect(JSON.parse(index.stdout)).toMatchObject({ added: 2, failed: [] });

    const search = await shoebox(['--home', home, 'search', ...MODEL, '--json', 'blue'], env);
    expect(search.code, search.stderr).toBe(0);
    const [best] = JSON.parse(search.stdout) as { path: string; score: number; time?: number }[];
    expect(path.basename(best!.path)).toBe('red-then-blue.mp4');
    expect(best!.time).toBeGreaterThanOrEqual(4);
    // As text, the moment is a third column; a photo has none.
    const text = await shoebox(['--home', home, 'search', ...MODEL, '--all', 'blue'], env);
    const lines = text.stdout.trim().split('\n').map((l) => l.split('\t'));
    expect(lines.find((l) => l[1]!.endsWith('.mp4'))).toEqual([expect.stringMatching(/^\d\.\d{4}$/), path.join(photos, 'red-then-blue.mp4'), `at 0:0${best!.time}`]);
    expect(lines.find((l) => l[1]!.endsWith('.jpg'))).toHaveLength(2);
    // A video outside the library cannot be the example (only its indexed frames could): said so.
    const outside = writeColourVideo(path.join(tempDir(), 'elsewhere.mp4'), [{ colour: 'blue', seconds: 2 }]);
    const refused = await shoebox(['--home', home, 'similar', ...MODEL, outside], env);
    expect(refused.stderr.trim()).toBe(`shoebox: ${outside}: a video the library does not hold: the example must be an image, or a video of the library (index its folder first)`);

    const list = await shoebox(['--home', home, 'list', ...MODEL, '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    const rows = JSON.parse(list.stdout) as { path: string; kind?: string; duration?: number }[];
    expect(rows.find((r) => r.path.endsWith('.mp4'))).toMatchObject({ kind: 'video', duration: 8 });
    expect(rows.find((r) => r.path.endsWith('.jpg'))?.kind).toBeUndefined();

    // status tells photos and videos apart, for the library and its folder.
    const status = await shoebox(['--home', home, 'status', ...MODEL], env);
    expect(status.stdout.split('\n')[0]).toMatch(/^1 photo, 1 video, 0 failed, 0 pending; /);
    expect(status.stdout).toContain(`  ${photos}\t1 photo, 1 video\n`);
    expect(JSON.parse((await shoebox(['--home', home, 'status', ...MODEL, '--json'], env)).stdout)).toMatchObject({ photos: 2, videos: 1, folders: [{ path: photos, photos: 2, videos: 1 }] });
    // So does places, for what has no place (as the app's Places page says it).
    const places = await shoebox(['--home', home, 'places'], env);
    expect(places.stderr.trim()).toBe("no photo has a GPS position near a town; 1 photo, 1 video without a place ('shoebox place set' gives one)");
  }, 120_000);

  it('kill -9 mid-run: the next run embeds only the videos that were not finished', async () => {
    const home = tempDir();
    const videos = tempDir('shoebox-cli-video-crash-');
    const total = 12;
    // A real decode's worth of frames each (encoded once), and each its own content: copies of
    // one clip remuxed with a different title, so no video is a twin of another.
    const base = writeColourVideo(path.join(tempDir(), 'base.mp4'), [{ colour: 'teal', seconds: 20 }], { size: '320x240', filter: 'noise=alls=20:allf=t' });
    for (let i = 0; i < total; i++) remux(base, path.join(videos, `v${String(i).padStart(2, '0')}.mp4`), `clip ${i}`);
    const child = startShoebox(['--home', home, 'index', ...MODEL, videos], env);
    children.push(child);
    child.stdout.resume();
    child.stderr.resume();
    const closed = new Promise((r) => child.once('close', r));
    // Until the first video row is committed, as a reader sees it (a data file alone may be a
    // commit still in flight: LanceDB writes it before the version that makes it visible).
    const end = Date.now() + 90_000;
    while ((await committedPhotos(home)) < 1 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGKILL');
    await closed;

    const rest = await shoebox(['--home', home, 'index', ...MODEL, '--json', videos], env);
    expect(rest.code, rest.stderr).toBe(0);
    const summary = JSON.parse(rest.stdout) as { unchanged: number; embedded: number; added: number; failed: unknown[] };
    expect(summary.failed, JSON.stringify(summary)).toEqual([]);
    expect(summary.unchanged, JSON.stringify(summary)).toBeGreaterThan(0); // finished before the kill: not read again
    expect(summary.unchanged).toBeLessThan(total); // the kill did land mid-run
    expect(summary.unchanged + summary.embedded).toBe(total);
    const list = JSON.parse((await shoebox(['--home', home, 'list', ...MODEL, '--json'], env)).stdout) as { kind?: string }[];
    expect(list.filter((r) => r.kind === 'video')).toHaveLength(total);
  }, 240_000);
});

/** Rows committed to the library so far, as `status` (a reader, beside the writer) counts them. */
async function committedPhotos(home: string): Promise<number> {
  if (!fs.existsSync(path.join(home, 'library'))) return 0;
  const status = await shoebox(['--home', home, 'status', ...MODEL, '--json'], env);
  return status.code === 0 ? (JSON.parse(status.stdout) as { photos: number }).photos : 0;
}
