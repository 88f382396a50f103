// The keyboard's ways from the search box to the photos, in the browser over `shoebox serve`
// with the tiny colour model: ↓ in the box goes to the first result; Enter searches at once
// (no typing pause) and goes there once the results show, while typing on still searches as
// you type; "Skip to photos", the page's first Tab stop, passes the top bar and the sidebar. A
// pasted paragraph's heading shows its start, so the "too long" error stays in sight. "More
// like this" in the viewer leaves the focus on the new results' heading, not the page's body.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('from the search box to the photos by keyboard', () => {
  const lib = useLibrarySession('search-keys', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const page = () => lib.page;
  const searchBox = () => lib.page.getByRole('searchbox');
  /** The focused element's tag and label (else its text); BODY when the focus fell to the page. */
  const focused = () =>
    lib.page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return 'BODY';
      return `${el.tagName} ${el.getAttribute('aria-label') ?? el.innerText.trim()}`;
    });
  const firstTile = () => lib.page.locator('main .tile__open').first().getAttribute('aria-label');

  it('↓ in the search box goes to the first result', async () => {
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(4);
    await searchBox().focus();
    await page().keyboard.type('red');
    await eventually(() => page().getByRole('heading', { level: 1, name: 'Results for “red”' }).isVisible()).toBe(true);
    // Typing stays in the box.
    expect(await focused()).toBe('INPUT Search photos');
    await page().keyboard.press('ArrowDown');
    await eventually(focused).toBe(`BUTTON ${await firstTile()}`);
    expect(await focused()).toMatch(/^BUTTON Open .*\.jpg$/);
  });

  it('Enter searches at once and goes to the first result once it shows; typing on ends the wait', async () => {
    await searchBox().fill('');
    await eventually(() => page().getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
    await searchBox().focus();
    // Enter right after typing: no 250 ms pause waited for.
    await page().keyboard.type('blue');
    await page().keyboard.press('Enter');
    await eventually(() => page().getByRole('heading', { level: 1, name: 'Results for “blue”' }).isVisible()).toBe(true);
    await eventually(focused).toBe(`BUTTON ${await firstTile()}`);
    // Search as you type is as it was: the box keeps the focus while results follow.
    await searchBox().focus();
    await page().keyboard.type(' green');
    await eventually(() => page().getByRole('heading', { level: 1, name: 'Results for “blue green”' }).isVisible()).toBe(true);
    // Once the results have come (a new query's grid is empty until then), and a frame or two
    // after, when a focus sent to them would have landed.
    await eventually(async () => (await tileNames(page())).length).toBeGreaterThan(0);
    await page().evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await focused()).toBe('INPUT Search photos');
  });

  it('"Skip to photos" is the first Tab stop, shows when focused, and goes to the first photo', async () => {
    // A fresh page on All photos (a reload would come back to the search above: it is in the URL).
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(4);
    await page().keyboard.press('Tab');
    expect(await focused()).toBe('A Skip to photos');
    const box = await page().getByRole('link', { name: 'Skip to photos' }).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    await page().keyboard.press('Enter');
    await eventually(focused).toBe(`BUTTON ${await firstTile()}`);
    expect(await focused()).toMatch(/^BUTTON Open /);
  });

  it('a pasted paragraph: the heading shows its start (all of it on hover) and the "too long" error stays in sight', async () => {
    const long = 'a red car parked on a wet street at night with neon signs '.repeat(62).trim();
    expect(long.length).toBeGreaterThan(3500);
    await searchBox().fill(long);
    const error = page().getByRole('alert').filter({ hasText: 'Query is too long (over 1000 characters)' });
    await eventually(() => error.isVisible()).toBe(true);
    const heading = page().locator('main h1');
    expect((await heading.innerText()).length).toBeLessThan(100);
    expect(await heading.innerText()).toMatch(/^Results for “a red car parked on .*…”$/);
    expect(await heading.getAttribute('title')).toBe(long);
    const viewport = page().viewportSize()!;
    const at = (await error.boundingBox())!;
    expect(at.y + at.height).toBeLessThanOrEqual(viewport.height);
    expect((await heading.boundingBox())!.height).toBeLessThan(60);
  });

  it('"More like this" in the viewer leaves the focus on the new results\' heading', async () => {
    await searchBox().fill('');
    await eventually(async () => (await tileNames(page())).length).toBe(4);
    const [first] = await tileNames(page());
    await page().getByRole('button', { name: `Open ${first}` }).click();
    const viewer = page().getByRole('dialog', { name: /^Photo viewer/ });
    await eventually(() => viewer.count()).toBe(1);
    await viewer.getByRole('button', { name: 'More like this' }).focus();
    await page().keyboard.press('Enter');
    await eventually(() => viewer.count()).toBe(0);
    await eventually(focused).toBe(`H1 More like ${first}`);
    // On from there by Tab, not from the top of the page.
    await page().keyboard.press('Tab');
    expect(await focused()).not.toBe('BODY');
    expect(await page().evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
