// A library whose favourites table is damaged (a data file truncated while serve was stopped,
// as a torn write leaves it), opened in the browser over `shoebox serve`: the page's first
// answer is the "The library is damaged" panel with its Repair library button, never a grid
// of grey placeholders under the CLI's "run 'shoebox repair'" advice; and Repair, once done,
// says what it repaired in the core's words (the lines `shoebox repair` prints), the photos
// back. Screenshots: test-results/screenshots/damaged-library-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { dataFiles } from '../unit/store/damage';
import { hasChromium, screenshot } from './helpers/browser';
import { startServe, type ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const NAMES = ['red', 'green', 'blue'] as const;

/** Waits (outside a test: no expect.poll) until the engine has no job queued or running. */
async function whenIdle(serve: ServeProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (((await serve.call('jobs')) as { state: string }[]).some((j) => j.state === 'queued' || j.state === 'running')) {
    if (Date.now() > deadline) throw new Error('jobs did not finish');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe.skipIf(!hasChromium)('a library with a damaged table in the browser', () => {
  let session: UiSession;
  let again: ServeProcess | undefined;
  let page: Page;

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-damaged-home-');
    const photos = tempDir('shoebox-e2e-damaged-photos-');
    for (const name of NAMES) await writeColourPhoto(photos, `${name}.jpg`, COLOURS[name]!);
    const args = ['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)];
    session = await openUiSession(args);
    page = session.page;
    await session.serve.call('addFolder', photos);
    await whenIdle(session.serve);
    const listed = (await session.serve.call('timeline', {})) as { photos: { id: string }[] };
    if (listed.photos.length !== NAMES.length) throw new Error(`indexed ${listed.photos.length} photos`);
    await session.serve.call('setFavourites', [listed.photos[0]!.id], true);
    await session.serve.stop();

    // The favourite's data file, torn: `truncate -s 10` on the newest one.
    const files = dataFiles(path.join(home, 'library'), 'favourites');
    files.sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    fs.truncateSync(files[0]!, 10);

    again = await startServe(args, session.serveEnv);
    // Everything the page ever shows, from its first render: a tile or the CLI's advice seen
    // for a moment counts (a poll could miss it).
    await page.addInitScript(() => {
      const seen = { tiles: false, advice: false, panelFirst: null as boolean | null };
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        const main = document.querySelector('main');
        if (!main) return;
        const tiles = main.querySelector('.tile') !== null;
        const panel = main.querySelector('#engine-error-title') !== null;
        if (seen.panelFirst === null && (tiles || panel)) seen.panelFirst = panel && !tiles;
        seen.tiles ||= tiles;
        seen.advice ||= /shoebox repair/.test(document.body.innerText);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  }, 300_000);

  afterAll(async () => {
    await again?.stop();
    await session?.close();
  });

  const panel = () => page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'The library is damaged' }) });
  const seen = () => page.evaluate(() => (window as unknown as { seen: { tiles: boolean; advice: boolean; panelFirst: boolean | null } }).seen);

  it('shows the damaged panel with Repair library first, never placeholders under terminal advice', async () => {
    await page.goto(again!.url);
    await eventually(() => panel().isVisible(), 60_000).toBe(true);
    await screenshot(page, 'damaged-library-panel');
    expect(await panel().innerText()).toContain('favourites');
    expect(await panel().getByRole('button', { name: 'Repair library' }).isVisible()).toBe(true);
    // A moment more: nothing else comes over it.
    await page.waitForTimeout(1500);
    expect(await seen()).toEqual({ tiles: false, advice: false, panelFirst: true });
  });

  it('Repair library says what it repaired, in the core’s words, and the photos come back', async () => {
    await panel().getByRole('button', { name: 'Repair library' }).click();
    const report = page.getByRole('status').filter({ hasText: 'Library repaired' });
    await eventually(() => report.isVisible(), 120_000).toBe(true);
    const text = await report.innerText();
    expect(text).toMatch(/favourites: .+; (rebuilt empty|restored to version \d+), (\d+ rows? lost|rows lost unknown)/);
    expect(text).toMatch(/Damaged files kept in .+\.damaged/);
    // Not the terminal's advice: the app's repair indexes again by itself.
    expect(text).not.toMatch(/shoebox (index|repair)/);
    await eventually(() => page.locator('main .tile').count(), 60_000).toBe(NAMES.length);
    expect(await panel().count()).toBe(0);
    // The report stays over the photos it brought back, until dismissed.
    expect(await report.isVisible()).toBe(true);
    await screenshot(page, 'damaged-library-repaired');
    await page.getByRole('region', { name: 'Repair' }).getByRole('button', { name: 'Dismiss' }).click();
    expect(await report.count()).toBe(0);
  });
});
