// `shoebox albums list` says each album's count as `albums show` and the app do: photos and
// videos apart ("2 photos, 1 video"), never a video counted as a photo (the core's AlbumSummary.videos).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('albums list with a video', () => {
  it('says "2 photos, 1 video"', async () => {
    const env = { SHOEBOX_FFMPEG: systemFfmpeg().path };
    const home = tempDir();
    const photos = tempDir('shoebox-album-list-video-');
    const red = await writeColourPhoto(photos, 'red.jpg', [220, 30, 30]);
    const green = await writeColourPhoto(photos, 'green.jpg', [30, 220, 30]);
    const clip = writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'blue', seconds: 2 }]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('albums', 'create', ...MODEL, 'Trip', red, green, clip)).code).toBe(0);

    const listed = await run('albums', 'list', ...MODEL);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.trim()).toBe('Trip\t2 photos, 1 video\thand-picked');
  }, 240_000);
});
