// `shoebox search --text` on a device without a model: the text read in photos needs none,
// so it is found; a search by description fails in one line naming the library's own model.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from './run-cli';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { writeSignPhoto } from '../helpers/sign-photo';
import { closeRecognizeText } from '../../src/core/ocr';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
let home: string;
let photos: string;

afterAll(() => closeRecognizeText());

beforeAll(async () => {
  home = tempDir();
  photos = tempDir('shoebox-cli-text-nomodel-');
  await writeSignPhoto(photos, 'PIZZA');
  expect((await shoebox(['--home', home, 'settings', ...MODEL, 'text-in-photos', 'on'])).code).toBe(0);
  const index = await shoebox(['--home', home, 'index', ...MODEL, photos]);
  expect(index.code, index.stderr).toBe(0);
}, 180_000);

describe('shoebox search on a device without a model', () => {
  it('finds a photo by its text', async () => {
    const res = await shoebox(['--home', home, 'search', '--text', 'pizza']);
    expect([res.code, res.stderr]).toEqual([0, '']);
    expect(res.stdout).toMatch(new RegExp(`^[\\d.]+\\t${path.join(photos, 'pizza.jpg').replace(/[.]/g, '\\.')}\\n$`));
  });

  it('says no photo holds words none holds, and nothing of embedding', async () => {
    const res = await shoebox(['--home', home, 'search', '--text', 'sushi']);
    expect([res.code, res.stdout, res.stderr]).toEqual([0, '', "shoebox: no photo's text holds these words\n"]);
  });

  it("says a search by description needs the library's own model, not the catalog's default", async () => {
    const res = await shoebox(['--home', home, 'search', 'red']);
    expect(res.code).toBe(1);
    expect(res.stderr).toBe(`shoebox: no model: this library's photos are embedded with ${TINY_IMMICH}, which is not in the catalog: bring its folder with shoebox models import DIR, or pass --model-dir DIR\n`);
  });
});
