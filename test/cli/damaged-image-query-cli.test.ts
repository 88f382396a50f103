// A damaged image given to `similar`, `search` or `embed-image` fails in the words `index`
// records for it, and as a failure (exit 1: the file is bad, the command line is fine).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const DAMAGED = 'damaged image data (the decoder stopped at a corrupt part)';

describe('a damaged image as a query', () => {
  it('is said as index says it, exit 1, by similar, search and embed-image', async () => {
    const home = tempDir();
    const photos = tempDir('shoebox-cli-damaged-query-');
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    const outside = tempDir('shoebox-cli-outside-');
    const good = fs.readFileSync(await writeColourPhoto(outside, 'blue.jpg', COLOURS.blue!));
    const cut = path.join(outside, 'cut.jpg');
    fs.writeFileSync(cut, good.subarray(0, Math.floor(good.length / 3)));
    const run = (...args: string[]) => shoebox(['--home', home, ...args, ...MODEL]);
    expect((await run('index', photos)).code).toBe(0);

    for (const args of [['similar', cut], ['search', cut]]) {
      const res = await run(...args);
      expect([res.code, res.stdout, res.stderr], args[0]).toEqual([1, '', `shoebox: ${cut}: ${DAMAGED}\n`]);
    }
    const embedded = await run('embed-image', '--json', cut);
    expect(embedded.code).toBe(1);
    expect(JSON.parse(embedded.stdout)).toEqual([{ path: cut, error: DAMAGED }]);

    // Indexed, the same file records the same reason.
    fs.copyFileSync(cut, path.join(photos, 'cut.jpg'));
    const index = JSON.parse((await run('index', '--json', photos)).stdout) as { failed: { path: string; reason: string }[] };
    expect(index.failed).toEqual([expect.objectContaining({ path: path.join(photos, 'cut.jpg'), reason: DAMAGED })]);
  });
});
