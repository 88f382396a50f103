// Keyboard focus after closing the viewer, Settings and the shortcuts list, in the browser over
// `shoebox serve`: it returns to the tile of the photo last shown (or the button that opened
// the panel), so arrow keys go on working instead of starting again from the top of the page;
// and Tab goes round inside the viewer, Settings (its theme radios one stop, as the browser
// has them) and the shortcuts, never out to the page.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('focus after closing', () => {
  const lib = useLibrarySession('focus-return', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const focused = () => lib.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);

  it('the viewer gives the focus to the tile of the photo last shown; Settings and the shortcuts to their button', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    const [first, second] = await tileNames(lib.page);
    await lib.page.getByRole('button', { name: `Open ${first}` }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(() => lib.page.getByRole('dialog').count()).toBe(1);
    await lib.page.keyboard.press('ArrowRight');
    await lib.page.keyboard.press('Escape');
    await eventually(() => lib.page.getByRole('dialog').count()).toBe(0);
    await eventually(focused).toBe(`Open ${second}`);

    await lib.page.getByRole('button', { name: 'Settings' }).click();
    await eventually(() => lib.page.getByRole('dialog', { name: 'Settings' }).count()).toBe(1);
    await lib.page.keyboard.press('Escape');
    await eventually(focused).toBe('Settings');

    await lib.page.keyboard.press('?');
    await eventually(() => lib.page.getByRole('dialog').count()).toBe(1);
    // A confirmation-style dialog (useModalDialog) keeps Tab on its one button, both ways.
    for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
      await lib.page.keyboard.press(key);
      expect(await lib.page.evaluate(() => (document.activeElement?.closest('[role="dialog"]') ? (document.activeElement as HTMLElement).innerText : null))).toBe('Close');
    }
    await lib.page.keyboard.press('Escape');
    await eventually(focused).toBe('Settings');
  });

  it('Tab stays inside the viewer and Settings; the date editor takes the focus, and Esc leaves it, not the viewer', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    const [first] = await tileNames(lib.page);
    await lib.page.getByRole('button', { name: `Open ${first}` }).click();
    const viewer = lib.page.getByRole('dialog', { name: /Photo viewer/ });
    await eventually(() => viewer.count()).toBe(1);
    const insideDialog = () => lib.page.evaluate(() => document.activeElement?.closest('[role="dialog"]')?.getAttribute('aria-label') ?? null);
    // Round and round, both ways: never the search box or the sidebar behind.
    for (let i = 0; i < 40; i++) {
      await lib.page.keyboard.press(i < 25 ? 'Tab' : 'Shift+Tab');
      expect(await insideDialog()).toMatch(/^Photo viewer/);
    }

    await lib.page.getByRole('button', { name: 'Edit date taken' }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(focused).toBe('Date taken');
    await lib.page.keyboard.press('Escape');
    await eventually(focused).toBe('Edit date taken');
    expect(await viewer.count()).toBe(1);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);

    await lib.page.getByRole('button', { name: 'Settings' }).click();
    await eventually(() => lib.page.getByRole('dialog', { name: 'Settings' }).count()).toBe(1);
    for (let i = 0; i < 60; i++) {
      await lib.page.keyboard.press('Shift+Tab');
      expect(await insideDialog()).toBe('Settings');
    }
    // The theme's radios are one Tab stop, the checked one, and the dialog's last: Tab from it
    // goes round to the top, not out to <body> (the trap took the unchecked "Dark" for the last).
    const settings = lib.page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('radio', { name: 'System' }).focus();
    expect(await settings.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    await lib.page.keyboard.press('Tab');
    expect(await focused()).toBe('Close settings');
    await lib.page.keyboard.press('Shift+Tab');
    expect(await lib.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('system');
    for (let i = 0; i < 60; i++) {
      await lib.page.keyboard.press('Tab');
      expect(await insideDialog()).toBe('Settings');
    }
    await lib.page.keyboard.press('Escape');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
