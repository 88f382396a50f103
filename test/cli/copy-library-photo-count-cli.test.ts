// `shoebox copy-library` says how many photos it copied as the core counts them: each photo
// once, however many models embedded it (each model has a photos table of its own, so adding
// those tables' rows counted a library embedded by two models twice), and its videos apart.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { systemFfmpeg, writeColourVideo } from '../helpers/videos';

const FIRST = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const OTHER = ['--model-dir', fixtureModelDir(TINY_TRANSFORMERS)];

describe('shoebox copy-library of a library embedded by two models', () => {
  it('counts each photo once, its videos apart, in the text and in --json', async () => {
    const env = { SHOEBOX_FFMPEG: systemFfmpeg().path };
    const home = tempDir();
    const photos = tempDir('shoebox-cli-copy-count-');
    const names = Object.keys(COLOURS).slice(0, 3);
    for (const name of names) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
    writeColourVideo(path.join(photos, 'clip.mp4'), [{ colour: 'red', seconds: 2 }]);
    const run = (...args: string[]) => shoebox(['--home', home, ...args], env);
    for (const model of [FIRST, OTHER]) {
      const index = await run('index', ...model, photos);
      expect(index.code, index.stderr).toBe(0);
    }

    const text = await run('copy-library', path.join(tempDir('shoebox-cli-copy-count-to-'), 'copy'));
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/ tables \(3 photos, 1 video\), /);
    const json = await run('copy-library', path.join(tempDir('shoebox-cli-copy-count-to-'), 'copy'), '--json');
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { photos: number; videos: number; tables: { name: string; rows: number }[] };
    expect(report).toMatchObject({ photos: 4, videos: 1 });
    // Two photos tables, each with every photo: the rows are twice the photos.
    expect(report.tables.filter((t) => t.name.startsWith('photos__')).map((t) => t.rows)).toEqual([4, 4]);
    // `status` counts the library the same way.
    expect((await run('status', ...FIRST)).stdout).toContain('3 photos, 1 video');
  });
});
