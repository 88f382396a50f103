// Where the keyboard focus lands after actions whose control leaves the page or is disabled
// (it used to fall to <body>, and a keyboard user started again from the top), in the browser
// over `shoebox serve`: Add folder, the folder-removal confirmation (an alertdialog on Cancel,
// Esc closes it), Remove, Resume indexing, "+ Add label", Save, "Tag folder…", Start tagging, a
// tag's ✕ in the viewer. Also the tag review's tabs (one Tab stop, arrow keys), its hint and
// count, and the folder choice telling two folders named "Photos" apart.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('focus after actions', () => {
  const lib = useLibrarySession('focus-actions', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  // Two folders of one name, on two "disks".
  const disks = tempDir('shoebox-e2e-focus-disks-');
  const home = path.join(disks, 'home', 'Photos');
  const phone = path.join(disks, 'phone', 'Photos');
  const page = () => lib.page;
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  /** The focused element: its accessible label, else its text; BODY when the focus fell to the page. */
  const focused = () =>
    lib.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim();
    });
  const focusedFolder = () => lib.page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['folder'] ?? null);

  it('Add folder gives the focus to the new folder in the sidebar', async () => {
    for (const dir of [home, phone]) {
      fs.mkdirSync(dir, { recursive: true });
      await writeColourPhoto(dir, 'x.jpg', [120, 120, 120]);
    }
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(4);
    await sidebar().getByRole('button', { name: '+ Add' }).click();
    await page().getByLabel('Folder to add').fill(home);
    await page().getByRole('button', { name: 'Add folder' }).click();
    await eventually(focusedFolder).toBe(home);
    await lib.serve.call('addFolder', phone);
    await eventually(() => sidebar().locator(`[data-folder="${phone}"]`).count()).toBe(1);
  });

  it('the removal confirmation is an alertdialog on Cancel; Esc closes it back to ×; Remove moves on to the next folder', async () => {
    const row = sidebar().locator('li.folder', { hasText: phone });
    const remove = row.getByRole('button', { name: `Remove ${phone} from the library` });
    await remove.click();
    const confirm = row.getByRole('alertdialog', { name: 'Confirm removal' });
    await eventually(() => confirm.isVisible()).toBe(true);
    await eventually(focused).toBe('Cancel');
    await page().keyboard.press('Escape');
    await eventually(() => confirm.count()).toBe(0);
    await eventually(focused).toBe(`Remove ${phone} from the library`);
    // The folder choice tells the two "Photos" apart.
    await lib.serve.call('saveLabelSet', { name: 'colours', labels: ['red', 'green', 'blue', 'yellow'] });
    await page().reload();
    await sidebar().getByRole('button', { name: 'Edit label set colours' }).click();
    await page().getByRole('button', { name: 'Tag folder…' }).click();
    // The choice takes the focus.
    await eventually(focused).toBe('Folder to tag');
    const options = await page().getByLabel('Folder to tag').locator('option').allInnerTexts();
    expect(options).toEqual(expect.arrayContaining(['home/Photos', 'phone/Photos']));
    await page().getByRole('button', { name: 'Cancel', exact: true }).click();
    await eventually(focused).toBe('Tag folder…');

    await sidebar().locator('li.folder', { hasText: phone }).getByRole('button', { name: `Remove ${phone} from the library` }).click();
    await sidebar().getByRole('alertdialog', { name: 'Confirm removal' }).getByRole('button', { name: 'Remove' }).click();
    await eventually(() => sidebar().locator(`[data-folder="${phone}"]`).count()).toBe(0);
    await eventually(focusedFolder).not.toBeNull();
  });

  it('Resume indexing keeps the focus in its folder row', async () => {
    await lib.serve.call('pauseIndexing', home);
    const row = sidebar().locator('li.folder', { hasText: home });
    await eventually(() => row.getByRole('button', { name: 'Resume indexing' }).isVisible()).toBe(true);
    await row.getByRole('button', { name: 'Resume indexing' }).click();
    await eventually(() => row.getByRole('button', { name: 'Resume indexing' }).count()).toBe(0);
    await eventually(() => page().evaluate(() => document.activeElement?.closest('li.folder')?.querySelector('.folder__name')?.getAttribute('data-folder') ?? null)).toBe(home);
  });

  it('"+ Add label" focuses the new label; Save leaves the focus on "Saved."; tagging on its progress', async () => {
    await sidebar().getByRole('button', { name: 'Edit label set colours' }).click();
    await page().getByRole('button', { name: '+ Add label' }).click();
    await eventually(focused).toBe('Label 5');
    await page().keyboard.type('purple');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(focused).toBe('Saved.');
    await page().getByRole('button', { name: 'Tag folder…' }).click();
    await page().getByLabel('Folder to tag').selectOption({ label: 'Whole library' });
    await page().getByRole('button', { name: 'Start tagging' }).click();
    await eventually(() => page().evaluate(() => document.activeElement?.closest('section')?.getAttribute('aria-label') ?? null)).toBe('Tag photos');
    await eventually(() => page().getByText(/^Done: tagged \d+ of \d+ photos with colours\.$/).isVisible(), 60_000).toBe(true);
  });

  it('the review tabs are one Tab stop moved by the arrow keys; the hint says when decisions take effect; the count says tags', async () => {
    await page().getByRole('button', { name: 'Review tags', exact: true }).click();
    const tabs = page().getByRole('tablist', { name: 'Tags' });
    await eventually(() => tabs.isVisible()).toBe(true);
    expect(await tabs.getByRole('tab').evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')))).toEqual(['0', '-1', '-1']);
    await tabs.getByRole('tab', { name: 'To review' }).focus();
    const selected = () => tabs.getByRole('tab', { selected: true }).innerText();
    await page().keyboard.press('ArrowRight');
    expect(await focused()).toBe('Accepted');
    await eventually(selected).toBe('Accepted');
    await page().keyboard.press('End');
    expect(await focused()).toBe('Rejected');
    await page().keyboard.press('ArrowRight');
    expect(await focused()).toBe('To review');
    await page().keyboard.press('ArrowLeft');
    expect(await focused()).toBe('Rejected');
    await page().keyboard.press('Home');
    expect(await focused()).toBe('To review');
    await eventually(selected).toBe('To review');
    expect(await tabs.getByRole('tab').evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')))).toEqual(['0', '-1', '-1']);
    expect(await page().getByRole('tabpanel', { name: 'To review' }).innerText()).toContain('the other suggestions change the next time the folder is tagged (“Tag folder…” on the label set)');

    const count = page().locator('.tag-review__bar [role="status"]');
    await eventually(() => count.innerText()).toMatch(/^\d+ tags?$/);
    await page().getByLabel('Label', { exact: true }).selectOption('red');
    await eventually(() => count.innerText()).toMatch(/^\d+ “red” tags?$/);
  });

  it('a tag rejected with ✕ in the viewer leaves the focus on its undo', async () => {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await page().getByRole('button', { name: 'Open red.jpg' }).click();
    const viewer = page().getByRole('dialog', { name: /^Photo viewer/ });
    const reject = viewer.getByRole('button', { name: /^Reject tag / }).first();
    await eventually(() => reject.count()).toBe(1);
    const label = (await reject.getAttribute('aria-label'))!.replace(/^Reject tag /, '');
    await reject.click();
    await eventually(focused).toBe(`Undo rejecting tag ${label}`);
    await page().keyboard.press('Enter');
    await eventually(focused).toBe(`Accept tag ${label}`);
    await page().keyboard.press('Escape');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
