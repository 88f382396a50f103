// `shoebox archive add` and `shoebox favourites add` say a video as a video, as status counts
// them: "archived 1 video", never "archived 1 photo" for an .mp4 (the core's mark result counts
// the videos among what it changed, and among what was so already).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('marks on a video', () => {
  it('says "archived 1 video", "marked 1 photo, 1 video", "1 video was archived already"', async () => {
    const env = { SHOEBOX_FFMPEG: systemFfmpeg().path };
    const home = tempDir();
    const photos = tempDir('shoebox-marks-video-');
    const red = await writeColourPhoto(photos, 'red.jpg', [220, 30, 30]);
    const clip = writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'blue', seconds: 2 }]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);

    const archived = await run('archive', 'add', ...MODEL, clip);
    expect(archived.code, archived.stderr).toBe(0);
    expect(archived.stdout.trim()).toBe('archived 1 video');
    const again = await run('archive', 'add', ...MODEL, clip);
    expect(again.stdout.trim()).toBe('1 video was archived already');

    const marked = await run('favourites', 'add', ...MODEL, red, clip);
    expect(marked.code, marked.stderr).toBe(0);
    expect(marked.stdout.trim()).toBe('marked 1 photo, 1 video');
  }, 240_000);
});
