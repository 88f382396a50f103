// What `search` and `similar` refuse, one line and exit 2, as the app is refused the same:
// - `similar` takes no --sort (no cut-off: a date order would be the whole timeline) nor --raw
//   (an image has no words to embed as written);
// - a text search for no word at all ("!!!"), which could only ever find nothing;
// - a query longer than the app's search box may send, in the app's own words.
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../src/shared/api-methods';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('search and similar refusals', () => {
  it('refuses what cannot mean anything, in one line with exit 2', async () => {
    const photos = tempDir('shoebox-refusals-');
    const red = await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const home = tempDir();
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);

    for (const option of [['--sort', 'date'], ['--raw']]) {
      const refused = await run('similar', ...MODEL, ...option, red);
      expect(refused.code, option[0]).toBe(2);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toMatch(new RegExp(`^shoebox: unknown option '${option[0]}'[^\\n]*\\n$`));
    }
    // --all is still accepted (similar has no cut-off to turn off).
    expect(await run('similar', ...MODEL, '--all', red)).toMatchObject({ code: 0, stderr: '' });

    for (const words of [['--text', '!!!'], ['text:"?! …"']]) {
      const refused = await run('search', ...MODEL, ...words);
      expect(refused, words.join(' ')).toMatchObject({ code: 2, stdout: '' });
      expect(refused.stderr).toMatch(/^shoebox: the text "[^"]*" has no word to find: give letters or digits\n$/);
    }

    // The app's argument check and the CLI refuse the same length, in the same words.
    const long = 'red '.repeat(250) + 'x';
    expect(long).toHaveLength(1001);
    let appSays = '';
    try {
      validateArgs('search', [long]);
    } catch (error) {
      appSays = (error as Error).message;
    }
    expect(appSays).toMatch(/too long/);
    expect(await run('search', ...MODEL, long)).toEqual({ code: 2, stdout: '', stderr: `shoebox: ${appSays}\n` });
    // The longest the app takes, the CLI takes too.
    expect((await run('search', ...MODEL, '--all', long.slice(0, 1000))).code).toBe(0);
  });
});
