// The smart-album editor asks before its changes not saved are dropped, as the label-set
// editor does (it used to leave silently): the sidebar and Back ask ("Leave without saving?",
// Keep editing focused, Esc keeps editing); Cancel and Save, the user's own ways out, do not.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the album editor with changes not saved', () => {
  const lib = useLibrarySession('album-unsaved', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const hash = () => lib.page.evaluate(() => location.hash);
  const editor = () => lib.page.getByRole('form', { name: 'Edit album Reds' });
  const query = () => editor().getByRole('textbox', { name: 'Query' });
  const ask = () => lib.page.getByRole('alertdialog', { name: 'Leave without saving?' });
  const focused = () =>
    lib.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim();
    });
  const openEditor = async () => {
    await sidebar().getByRole('button', { name: /^Reds/ }).click();
    await page().getByRole('button', { name: 'Edit', exact: true }).click();
    await eventually(() => editor().isVisible()).toBe(true);
  };

  it('asks before the sidebar or Back leaves it', async () => {
    await lib.serve.call('saveAlbum', { name: 'Reds', query: 'red', threshold: -1 });
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length);
    await openEditor();
    await query().fill('red - blue');

    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(() => ask().isVisible()).toBe(true);
    expect(await ask().innerText()).toContain('Your changes to the album “Reds” are not saved');
    await eventually(focused).toBe('Keep editing');
    await page().keyboard.press('Escape');
    await eventually(() => ask().count()).toBe(0);
    expect(await query().inputValue()).toBe('red - blue');
    expect(await hash()).toBe('#/album/Reds/edit');

    await page().goBack();
    await eventually(() => ask().isVisible()).toBe(true);
    await ask().getByRole('button', { name: 'Leave without saving' }).click();
    await eventually(() => editor().count()).toBe(0);
    expect(await hash()).toBe('#/album/Reds');
  });

  it('leaves without asking on Cancel and on Save, and while nothing changed', async () => {
    await openEditor();
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(hash).toBe('#/');
    expect(await ask().count()).toBe(0);

    await openEditor();
    await query().fill('red - green');
    await editor().getByRole('button', { name: 'Cancel' }).click();
    await eventually(hash).toBe('#/album/Reds');
    expect(await ask().count()).toBe(0);

    await page().getByRole('button', { name: 'Edit', exact: true }).click();
    await query().fill('red - green');
    await editor().getByRole('button', { name: 'Save' }).click();
    await eventually(hash).toBe('#/album/Reds');
    expect(await ask().count()).toBe(0);
    expect(await lib.serve.call('listAlbums')).toMatchObject([{ name: 'Reds', query: 'red - green' }]);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
