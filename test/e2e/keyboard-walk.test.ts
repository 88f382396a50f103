// What a new user's walk of the app by keyboard found, in the browser over `shoebox serve`
// with the tiny colour model: the focus no longer falls to <body> after "Find duplicates",
// "Clear filters", "Review tags" or "+ New" (label set); Save with no name points at the name
// field; the tag review grid is one Tab stop whose cards the arrow keys move between, and
// Tab goes on to the focused card's Accept / Reject (with tabindex -1, only a / r reached them).
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';
import { holdAnswers } from './helpers/late-answers';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('keyboard walk', () => {
  const lib = useLibrarySession('keyboard-walk', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    // Two of each colour, so the review grid has rows and the duplicates scan finds groups.
    for (const name of Object.keys(COLOURS)) fs.copyFileSync(path.join(photos, `${name}.jpg`), path.join(photos, `${name} copy.jpg`));
  });
  // The report's page answered late (a busy machine): the summary comes seconds after the scan.
  let reportDelay = 0;
  beforeAll(() => holdAnswers(lib.page, 'duplicates', () => reportDelay));
  const page = () => lib.page;
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  /** Whether the focused element matches `selector` (false when the focus fell to the page). */
  const focusIs = (selector: string) => lib.page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

  it('"Clear filters" leaves the focus on the filter bar', async () => {
    await page().goto(lib.serve.url);
    await eventually(async () => (await tileNames(page())).length, 60_000).toBe(Object.keys(COLOURS).length * 2);
    await page().getByRole('searchbox').fill('red');
    const filters = page().getByRole('group', { name: 'Filters' });
    await filters.getByLabel('Camera').fill('canon');
    await filters.getByRole('button', { name: 'Clear filters' }).focus();
    await page().keyboard.press('Enter');
    await eventually(() => filters.getByRole('button', { name: 'Clear filters' }).count()).toBe(0);
    await eventually(() => focusIs('.filter-bar *')).toBe(true);
    await page().getByRole('searchbox').fill('');
  });

  it('"Find duplicates" keeps the focus (Stop, then the summary), not the page', async () => {
    await sidebar().getByRole('button', { name: /^Duplicates/ }).click();
    await eventually(() => page().getByText('No scan yet').isVisible()).toBe(true);
    await page().getByRole('button', { name: 'Find duplicates' }).focus();
    reportDelay = 4000;
    await page().keyboard.press('Enter');
    await eventually(() => page().locator('.dupes__summary').count(), 60_000).toBe(1);
    await eventually(() => page().getByRole('button', { name: 'Find duplicates' }).isEnabled(), 60_000).toBe(true);
    await eventually(() => focusIs('p.dupes__summary')).toBe(true);
    reportDelay = 0;
  });

  it('"+ New" label set focuses the name; Save without one says so at the field', async () => {
    await page().getByRole('region', { name: 'Label sets' }).getByRole('button', { name: 'New label set' }).click();
    const name = page().getByLabel('Name', { exact: true });
    await eventually(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page().getByLabel('Label 1', { exact: true }).fill('red');
    await page().getByLabel('Label 2', { exact: true }).fill('green');
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => name.getAttribute('aria-invalid')).toBe('true');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page().locator(`#${await name.getAttribute('aria-describedby')}`).innerText()).toMatch(/name/);
    await name.fill('colours');
    await eventually(() => name.getAttribute('aria-invalid')).toBeNull();
    await page().getByRole('button', { name: 'Save' }).click();
    await eventually(() => page().getByRole('heading', { name: 'Label set “colours”' }).isVisible()).toBe(true);
  });

  it('"Review tags" gives the focus to the review heading', async () => {
    await lib.serve.call('tagFolder', 'colours', null);
    const tagged = async () => (await lib.serve.call('reviewTags', { set: 'colours', state: 'auto', limit: 100 })) as { total: number };
    await eventually(async () => (await tagged()).total, 60_000).toBeGreaterThan(5);
    await page().getByRole('button', { name: 'Review tags', exact: true }).click();
    await eventually(() => focusIs('.tag-review h1'), 10_000).toBe(true);
    expect(await page().evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe('Review “colours”');
  });

  it('the review grid is one Tab stop: the arrows move between cards, by row up and down, Tab to its buttons; a still decides', async () => {
    await page().setViewportSize({ width: 1200, height: 900 });
    const cards = page().getByRole('list', { name: 'Tagged photos' }).getByRole('listitem');
    await eventually(() => cards.count()).toBeGreaterThan(5);
    // One card is in the Tab order, with its own buttons: the other cards' are not.
    const stops = () => page().locator('.review-grid [tabindex="0"], .review-grid button:not([tabindex="-1"])').evaluateAll((els) => els.map((el) => [...document.querySelectorAll('.review-card')].indexOf(el.closest('.review-card')!)));
    expect(await stops()).toEqual([0, 0, 0]);
    await cards.first().focus();
    const at = () => page().evaluate(() => [...document.querySelectorAll('.review-card')].indexOf(document.activeElement!));
    await page().keyboard.press('ArrowRight');
    expect(await at()).toBe(1);
    await page().keyboard.press('ArrowLeft');
    expect(await at()).toBe(0);
    // ↓ goes to the card under this one, a row's width on.
    const columns = await page().evaluate(() => {
      const tops = [...document.querySelectorAll('.review-card')].map((c) => Math.round(c.getBoundingClientRect().top));
      return tops.filter((t) => t === tops[0]).length;
    });
    expect(columns).toBeGreaterThan(1);
    await page().keyboard.press('ArrowDown');
    expect(await at()).toBe(columns);
    await page().keyboard.press('ArrowUp');
    expect(await at()).toBe(0);
    await page().keyboard.press('ArrowRight');
    // The one Tab stop follows the focus, so Tab back into the grid lands on the card left.
    expect(await cards.nth(1).getAttribute('tabindex')).toBe('0');
    expect(await stops()).toEqual([1, 1, 1]);
    // Tab goes on from the card to its Accept, then Reject, and back: each says its key.
    const focusedButton = () => page().evaluate(() => (document.activeElement instanceof HTMLButtonElement ? `${document.activeElement.innerText} ${document.activeElement.getAttribute('aria-keyshortcuts')}` : null));
    await page().keyboard.press('Tab');
    expect(await focusedButton()).toBe('Accept a');
    await page().keyboard.press('Tab');
    expect(await focusedButton()).toBe('Reject r');
    await page().keyboard.press('Shift+Tab');
    await page().keyboard.press('Shift+Tab');
    expect(await at()).toBe(1);
    const label = await cards.nth(1).getAttribute('aria-label');
    await page().keyboard.press('a');
    await eventually(() => page().locator(`.review-card[aria-label="${label}"]`).count()).toBe(0);
    await eventually(() => page().evaluate(() => document.activeElement?.classList.contains('review-card') ?? false)).toBe(true);
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
