// `shoebox albums create` says its count as status and the app do: photos and videos apart
// ("2 photos, 1 video"), never a video counted as a photo; `albums export --json` counts the
// videos it exported (the core's report, as the app's Export… line says them).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('albums with a video', () => {
  it('create says "2 photos, 1 video", and export counts the video apart', async () => {
    const env = { SHOEBOX_FFMPEG: systemFfmpeg().path };
    const home = tempDir();
    const photos = tempDir('shoebox-album-video-');
    const red = await writeColourPhoto(photos, 'red.jpg', [220, 30, 30]);
    const green = await writeColourPhoto(photos, 'green.jpg', [30, 220, 30]);
    const clip = writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'blue', seconds: 2 }]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);

    const created = await run('albums', 'create', ...MODEL, 'Trip', red, green, clip);
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout.split('\n')[0]).toBe('Trip: hand-picked, 2 photos, 1 video');

    const out = path.join(tempDir(), 'trip');
    const exported = await run('albums', 'export', ...MODEL, '--json', 'Trip', out);
    expect(JSON.parse(exported.stdout)).toMatchObject({ exported: 3, exportedVideos: 1 });
    expect(fs.readdirSync(out).sort()).toEqual(['clip.mp4', 'green.jpg', 'red.jpg']);
  }, 240_000);
});
