// `shoebox status` is the health check (README "Repair": damage "makes every command stop with
// one line"): a damaged table that status does not count (favourites) must stop it with the
// same line `favourites list` and `search` give, not a healthy-looking summary and exit 0.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { dataFiles } from '../unit/store/damage';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const ONE_LINE = /^shoebox: library damaged: favourites cannot be read \([a-z ]+\); run 'shoebox repair'$/;

describe('shoebox status on a library with a damaged table it does not count', () => {
  it('says the damage in one line and exits 1, as the commands that read that table do', { timeout: 300_000 }, async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-photos-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    await writeColourPhoto(photos, 'blue.jpg', COLOURS.blue!);
    expect((await shoebox(['--home', home, 'index', photos, ...MODEL])).code).toBe(0);
    expect((await shoebox(['--home', home, 'favourites', 'add', path.join(photos, 'red.jpg'), ...MODEL])).code).toBe(0);
    expect((await shoebox(['--home', home, 'status', ...MODEL])).code).toBe(0);

    // As a torn write leaves it: the newest favourites data file cut to 10 bytes.
    const [newest] = dataFiles(path.join(home, 'library'), 'favourites').sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    fs.truncateSync(newest!, 10);

    const list = await shoebox(['--home', home, 'favourites', 'list', ...MODEL]);
    expect(list.code).toBe(1);
    expect(list.stderr.trim()).toMatch(ONE_LINE);
    for (const args of [['status'], ['status', '--json']]) {
      const res = await shoebox(['--home', home, ...args, ...MODEL]);
      expect(res.code, args.join(' ')).toBe(1);
      expect(res.stdout, args.join(' ')).toBe('');
      expect(res.stderr.trim(), args.join(' ')).toBe(list.stderr.trim());
    }
  });
});
