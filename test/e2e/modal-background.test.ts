// What a keyboard and screen reader walk of the app found, in the browser over `shoebox serve`:
// behind an open modal (Settings, the viewer, the slideshow over it, the shortcuts list) the
// page stayed in Chromium's accessibility tree, aria-modal notwithstanding: the grid's
// checkboxes and the sidebar's buttons were read out behind the dialog. The page behind is
// inert now, the modal over it live, and the page live again once it closes, the focus back on
// what opened it. And Esc in the Import panel closes it, the focus back on "Import…".
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the page behind a modal, and Esc in a panel', () => {
  const lib = useLibrarySession('modal-background', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const focused = () => lib.page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);
  /** Whether the element `selector` is in an inert subtree: out of the accessibility tree, and the focus cannot land on it. */
  const inert = (selector: string) => lib.page.evaluate((s) => document.querySelector(s)?.closest('[inert]') != null, selector);
  /** Whether the element `selector` takes the focus when asked (false for an inert one). */
  const focusable = (selector: string) =>
    lib.page.evaluate((s) => {
      const el = document.querySelector<HTMLElement>(s);
      const was = document.activeElement as HTMLElement | null;
      el?.focus();
      const took = document.activeElement === el;
      was?.focus();
      return took;
    }, selector);
  /** What Chromium's accessibility tree holds by role and name (the tree a screen reader reads). */
  const inAccessibilityTree = async (role: string, name: string) => {
    const cdp = await lib.page.context().newCDPSession(lib.page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    await cdp.detach();
    return nodes.some((n) => !n.ignored && n.role?.value === role && n.name?.value === name);
  };
  const ALL_PHOTOS = '.sidebar .sidebar__all';
  const SETTINGS = 'button[aria-label="Settings"]';

  it('Settings and the shortcuts list: the page behind is inert while open, live again and focused on the opener after Esc', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    expect(await inAccessibilityTree('button', 'Settings')).toBe(true);

    await lib.page.locator(SETTINGS).click();
    await eventually(() => lib.page.getByRole('dialog', { name: 'Settings' }).count()).toBe(1);
    await eventually(() => inert(ALL_PHOTOS)).toBe(true);
    expect(await inert('.tile__open')).toBe(true);
    expect(await inert('.settings')).toBe(false);
    expect(await focusable(ALL_PHOTOS)).toBe(false);
    expect(await inAccessibilityTree('button', 'Settings')).toBe(false);
    expect(await inAccessibilityTree('button', 'Close settings')).toBe(true);
    await lib.page.keyboard.press('Escape');
    await eventually(() => lib.page.locator('[inert]').count()).toBe(0);
    await eventually(focused).toBe('Settings');
    expect(await inAccessibilityTree('button', 'Settings')).toBe(true);

    await lib.page.keyboard.press('?');
    await eventually(() => lib.page.getByRole('dialog', { name: 'Keyboard shortcuts' }).count()).toBe(1);
    await eventually(() => inert(ALL_PHOTOS)).toBe(true);
    await lib.page.keyboard.press('Escape');
    await eventually(() => lib.page.locator('[inert]').count()).toBe(0);
    await eventually(focused).toBe('Settings');
  });

  it('the viewer, the slideshow over it: only the innermost is live; each close gives the one under it back', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    const [first] = await tileNames(lib.page);
    await lib.page.getByRole('button', { name: `Open ${first}` }).focus();
    await lib.page.keyboard.press('Enter');
    await eventually(() => lib.page.getByRole('dialog', { name: /Photo viewer/ }).count()).toBe(1);
    await eventually(() => inert('.tile__open')).toBe(true);
    expect(await inert(ALL_PHOTOS)).toBe(true);
    expect(await inert('.viewer')).toBe(false);

    await lib.page.keyboard.press('s');
    await eventually(() => lib.page.getByRole('dialog', { name: 'Slideshow' }).count()).toBe(1);
    await eventually(() => inert('.viewer')).toBe(true);
    expect(await inert('.slideshow')).toBe(false);
    expect(await focusable('button[aria-label="Close viewer"]')).toBe(false);

    await lib.page.keyboard.press('Escape');
    await eventually(() => lib.page.getByRole('dialog', { name: 'Slideshow' }).count()).toBe(0);
    await eventually(() => inert('.viewer')).toBe(false);
    expect(await inert('.tile__open')).toBe(true);
    await eventually(() => lib.page.evaluate(() => document.activeElement?.closest('.viewer') != null)).toBe(true);

    await lib.page.keyboard.press('Escape');
    await eventually(() => lib.page.getByRole('dialog').count()).toBe(0);
    await eventually(() => lib.page.locator('[inert]').count()).toBe(0);
    await eventually(focused).toMatch(/^Open /);
  });

  it('Esc in the Import panel closes it, and the focus goes back to "Import…"', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    await lib.page.getByRole('button', { name: 'Import…' }).click();
    const form = lib.page.getByRole('form', { name: 'Import photos' });
    await eventually(() => form.count()).toBe(1);
    await eventually(() => lib.page.evaluate(() => document.activeElement?.id)).toBe('import-from');
    await lib.page.keyboard.type('/media/card');
    await lib.page.keyboard.press('Escape');
    await eventually(() => form.count()).toBe(0);
    expect(await lib.page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText)).toBe('Import…');
    expect(await lib.page.getByRole('button', { name: 'Import…' }).getAttribute('aria-expanded')).toBe('false');
  });
});
