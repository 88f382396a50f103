// `shoebox search` as a new user met it: a sign whose OCR lost a space ("OPEN 24HOURS") must be
// found by its words, and an empty answer must give its true reason in one stderr line: the
// filters that leave none of the photos holding the text, a --place that is no place at all
// (exit 2), a page past the end, a model that has embedded nothing yet (the text was read,
// but a search finds only embedded photos). Two --text options ask for photos holding each.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { basePhotoPath, OCR_BASE_PHOTOS } from '../helpers/ocr-cases';
import { photoWithText } from '../helpers/ocr-photos';
import { sharedAvailable } from '../helpers/shared-data';
import { closeRecognizeText } from '../../src/core/ocr';

let home: string;
let signs: string;
let other: string;

const run = (...args: string[]): Promise<CliResult> => runCli(['--home', home, ...args]);
const paths = (res: CliResult) => (JSON.parse(res.stdout) as { path: string }[]).map((h) => path.basename(h.path));

describe.skipIf(!sharedAvailable('photos'))('shoebox search: text read run together, and why nothing was found', () => {
  afterAll(() => closeRecognizeText());

  beforeAll(async () => {
    home = tempDir();
    const photos = tempDir('shoebox-search-reasons-');
    signs = path.join(photos, 'signs');
    other = path.join(photos, 'other');
    for (const dir of [signs, other]) fs.mkdirSync(dir);
    // What the OCR read on a sign "OPEN 24 HOURS" in the walk: the space lost.
    fs.writeFileSync(path.join(signs, 'open.jpg'), await photoWithText(basePhotoPath(OCR_BASE_PHOTOS[0]!), 1200, [{ text: 'OPEN 24HOURS', x: 150, y: 200, size: 64, panel: '#ffffff', bold: true }]));
    await writeColourPhoto(other, 'red.jpg', COLOURS.red!);
    for (const model of [TINY_IMMICH, TINY_TRANSFORMERS]) expect((await run('models', 'import', fixtureModelDir(model))).code).toBe(0);
    expect((await run('models', 'use', TINY_IMMICH)).code).toBe(0);
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
    const index = await run('index', photos);
    expect(index.code, index.stderr).toBe(0);
  }, 180_000);

  it('finds a sign read "OPEN 24HOURS" by any of its words, or two of them', async () => {
    for (const words of ['hours', '24 hours', 'open 24', 'open hours', 'open 24 hours']) {
      const res = await run('search', '--json', '--text', words);
      expect(res.code, res.stderr).toBe(0);
      expect(paths(res), words).toEqual(['open.jpg']);
    }
  });

  it('says when the filters leave none of the photos holding the text, with --json too', async () => {
    const line = `shoebox: no photo matches the filters (--folder ${other}) among those whose text holds these words\n`;
    expect(await run('search', '--text', 'hours', '--folder', other)).toEqual({ code: 0, stdout: '', stderr: line });
    expect(await run('search', '--json', '--text', 'hours', '--folder', other)).toEqual({ code: 0, stdout: '[]\n', stderr: line });
    // Filters that admit no photo at all are said as for any search.
    expect((await run('search', '--text', 'hours', '--after', '2090')).stderr).toBe('shoebox: no photo matches the filters (--after 2090)\n');
  });

  it('takes each --text as words a photo must hold, not only the last', async () => {
    expect(paths(await run('search', '--json', '--text', 'open', '--text', 'hours'))).toEqual(['open.jpg']);
    for (const order of [['open', 'zebra'], ['zebra', 'open']]) {
      expect(await run('search', '--text', order[0]!, '--text', order[1]!), order.join(' then ')).toEqual({ code: 0, stdout: '', stderr: "shoebox: no photo's text holds these words\n" });
    }
  });

  it('refuses a --place that is no town or country, as a usage error', async () => {
    const res = await run('search', 'red', '--place', 'Narnia');
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('shoebox: --place: no town or country is called "Narnia" (shoebox places lists the places of your photos)\n');
    // A real town where no photo was taken is no mistake: the filters found none.
    expect(await run('search', 'red', '--place', 'Florence')).toEqual({ code: 0, stdout: '', stderr: 'shoebox: no photo matches the filters (--place Florence)\n' });
  });

  it('says how many results there are when --offset is past the end, except with --json', async () => {
    expect(await run('search', 'red', '--all', '--offset', '500')).toEqual({ code: 0, stdout: '', stderr: 'shoebox: only 2 results: --offset 500 is past the end\n' });
    expect(await run('search', 'red', '--all', '--offset', '500', '--json')).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
  });

  // Last: it switches the library's model.
  it('after a switch to a model that has embedded nothing, says so for a text search as for any', async () => {
    expect((await run('models', 'use', TINY_TRANSFORMERS)).code).toBe(0);
    // The photos' model is named, rather than an index run that embeds them all again.
    const line = `shoebox: no photos are embedded with model ${TINY_TRANSFORMERS} yet; the photos are embedded with ${TINY_IMMICH} (2): shoebox models use ${TINY_IMMICH} to search them (installed); "shoebox index" with ${TINY_TRANSFORMERS} would embed them all again\n`;
    expect(await run('search', '--text', 'hours')).toEqual({ code: 0, stdout: '', stderr: line });
    expect(await run('search', 'red')).toEqual({ code: 0, stdout: '', stderr: line });
  });
});
