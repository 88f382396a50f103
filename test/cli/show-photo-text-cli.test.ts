// `shoebox show` prints the text read in a photo (Text in photos), as the app's viewer has its
// "Text in photo": a `text:` line, one line (line breaks escaped as any field's), cut after 200
// characters; `--json` has it whole as "photoText". It printed none of it, though its help says
// it shows what the viewer shows. Real PP-OCRv4 weights on pictures set in DejaVu Sans.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox as runCli, type CliResult } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir, writeColourPhoto } from '../helpers/images';
import { closeRecognizeText } from '../../src/core/ocr';

let home: string;
let photos: string;

const run = (...args: string[]): Promise<CliResult> => runCli(['--home', home, ...args]);
const at = (name: string) => path.join(photos, name);

/** Lines of DejaVu Sans, black on white: a printed sign or page. */
async function printed(lines: readonly string[], size: number, width: number): Promise<Buffer> {
  const step = Math.round(size * 1.6);
  const height = step * lines.length + 60;
  const text = lines.map((line, i) => `<text x="30" y="${30 + size + i * step}" font-family="DejaVu Sans" font-size="${size}" fill="#000">${line}</text>`);
  return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#fff"/>${text.join('')}</svg>`))
    .png()
    .toBuffer();
}

/** The "key: value" lines of one photo's text output, as a map. */
function fields(text: string): Map<string, string> {
  return new Map(text.trimEnd().split('\n').map((line) => [line.slice(0, line.indexOf(': ')), line.slice(line.indexOf(': ') + 2)]));
}

describe('shoebox show: the text read in a photo', () => {
  afterAll(() => closeRecognizeText());

  beforeAll(async () => {
    home = tempDir();
    photos = tempDir('shoebox-show-text-');
    fs.writeFileSync(at('sign.png'), await printed(['OPEN 24 HOURS', 'Coffee'], 48, 700));
    fs.writeFileSync(at('page.png'), await printed(Array.from({ length: 8 }, (_, i) => `Line ${i + 1} of a long printed page here`), 28, 800));
    await writeColourPhoto(photos, 'plain.jpg', [40, 120, 200]);
    expect((await run('models', 'import', fixtureModelDir(TINY_IMMICH))).code).toBe(0);
    expect((await run('settings', 'text-in-photos', 'on')).code).toBe(0);
    const index = await run('index', photos);
    expect(index.code, index.stderr).toBe(0);
  }, 180_000);

  it('prints a text line, its line breaks escaped, and --json the text whole', async () => {
    const res = await run('show', at('sign.png'), at('plain.jpg'));
    expect(res.code, res.stderr).toBe(0);
    const [sign, plain] = res.stdout.split('\n\n').map(fields);
    expect(sign!.get('text')).toBe('OPEN 24 HOURS\\nCoffee');
    // A photo with no text has no line.
    expect(plain!.has('text')).toBe(false);
    const json = JSON.parse((await run('show', '--json', at('sign.png'), at('plain.jpg'))).stdout) as { photoText: string | null }[];
    expect(json.map((p) => p.photoText)).toEqual(['OPEN 24 HOURS\nCoffee', null]);
  });

  it('cuts a long text after 200 characters, saying how long it is', async () => {
    const [json] = JSON.parse((await run('show', '--json', at('page.png'))).stdout) as { photoText: string }[];
    expect(json!.photoText.length).toBeGreaterThan(200);
    const line = fields((await run('show', at('page.png'))).stdout).get('text')!;
    expect(line).toMatch(new RegExp(`^Line 1 .*… \\(${json!.photoText.length} characters: --json has them all\\)$`));
    expect(line).not.toMatch(/\n/);
    expect(line.slice(0, line.indexOf('…')).replace(/\\n/g, '\n')).toBe(json!.photoText.slice(0, 200).trimEnd());
  });
});
