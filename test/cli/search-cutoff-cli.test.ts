// `shoebox search` when the relevance cut-off leaves nothing: one line on stderr saying so
// and how to see every photo, only when the cut-off (not the filters) emptied the page; when
// the filters match no photo, that is what the line says; with --json too, stdout holding `[]`;
// a search for text in photos with none ever read says so.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeRecognizeText } from '../../src/core/ocr';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { OCR_CASES, basePhotoPath } from '../helpers/ocr-cases';
import { photoWithText } from '../helpers/ocr-photos';
import { sharedAvailable } from '../helpers/shared-data';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];

describe('shoebox search with nothing above the cut-off', () => {
  it('says so in one line, with --json too, and says the filters when they left nothing', async () => {
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
    // With --json the same line on stderr; stdout holds only the document.
    const json = await run('search', ...MODEL, '--json', '--folder', sub, 'green');
    expect(json).toMatchObject({ code: 0, stdout: '[]\n' });
    expect(json.stderr).toMatch(/^shoebox: no photo scores above the relevance cut-off -?\d\.\d\d; --all lists every photo best first\n$/);
    expect(await run('search', ...MODEL, '--json', '--before', '1990', 'green')).toMatchObject({ code: 0, stdout: '[]\n', stderr: 'shoebox: no photo matches the filters (--before 1990)\n' });
    // A filter value is shown as other paths are: control characters escaped.
    const odd = path.join(photos, 'odd\nname');
    fs.mkdirSync(odd);
    expect((await run('search', ...MODEL, '--folder', odd, 'green')).stderr).toBe(`shoebox: no photo matches the filters (--folder ${photos}/odd\\nname)\n`);
    // A text: term however it is written (a sign glued to it, any case) is a search for text
    // in photos, as the core parses it: with the setting never on, that is why nothing came.
    for (const query of [['green', '+text:zzz'], ['TEXT:"zzz"']]) {
      expect(await run('search', ...MODEL, ...query), query.join(' ')).toEqual({ code: 0, stdout: '', stderr: 'shoebox: "Text in photos" is off, so no text has been read: shoebox settings text-in-photos on\n' });
    }
    // A page size beyond the engine's is refused naming the flag and the value as typed.
    expect(await run('search', ...MODEL, '--limit', '99999999999999999999', 'green')).toEqual({ code: 2, stdout: '', stderr: 'shoebox: --limit must be a whole number from 1 to 10000, got "99999999999999999999"\n' });
  });
});

// A `text:` term (or --text) with other terms: the photos holding the text, ranked and cut off
// by the other terms. When the cut-off leaves none, the line says that photos hold the text and
// that the other terms' cut-off left them out.
describe.skipIf(!sharedAvailable('photos'))('shoebox search with text in photos and nothing above the cut-off', () => {
  afterAll(() => closeRecognizeText());

  it('says so in the same line, and --all lists the photo', { timeout: 180_000 }, async () => {
    const photos = tempDir('shoebox-cutoff-text-');
    const sign = OCR_CASES.find((c) => c.name === 'a shop sign and a caption')!;
    fs.writeFileSync(path.join(photos, 'sign.jpg'), await photoWithText(basePhotoPath(sign.base), sign.width, sign.text));
    const home = tempDir();
    const run = (...args: string[]) => shoebox(['--home', home, ...args]);
    expect((await run('index', ...MODEL, photos)).code).toBe(0);
    expect((await run('settings', ...MODEL, 'text-in-photos', 'on')).code).toBe(0);
    expect((await run('index', ...MODEL)).code).toBe(0); // reads the sign's text

    const found = await run('search', ...MODEL, '--all', 'green', '--text', 'open');
    expect(found.stdout).toContain('sign.jpg');
    for (const [query, text] of [[['green', '--text', 'open'], 'open'], [['text:"open 24 hours" + green'], 'open 24 hours']] as const) {
      const empty = await run('search', ...MODEL, ...query);
      expect(empty.code, empty.stderr).toBe(0);
      expect(empty.stdout, query.join(' ')).toBe('');
      expect(empty.stderr, query.join(' ')).toMatch(new RegExp(`^shoebox: 1 photo holds the text \u201c${text}\u201d, but it scores below the relevance cut-off -?\\d\\.\\d\\d for \u201cgreen\u201d; --all lists it best first\n$`));
    }
    // No photo holds the text: the cut-off is not why, so it is not blamed.
    expect((await run('search', ...MODEL, 'green', '--text', 'zebra crossing')).stderr).not.toMatch(/cut-off/);
  });
});
