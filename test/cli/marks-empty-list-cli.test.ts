// `favourites list` and `archive list` with nothing in them say so on stderr, with how to mark
// a photo, as on-this-day and places say theirs; stdout stays empty (`[]` with --json).
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('an empty favourites or archive list', () => {
  it('says there is none and how to add one, stdout unchanged for scripts', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-cli-marks-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    expect((await shoebox(['--home', home, 'index', ...MODEL, photos])).code).toBe(0);
    const said = {
      favourites: 'shoebox: no favourites yet (shoebox favourites add PHOTO... marks them)\n',
      archive: 'shoebox: no archived photos (shoebox archive add PHOTO... archives them)\n',
    };
    for (const [group, line] of Object.entries(said)) {
      expect(await shoebox(['--home', home, group, 'list', ...MODEL]), group).toEqual({ code: 0, stdout: '', stderr: line });
      expect(await shoebox(['--home', home, group, 'list', ...MODEL, '--json']), group).toEqual({ code: 0, stdout: '[]\n', stderr: line });
    }
    // One marked: listed, and nothing more said.
    expect((await shoebox(['--home', home, 'favourites', 'add', ...MODEL, `${photos}/red.jpg`])).code).toBe(0);
    expect(await shoebox(['--home', home, 'favourites', 'list', ...MODEL])).toEqual({ code: 0, stdout: `${photos}/red.jpg\n`, stderr: '' });
  });
});
