// The grid's tiles as a test reads them: the photo names in list order, and a wait until the
// thumbnails drawn have loaded (a screenshot is worth looking at only then).
import type { Locator, Page } from 'playwright-core';
import { eventually } from './ui-session';

/** The names of the tiles under `scope` (the page, or one grid), in order; the first `first` only when given.
 *  A video's tile is named "Open video a.mp4, 0:08": its file name is "a.mp4". */
export async function tileNames(scope: Page | Locator, first?: number): Promise<string[]> {
  const labels = await scope.locator('.tile__open').evaluateAll((els, count) => els.slice(0, count ?? els.length).map((el) => el.getAttribute('aria-label') ?? ''), first);
  return labels.map((label) => (label.startsWith('Open video ') ? label.slice('Open video '.length).replace(/, [\d:]+$/, '') : label.replace(/^Open /, '')));
}

/** Waits until the tiles' thumbnails (the first `first` only, when given) have loaded. */
export async function waitForThumbnails(page: Page, first?: number): Promise<void> {
  await eventually(() =>
    page.locator('.tile__open img').evaluateAll((imgs, count) => imgs.slice(0, count ?? imgs.length).every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), first),
  ).toBe(true);
}

/** The element with the focus as a test names it: its aria-label, else its tag name. */
export function focusedName(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName ?? null);
}

/** A keyboard user's way into the grid: Tab to "Skip to photos", Enter; then `firstTile`'s Open button has the focus. */
export async function skipToPhotos(page: Page, firstTile: string): Promise<void> {
  await page.keyboard.press('Tab');
  await eventually(() => page.evaluate(() => document.activeElement?.textContent ?? null), 10_000).toBe('Skip to photos');
  await page.keyboard.press('Enter');
  await eventually(() => focusedName(page), 10_000).toBe(`Open ${firstTile}`);
}
