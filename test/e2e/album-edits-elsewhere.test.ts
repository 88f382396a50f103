// Albums in the browser over `shoebox serve` (tiny colour model) when the album changes under
// the page: the editor's Save never overwrites a change made elsewhere (it says so, keeps what
// was typed, offers Reload); a label set deleted breaks an album filtering by its label, which
// the sidebar and the album view say at once, in the app's words. Also: a threshold of -1
// stays -1 in the slider, and a 200-character name leaves the sidebar's counts in view.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

interface Album {
  name: string;
  query: string;
  threshold: number;
  filters: { folder?: string };
}

describe.skipIf(!hasChromium)('albums changed under the page', () => {
  const lib = useLibrarySession('album-elsewhere', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const albums = async () => (await lib.serve.call('listAlbums')) as Album[];
  const openEditor = async (name: string) => {
    await page().goto(`${lib.serve.url}#/album/${encodeURIComponent(name)}/edit`);
    const editor = page().getByRole('form', { name: `Edit album ${name}` });
    await eventually(() => editor.isVisible(), 30_000).toBe(true);
    return editor;
  };

  it('refuses a Save after the album was edited elsewhere, keeps what was typed, and Reload shows the change', async () => {
    await lib.serve.call('saveAlbum', { name: 'spaced', query: 'green' });
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length);
    const editor = await openEditor('spaced');
    // Meanwhile, as `shoebox albums edit spaced --query yellow --folder …`:
    await lib.serve.call('saveAlbum', { name: 'spaced', query: 'yellow', filters: { folder: lib.photos } }, 'spaced');
    await editor.getByRole('textbox', { name: 'Name' }).fill('spaced out');
    await editor.getByRole('button', { name: 'Save' }).click();
    await eventually(() => editor.getByRole('alert').innerText()).toBe('spaced was changed elsewhere since you opened it: reload to see it');
    expect((await albums()).map((a) => [a.name, a.query, a.filters.folder])).toEqual([['spaced', 'yellow', lib.photos]]);
    // What was typed stays until Reload, which shows the album as it is now.
    expect(await editor.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('spaced out');
    expect(await editor.getByRole('textbox', { name: 'Query' }).inputValue()).toBe('green');
    await page().getByRole('button', { name: 'Reload' }).click();
    await eventually(() => page().getByRole('form', { name: 'Edit album spaced' }).getByRole('textbox', { name: 'Query' }).inputValue()).toBe('yellow');
    expect(await page().getByRole('form', { name: 'Edit album spaced' }).getByRole('textbox', { name: 'Name' }).inputValue()).toBe('spaced');
  });

  it('shows a threshold of -1 as -1 in the slider, changed only by a move', async () => {
    await lib.serve.call('saveAlbum', { name: 'Every', query: 'red', threshold: -1 });
    const editor = await openEditor('Every');
    const slider = editor.getByLabel('Threshold (slider)');
    expect(await slider.inputValue()).toBe('-1');
    expect(await editor.getByLabel('Threshold', { exact: true }).inputValue()).toBe('-1');
    await editor.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().evaluate(() => location.hash)).toBe('#/album/Every');
    expect((await albums()).find((a) => a.name === 'Every')?.threshold).toBe(-1);
  });

  it('cuts a 200-character name in the sidebar, keeping every count in view', async () => {
    const long = `A${' very long album name'.repeat(10)}`.slice(0, 200);
    await lib.serve.call('saveAlbum', { name: long, query: 'blue' });
    await page().goto(lib.serve.url);
    const row = sidebar().getByRole('button', { name: /^A very long album name/ });
    await eventually(() => row.isVisible(), 30_000).toBe(true);
    const fits = await sidebar().evaluate((nav) => {
      const box = nav.getBoundingClientRect();
      const counts = [...nav.querySelectorAll('.album-row__count')].map((c) => c.getBoundingClientRect());
      return { inside: counts.every((c) => c.right <= box.right + 1 && c.width > 0), list: nav.querySelector('.album-list')!.getBoundingClientRect().width <= box.width };
    });
    expect(fits).toEqual({ inside: true, list: true });
    expect(await row.locator('.album-row__name').getAttribute('title')).toBe(long);
    await lib.serve.call('removeAlbum', long);
  });

  it('marks an album broken when the label set of its tag is deleted here, saying why in the app’s words', async () => {
    await lib.serve.call('saveLabelSet', { name: 'pets', labels: ['cat', 'dog'] });
    await lib.serve.call('saveAlbum', { name: 'CatAlbum', query: 'photo', filters: { tag: 'cat' } });
    await page().goto(lib.serve.url);
    const row = sidebar().getByRole('button', { name: /^CatAlbum/ });
    await eventually(() => row.isVisible(), 30_000).toBe(true);
    expect(await row.locator('.album-row__count').innerText()).not.toBe('⚠');
    await page().getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'Edit label set pets' }).click();
    await page().getByRole('button', { name: 'Delete…' }).click();
    await page().getByRole('alertdialog', { name: 'Confirm deletion' }).getByRole('button', { name: 'Delete', exact: true }).click();
    // No reload: the sidebar reads the albums again when label sets change.
    await eventually(() => row.locator('.album-row__count').innerText()).toBe('⚠');
    expect(await row.getAttribute('title')).not.toMatch(/shoebox|--tag/);
    await row.click();
    const empty = page().locator('.album-screen .content__empty');
    await eventually(() => empty.innerText()).toBe('“CatAlbum” can hold no photo now: no label set has the tag “cat” (any more). Edit the album to mend it, or delete it.');
  });

  it('raised no console errors', () => {
    // The refused save is the engine's answer, which the page shows; nothing else.
    expect(lib.errors.filter((e) => !e.includes('changed elsewhere'))).toEqual([]);
  });
});
