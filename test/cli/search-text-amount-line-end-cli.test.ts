// `shoebox search --text` for a receipt's total read run into the word before it and ending
// its line, with the real PP-OCRv4 weights: "TOTAL 3.50" over "EUR" in DejaVu Sans at 32 px
// is read "TOTAL3.50\nEUR". "3.50" and "3,50" found nothing (only "total 3.50" did), though the
// README promises the amount alone finds it read run into the word before.
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

/** Lines of DejaVu Sans, black on white: a printed receipt. */
async function printed(lines: readonly string[], size: number, width: number): Promise<Buffer> {
  const step = Math.round(size * 1.6);
  const height = step * lines.length + 60;
  const text = lines.map((line, i) => `<text x="30" y="${30 + size + i * step}" font-family="DejaVu Sans" font-size="${size}" fill="#000">${line}</text>`);
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/>${text.join('')}</svg>`))
    .png()
    .toBuffer();
}

describe('shoebox search --text: an amount read run into the word before it, at its line end', () => {
  afterAll(() => closeRecognizeText());

  beforeAll(async () => {
    home = tempDir();
    const photos = tempDir('shoebox-search-amount-');
    fs.writeFileSync(path.join(photos, 'receipt.png'), await printed(['RECEIPT', 'TOTAL 3.50', 'EUR'], 32, 600));
    fs.writeFileSync(path.join(photos, 'other.png'), await printed(['RECEIPT', 'TOTAL 13.50', 'EUR'], 32, 600));
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
    const index = await run('index', photos);
    expect(index.code, index.stderr).toBe(0);
  }, 180_000);

  it('finds it by the amount alone, with either separator, and not by another amount', async () => {
    const total = await run('search', '--json', '--text', 'total');
    const texts = (JSON.parse(total.stdout) as { path: string; photoText: { text: string } }[]).map((h) => [path.basename(h.path), h.photoText.text]).sort();
    expect(texts, 'the recogniser drops the space before the amount').toEqual([
      ['other.png', 'RECEIPT\nTOTAL13.50\nEUR'],
      ['receipt.png', 'RECEIPT\nTOTAL3.50\nEUR'],
    ]);
    for (const words of ['3.50', '3,50', 'total 3.50', '3,50 eur']) {
      const res = await run('search', '--json', '--text', words);
      expect(res.code, res.stderr).toBe(0);
      const hits = JSON.parse(res.stdout) as { path: string; photoText: { words: { text: string }[] } }[];
      expect(hits.map((h) => path.basename(h.path)), words).toEqual(['receipt.png']);
      expect(hits[0]!.photoText.words.map((w) => w.text), words).toContain('TOTAL3.50');
    }
    expect((await run('search', '--text', '3.50')).stderr).not.toMatch(/no photo's text holds/);
  });
});
