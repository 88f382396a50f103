// `shoebox search` when the relevance cut-off leaves nothing: one line on stderr saying so
// and how to see every photo, only when the cut-off (not the filters) emptied the page; when
// the filters match no photo, that is what the line says.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox search with nothing above the cut-off', () => {
  it('says so in one line, and stays quiet when the filters left nothing or with --json', async () => {
    const photos = tempDir('shoebox-cutoff-cli-');
    const sub = path.join(photos, 'reds');
    fs.mkdirSync(sub);
    await writeColourPhoto(sub, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(photos, 'green.jpg', COLOURS.green!);
    const home = tempDir();
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);

    // Green photos under reds/: none scores above the cut-off, though the folder has photos.
    const empty = await run('search', ...MODEL, '--folder', sub, 'green');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/^shoebox: no photo scores above the relevance cut-off -?\d\.\d\d; --all lists every photo best first\n$/);
    const all = await run('search', ...MODEL, '--folder', sub, '--all', 'green');
    expect(all.stdout).toContain('red.jpg');

    // Empty because of the filters (no photo taken before 1990), not the cut-off: that is said instead.
    const filtered = await run('search', ...MODEL, '--before', '1990', 'green');
    expect(filtered).toMatchObject({ code: 0, stdout: '', stderr: 'shoebox: no photo matches the filters (--before 1990)\n' });
    const json = await run('search', ...MODEL, '--json', '--folder', sub, 'green');
    expect(json).toMatchObject({ code: 0, stdout: '[]\n', stderr: '' });
  });
});
