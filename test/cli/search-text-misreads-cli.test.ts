// `shoebox search --text` for what the recogniser cannot read as written, with the real
// PP-OCRv4 weights: a street sign "Hauptstraße" (the recogniser's alphabet has no ß: it reads
// "HauptstraBe") is found by "Hauptstraße" and "hauptstrasse", while "grobe" does not find
// "GROSSE" (the ß/B misreading is one way only); a receipt's total "3.50" read run into its
// currency ("3.50EUR"), or into the word before it too ("Total3.50EUR"), is found by the
// amount alone, with either decimal separator. Text set in DejaVu Sans Bold on white, as the
// tester's signs and receipts were.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { closeRecognizeText } from '../../src/core/ocr';

let home: string;

const run = (...args: string[]): Promise<CliResult> => runCli(['--home', home, ...args]);

type Hit = { path: string; photoText: { text: string; words: { text: string }[] } };

/** The photos `--text words` finds (file names), with the words outlined in each. */
async function found(words: string): Promise<{ file: string; text: string; outlined: string[] }[]> {
  const res = await run('search', '--json', '--text', words);
  expect(res.code, res.stderr).toBe(0);
  return (JSON.parse(res.stdout) as Hit[]).map((h) => ({ file: path.basename(h.path), text: h.photoText.text, outlined: h.photoText.words.map((w) => w.text) })).sort((a, b) => a.file.localeCompare(b.file));
}

/** Lines of DejaVu Sans Bold, black on white: a printed sign or receipt. */
async function printed(lines: readonly string[], size: number, width: number): Promise<Buffer> {
  const step = Math.round(size * 1.6);
  const height = step * lines.length + 60;
  const text = lines.map((line, i) => `<text x="30" y="${30 + size + i * step}" font-family="DejaVu Sans" font-weight="bold" font-size="${size}" fill="#000">${line}</text>`);
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/>${text.join('')}</svg>`))
    .png()
    .toBuffer();
}

describe('shoebox search --text: a ß and an amount as the recogniser reads them', () => {
  afterAll(() => closeRecognizeText());

  beforeAll(async () => {
    home = tempDir();
    const photos = tempDir('shoebox-search-misreads-');
    fs.writeFileSync(path.join(photos, 'strasse.png'), await printed(['Hauptstraße 12', 'Berlin'], 64, 900));
    fs.writeFileSync(path.join(photos, 'grosse.png'), await printed(['GROSSE PREISE'], 64, 900));
    // Sizes at which the recogniser drops the space before "EUR", and also the one after "Total".
    fs.writeFileSync(path.join(photos, 'receipt.png'), await printed(['RECEIPT', 'Total 3.50 EUR', 'Thank you'], 46, 800));
    fs.writeFileSync(path.join(photos, 'small-receipt.png'), await printed(['RECEIPT', 'Total 3.50 EUR', 'Thank you'], 32, 600));
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
    const index = await run('index', photos);
    expect(index.code, index.stderr).toBe(0);
  }, 180_000);

  it('finds a ß read as "B" by the word typed with ß or ss, and "B" typed does not find "SS"', async () => {
    const [street] = await found('berlin');
    expect(street!.text, 'the recogniser has no ß: it reads one as B').toBe('HauptstraBe 12\nBerlin');
    for (const words of ['Hauptstraße', 'hauptstrasse', 'HAUPTSTRASSE 12', 'hauptstraße berlin']) {
      expect((await found(words)).map((h) => h.file), words).toEqual(['strasse.png']);
    }
    expect((await found('hauptstraße'))[0]!.outlined).toEqual(['HauptstraBe']);
    expect((await found('große')).map((h) => h.file)).toEqual(['grosse.png']);
    // "grobe" (coarse) is another word than "GROSSE" read as written.
    expect(await found('grobe')).toEqual([]);
  });

  it('finds an amount read run into its currency, or into the word before it, by the amount alone with either separator', async () => {
    const receipts = await found('total');
    expect(receipts.map((h) => [h.file, h.text])).toEqual([
      ['receipt.png', 'RECEIPT\nTotal 3.50EUR\nThank you'],
      ['small-receipt.png', 'RECEIPT\nTotal3.50EUR\nThank you'],
    ]);
    for (const words of ['3.50', '3,50', 'total 3,50', '3.50 eur']) {
      expect((await found(words)).map((h) => h.file), words).toEqual(['receipt.png', 'small-receipt.png']);
    }
    expect((await found('3.50')).map((h) => h.outlined)).toEqual([['3.50EUR'], ['Total3.50EUR']]);
    // Another amount is not it.
    expect(await found('3.60')).toEqual([]);
    expect(await found('35.0')).toEqual([]);
  });
});
