// The label-set editor never writes over what it did not see, nor drops what the user blanked:
// - a set changed elsewhere while the editor was open (an import adding "purple") is not
//   overwritten by Save: the core's one-line conflict is shown, the typed threshold stays,
//   and Reload takes in "purple" keeping the threshold, so the next Save keeps both;
// - a label blanked (spaces) is sent to the one validator, which refuses it as the CLI does
//   ("label 2 must not be empty"), and green and its tags stay; an empty row never typed in
//   is left out;
// - a set removed elsewhere while open cannot be saved over (Reload has nothing to load):
//   "Save as a new set" saves what was typed, as a new set of that name.
import { describe, expect, it } from 'vitest';
import type { LabelSetInfo, TagCount } from '../../src/shared/api';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const SET = { name: 'colours', labels: ['red', 'green', 'blue'], threshold: 0.3, margin: 0.05 };

describe.skipIf(!hasChromium)('the label-set editor’s Save over changes made elsewhere', () => {
  const lib = useLibrarySession('label-set-conflict', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const stored = async () => ((await lib.serve.call('listLabelSets')) as LabelSetInfo[]).find((s) => s.name === 'colours')!;
  const greenTags = async () => ((await lib.serve.call('tagCounts')) as TagCount[]).find((c) => c.set === 'colours' && c.label === 'green')?.count ?? 0;
  const openEditor = async () => {
    await page().goto(lib.serve.url);
    await page().getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'Edit label set colours' }).click();
    await eventually(() => page().getByRole('heading', { name: 'Label set “colours”' }).isVisible()).toBe(true);
  };

  it('refuses to write over a set imported meanwhile; Reload keeps the typed threshold and the new label', async () => {
    await lib.serve.call('saveLabelSet', SET);
    await lib.serve.call('tagFolder', 'colours', null);
    await eventually(greenTags, 60_000).toBeGreaterThan(0);
    await openEditor();
    await page().getByLabel('Threshold').fill('0.4');
    // Meanwhile, elsewhere (as `shoebox labels import col-purple.json` does): the same set plus purple.
    await lib.serve.call('saveLabelSet', { ...SET, labels: [...SET.labels, 'purple'] }, 'colours');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('alert').innerText()).toBe('colours was changed elsewhere since you opened it (it now has 4 labels, threshold 0.3, margin 0.05): reload to see it');
    expect(await page().getByRole('status').filter({ hasText: 'Saved.' }).count()).toBe(0);
    expect(await page().getByLabel('Threshold').inputValue()).toBe('0.4');
    expect((await stored()).labels.map((l) => l.name)).toEqual(['red', 'green', 'blue', 'purple']);

    await page().getByRole('button', { name: 'Reload' }).click();
    await eventually(() => page().getByLabel('Label 4', { exact: true }).inputValue()).toBe('purple');
    expect(await page().getByLabel('Threshold').inputValue()).toBe('0.4');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);
    expect(await stored()).toMatchObject({ threshold: 0.4, labels: [{ name: 'red' }, { name: 'green' }, { name: 'blue' }, { name: 'purple' }] });
  });

  it('refuses a label blanked to spaces in the validator’s words; green and its tags stay', async () => {
    const tagged = await greenTags();
    await openEditor();
    // An empty row added and never typed in is left out; the blanked one is not.
    await page().getByRole('button', { name: '+ Add label' }).click();
    await page().getByLabel('Label 2', { exact: true }).fill('   ');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('alert').innerText()).toBe('label set "colours": label 2 must not be empty');
    expect(await page().getByLabel('Label 2', { exact: true }).inputValue()).toBe('   ');
    expect(await page().getByLabel('Label 5', { exact: true }).count()).toBe(0);
    expect((await stored()).labels.map((l) => l.name)).toEqual(['red', 'green', 'blue', 'purple']);
    expect(await greenTags()).toBe(tagged);
  });

  it('a set removed elsewhere while open is saved again with “Save as a new set”, keeping what was typed', async () => {
    await openEditor();
    await page().getByLabel('Threshold').fill('0.45');
    // Meanwhile, elsewhere (as `shoebox labels remove colours` does).
    await lib.serve.call('removeLabelSet', 'colours');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('alert').innerText()).toBe('colours was removed elsewhere since you opened it: save it as a new set to keep it');
    expect(await page().getByRole('button', { name: 'Reload' }).count()).toBe(0);
    // Save again is refused as before; the new button saves it as a new set.
    await page().getByRole('button', { name: 'Save as a new set' }).click();
    await eventually(() => page().getByRole('status').filter({ hasText: 'Saved.' }).isVisible()).toBe(true);
    expect(await stored()).toMatchObject({ threshold: 0.45, labels: [{ name: 'red' }, { name: 'green' }, { name: 'blue' }, { name: 'purple' }] });
    expect(await page().getByLabel('Threshold').inputValue()).toBe('0.45');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
