// Paging through photos that score exactly alike (copies of one flat colour, byte-distinct
// files): page by page, `search` and `similar` list the whole list, each photo once, equal
// scores by path. LanceDB orders a tie differently from one page to the next, so before they
// were a slice of one order, paging one at a time showed a photo twice and never another.
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { shoebox } from './run-cli';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const RED = { r: 220, g: 20, b: 20 };

/** One solid red, written as files that differ in bytes (format, size, compression), not in pixels. */
async function writeFlatReds(dir: string): Promise<void> {
  const red = (width: number) => sharp({ create: { width, height: 48, channels: 3, background: RED } });
  await red(64).png({ compressionLevel: 9 }).toFile(path.join(dir, 'e-red.png'));
  await red(66).png({ compressionLevel: 1 }).toFile(path.join(dir, 'a-red.png'));
  await red(64).jpeg({ quality: 95 }).toFile(path.join(dir, 'd-red.jpg'));
  await red(65).jpeg({ quality: 80 }).toFile(path.join(dir, 'b-red.jpg'));
  await red(65).png({ compressionLevel: 6 }).toFile(path.join(dir, 'c-red.png'));
  await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 20, b: 220 } } }).png().toFile(path.join(dir, 'blue.png'));
}

type Hit = { path: string; score: number };

describe('paging through equal scores', () => {
  it('lists every photo once, page by page, equal scores by path (search and similar)', async () => {
    const photos = tempDir('shoebox-ties-');
    await writeFlatReds(photos);
    const home = tempDir();
    const run = async (...args: string[]): Promise<Hit[]> => {
      const result = await shoebox(['--home', home, ...args]);
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as Hit[];
    };
    expect((await shoebox(['--home', home, 'index', ...MODEL, photos])).code).toBe(0);

    for (const command of [['search', '--all', 'red'], ['similar', path.join(photos, 'a-red.png')]]) {
      const whole = await run(...command, ...MODEL, '--json', '--limit', '100');
      expect(whole).toHaveLength(6);
      const reds = whole.filter((h) => path.basename(h.path).includes('red'));
      // The files hold one picture: they tie exactly, and rank by path.
      expect(new Set(reds.map((h) => h.score)).size, command[0]).toBe(1);
      expect(reds.map((h) => path.basename(h.path))).toEqual(['a-red.png', 'b-red.jpg', 'c-red.png', 'd-red.jpg', 'e-red.png']);
      for (const limit of [1, 3]) {
        const paged: Hit[] = [];
        for (let offset = 0; offset < whole.length; offset += limit) paged.push(...(await run(...command, ...MODEL, '--json', '--limit', String(limit), '--offset', String(offset))));
        expect(paged.map((h) => h.path), `${command[0]}, pages of ${limit}`).toEqual(whole.map((h) => h.path));
      }
    }
  });
});
