// `shoebox search --text` as a user walking "Text in photos" met it: a sign the OCR read as
// one word ("OPEN24HOURS") is found by any run of its parts; a hit found that way has a real
// score, not 0; a description term that leaves out every photo holding the text says so; and
// with the setting turned off, the text read before is still searched, which an empty answer
// says truly.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { basePhotoPath, OCR_BASE_PHOTOS } from '../helpers/ocr-cases';
import { photoWithText } from '../helpers/ocr-photos';
import { sharedAvailable } from '../helpers/shared-data';
import { closeRecognizeText } from '../../src/core/ocr';

let home: string;

const run = (...args: string[]): Promise<CliResult> => runCli(['--home', home, ...args]);
const hits = (res: CliResult) => (JSON.parse(res.stdout) as { path: string; score: number; photoText?: { text: string } }[]).map((h) => ({ ...h, path: path.basename(h.path) }));

describe.skipIf(!sharedAvailable('photos'))('shoebox search --text: words as typed, scores and why nothing was found', () => {
  afterAll(() => closeRecognizeText());

  beforeAll(async () => {
    home = tempDir();
    const photos = tempDir('shoebox-search-words-');
    // A sign whose words run together, as the OCR read one in the walk.
    fs.writeFileSync(path.join(photos, 'sign.jpg'), await photoWithText(basePhotoPath(OCR_BASE_PHOTOS[0]!), 1200, [{ text: 'OPEN24HOURS', x: 150, y: 200, size: 72, panel: '#ffffff', bold: true }]));
    fs.writeFileSync(path.join(photos, 'notice.jpg'), await photoWithText(basePhotoPath(OCR_BASE_PHOTOS[1]!), 1200, [{ text: 'BLUETOOTH SPEAKER', x: 150, y: 200, size: 64, panel: '#ffffff', bold: true }]));
    await writeColourPhoto(photos, 'red.jpg', COLOURS.red!);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
    const index = await run('index', photos);
    expect(index.code, index.stderr).toBe(0);
  }, 180_000);

  it('finds a word read with its number run in by any run of its parts', async () => {
    const read = hits(await run('search', '--json', '--text', 'open'))[0]?.photoText?.text;
    expect(read, 'the OCR reads the sign as one word').toBe('OPEN24HOURS');
    for (const words of ['open24hours', 'open', '24', 'hours', '24hours', 'open24', 'open 24 hours', '24 hours']) {
      const res = await run('search', '--json', '--text', words);
      expect(res.code, res.stderr).toBe(0);
      expect(hits(res).map((h) => h.path), words).toEqual(['sign.jpg']);
    }
  });

  it('scores a hit found inside a run-together word as the full-text index scores the word read, not 0', async () => {
    for (const words of ['24hours', 'open 24 hours', 'open24']) {
      const [hit] = hits(await run('search', '--json', '--text', words));
      expect(hit!.score, words).toBeGreaterThan(0);
      const text = await run('search', '--text', words);
      expect(text.stdout, words).toMatch(/^\d+\.\d{4}\t.*sign\.jpg\n$/);
      expect(text.stdout, words).not.toMatch(/^0\.0000\t/);
    }
  });

  it('says when the description leaves out every photo holding the text', async () => {
    // The tiny model puts the sign below the cut-off for "green".
    const res = await run('search', 'green text:open');
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^shoebox: 1 photo holds the text \u201copen\u201d, but it scores below the relevance cut-off \d\.\d\d for \u201cgreen\u201d; --all lists it best first\n$/);
    // --all lists it.
    expect((await run('search', '--all', 'green text:open')).stdout).toMatch(/sign\.jpg/);
    // The same for --text, and with the terms the other way round.
    expect((await run('search', 'green', '--text', 'open')).stderr).toBe(res.stderr);
    expect((await run('search', 'text:"open" + green')).stderr).toBe(res.stderr);
  });

  // Last: it turns the setting off.
  it('turned off, still searches the text read before, and says so when nothing holds the words', async () => {
    expect((await run('settings', 'text-in-photos', 'off')).code).toBe(0);
    expect(hits(await run('search', '--json', '--text', 'bluetooth')).map((h) => h.path)).toEqual(['notice.jpg']);
    const res = await run('search', '--text', 'zzzqqq');
    expect(res).toEqual({ code: 0, stdout: '', stderr: `shoebox: no photo's text holds these words; "Text in photos" is off: the text of the 3 photos read before is searched, no other photo's is read (shoebox settings text-in-photos on)\n` });
    expect(res.stderr).not.toContain('no text has been read');
  });
});
