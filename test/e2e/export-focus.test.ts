// Export… in the selection bar takes the keyboard focus into its folder field, as Date… and
// Place… do (a new user's walk): typing "/tmp/x" right after pressing it writes the path. The
// "/" once went to the page, where it is the search shortcut: the search box took the focus, a
// search ran and the selection was lost. A "/" typed in any text field is the field's.
import { describe, expect, it } from 'vitest';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { hasChromium } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PHOTOS = ['p1', 'p2'];

describe.skipIf(!hasChromium)('Export… puts the focus in its folder field', () => {
  const lib = useLibrarySession('export-focus', async (photos) => {
    for (const [i, name] of PHOTOS.entries()) await writeExifColourPhoto(photos, `${name}.jpg`, [200 - i * 60, 40 + i * 60, 80], { taken: `2024:01:0${5 - i} 12:00:00` });
  });
  const bar = () => lib.page.getByRole('toolbar', { name: 'Selected photos' });
  const focused = () => lib.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);

  it('a path typed right after pressing Export… goes into the field; the selection stays and no search runs', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(PHOTOS.map((p) => `${p}.jpg`));
    await lib.page.getByRole('button', { name: 'Open p2.jpg' }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar().innerText(), 10_000).toContain('1 photo selected');
    await bar().getByRole('button', { name: 'Export…' }).click();
    await eventually(focused, 10_000).toBe('Export folder');
    await lib.page.keyboard.type('/tmp/x');
    expect(await bar().getByLabel('Export folder').inputValue()).toBe('/tmp/x');
    expect(await focused()).toBe('Export folder');
    expect(await bar().innerText()).toContain('1 photo selected');
    expect(lib.page.url()).not.toMatch(/search|[?&]q=/);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
