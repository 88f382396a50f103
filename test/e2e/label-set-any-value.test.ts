// The label-set editor in the browser over `shoebox serve`: a set imported with a threshold of
// 0.333 and a margin of 0.025 saves (Chromium's step check for the fields' 0.01 arrows used to
// refuse them, and Save did nothing); a value out of range is refused in the engine's one
// line; a file that is not JSON is said to be so whole, with where, and a file the CLI refuses
// is refused in its words (not imported without the fields it did not know); Delete's question says
// the decisions are kept, as `shoebox labels remove` does.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the label-set editor’s values, imports and Delete', () => {
  const lib = useLibrarySession('label-set-values', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const files = tempDir('shoebox-e2e-label-set-files-');
  const fileOf = (name: string, text: string) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const newSet = async () => {
    await page().getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'New label set' }).click();
    await eventually(() => page().getByRole('heading', { name: 'New label set' }).isVisible()).toBe(true);
  };

  it('saves a set imported with a threshold of 0.333 and a margin of 0.025', async () => {
    await page().goto(lib.serve.url);
    await newSet();
    await page()
      .getByTestId('label-set-import')
      .setInputFiles(fileOf('precise.json', JSON.stringify({ name: 'precise', labels: ['red', 'blue'], threshold: 0.333, margin: 0.025 })));
    await eventually(() => page().getByRole('status').filter({ hasText: 'Imported precise.json' }).isVisible()).toBe(true);
    expect(await page().getByLabel('Threshold').inputValue()).toBe('0.333');
    expect(await page().getByLabel('Margin').inputValue()).toBe('0.025');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('heading', { name: 'Label set “precise”' }).isVisible()).toBe(true);
    expect(await lib.serve.call('listLabelSets')).toMatchObject([{ name: 'precise', threshold: 0.333, margin: 0.025 }]);
  });

  it('refuses a threshold out of range in one line; saves other values off the 0.01 steps', async () => {
    await page().getByLabel('Threshold').fill('1.5');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('alert').innerText()).toMatch(/threshold"? must be a number from 0 to 1/);
    expect(await page().getByRole('alert').innerText()).not.toContain('\n');
    await page().getByLabel('Threshold').fill('0.337');
    await page().getByLabel('Margin').fill('-0.035');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);
    expect(await lib.serve.call('listLabelSets')).toMatchObject([{ name: 'precise', threshold: 0.337, margin: -0.035 }]);
  });

  it('says a file that is not JSON is not, in one whole line with where', async () => {
    await newSet();
    await page().getByTestId('label-set-import').setInputFiles(fileOf('bad.json', 'not json\n'));
    await eventually(() => page().getByRole('alert').innerText()).toBe("label set bad.json: not valid JSON: Unexpected token 'o' at line 1, column 2");
  });

  it('refuses a file `shoebox labels import` refuses, in its words, and fills in nothing of it', async () => {
    const misspelt = { name: 'pets', labels: [{ name: 'cat', prompt: ['a kitten'] }, 'dog'], threshold: '0.4' };
    await page().getByTestId('label-set-import').setInputFiles(fileOf('ls1.json', JSON.stringify(misspelt)));
    await eventually(() => page().getByRole('alert').innerText()).toBe('label set ls1.json: label 1 has unknown field "prompt"');
    expect(await page().getByLabel('Name', { exact: true }).inputValue()).toBe('');
  });

  it('asks before Delete in the facts of `labels remove`: the decisions are kept', async () => {
    await page().getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'Edit label set precise' }).click();
    await eventually(() => page().getByRole('heading', { name: 'Label set “precise”' }).isVisible()).toBe(true);
    await page().getByRole('button', { name: 'Delete…' }).click();
    const ask = page().getByRole('alertdialog', { name: 'Confirm deletion' });
    await eventually(() => ask.innerText()).toContain('decisions on it are kept and come back if you import it again under this name');
    expect(await ask.innerText()).toContain('Delete “precise” and its tags?');
    expect(await ask.innerText()).not.toMatch(/with its tags and your accept\/reject decisions/);
    await ask.getByRole('button', { name: 'Delete', exact: true }).click();
    await eventually(() => page().getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'Edit label set precise' }).count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
