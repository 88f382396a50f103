// A library shared by several devices, in the browser over `shoebox serve`: another device's
// commits (a second process indexing more photos into the same library folder, as the family's
// other laptop would) reach the page as 'photos-changed', and the grid reads its list again.
// The photos the user had selected stay selected (the same photos, wherever the new ones put
// them in the timeline; one deleted meanwhile leaves the selection), the selection bar stays
// the same element, its open Export panel keeps what was typed and the keyboard focus. Serve
// gives its writer lock back after 1 s of quiet (SHOEBOX_HAND_BACK_MS), so the other device's
// writes go through; serve's engine then notices them at its next look at the library's data
// version (every 10 s: commit-follower.ts).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { writeExifColourPhoto } from '../helpers/exif-photos';
import { tempDir } from '../helpers/images';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { tileNames } from './helpers/tiles';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

/** Newest first in the timeline: p1 (5 Jan 2024) ... p5 (1 Jan). */
const PHOTOS = ['p1', 'p2', 'p3', 'p4', 'p5'];

/** Writes photos `names` into a new folder, taken a day apart from `month`'s 5th backwards. */
async function writePhotos(folder: string, names: string[], month: string): Promise<void> {
  for (const [i, name] of names.entries()) await writeExifColourPhoto(folder, `${name}.jpg`, [200 - i * 30, 40 + i * 30, 60 + i * 20], { taken: `2024:${month}:0${5 - i} 12:00:00` });
}

describe.skipIf(!hasChromium)('a selection while another device commits to the library', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let library: string;
  let photos: string;
  const otherHome = tempDir('shoebox-e2e-sel-refresh-home-other-');

  beforeAll(async () => {
    photos = tempDir('shoebox-e2e-sel-refresh-photos-');
    await writePhotos(photos, PHOTOS, '01');
    library = tempDir('shoebox-e2e-sel-refresh-library-');
    const home = tempDir('shoebox-e2e-sel-refresh-home-');
    session = await openUiSession(['--home', home, '--library', library, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)], { env: { SHOEBOX_HAND_BACK_MS: '1000' } });
    serve = session.serve;
    await serve.call('addFolder', photos);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  /** The other device indexes `folder` into the same library; retried while serve holds the lock. */
  async function otherDeviceIndexes(folder: string): Promise<void> {
    const other = await createLibraryApi({ home: otherHome, library, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          await other.indexNow([folder]);
          return;
        } catch (e) {
          if (!/library busy/i.test(String(e)) || attempt > 120) throw e;
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      }
    } finally {
      await other.close();
    }
  }

  const page = () => session.page;
  const bar = () => page().getByRole('toolbar', { name: 'Selected photos' });
  const selectedNames = () => tileNames(page().locator('.tile--selected'));
  const mark = (selector: string, name: string) => page().evaluate(([selector, name]) => document.querySelector(selector)?.setAttribute('data-test-mark', name!), [selector, name] as const);
  const marked = (selector: string, name: string) => page().evaluate(([selector, name]) => document.querySelector(selector)?.getAttribute('data-test-mark') === name, [selector, name] as const);

  it("keeps the selected photos selected, and the bar with its open panel and focus, as another device's photos arrive", async () => {
    await page().goto(serve.url);
    await eventually(() => tileNames(page()), 90_000).toEqual(PHOTOS.map((name) => `${name}.jpg`));
    await page().getByRole('button', { name: 'Open p2.jpg' }).click({ modifiers: ['Control'] });
    await page().getByRole('button', { name: 'Open p4.jpg' }).click({ modifiers: ['Control'] });
    await eventually(() => bar().innerText()).toContain('2 photos selected');
    expect(await selectedNames()).toEqual(['p2.jpg', 'p4.jpg']);
    // The Export panel open, a folder half typed, the keyboard in it.
    await bar().getByRole('button', { name: 'Export…' }).click();
    const field = bar().getByRole('textbox', { name: 'Export folder' });
    await field.fill('/tmp/half-typed');
    await field.focus();
    await mark('.selection-bar', 'bar');
    await mark('.selection-bar input[aria-label="Export folder"]', 'field');

    // The other laptop adds a folder of newer photos: they go above the selected ones.
    const more = tempDir('shoebox-e2e-sel-refresh-more-');
    await writePhotos(more, ['n1', 'n2', 'n3'], '02');
    await otherDeviceIndexes(more);
    // Serve notices the other device's commit (it may come in more than one), and the grid
    // shows its photos on top.
    await eventually(() => tileNames(page(), 1), 90_000).toEqual([expect.stringMatching(/^n\d\.jpg$/)]);
    // Let a late refresh settle (status, counts) before reading what stayed.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await screenshot(page(), 'selection-refresh-01-after-commit');

    // The same photos, not those that now sit where they were.
    expect(await selectedNames()).toEqual(['p2.jpg', 'p4.jpg']);
    expect(await bar().innerText()).toContain('2 photos selected');
    expect(await marked('.selection-bar', 'bar')).toBe(true);
    expect(await marked('.selection-bar input[aria-label="Export folder"]', 'field')).toBe(true);
    expect(await field.inputValue()).toBe('/tmp/half-typed');
    expect(await page().evaluate(() => document.activeElement?.getAttribute('data-test-mark') ?? document.activeElement?.outerHTML.slice(0, 120))).toBe('field');
  });

  it('drops only the selected photo that went', async () => {
    // The serve's own watcher sees p4's file deleted: a 'photos-changed' of this device.
    fs.rmSync(path.join(photos, 'p4.jpg'));
    await eventually(() => tileNames(page()), 60_000).not.toContain('p4.jpg');
    await eventually(() => bar().innerText()).toContain('1 photo selected');
    expect(await selectedNames()).toEqual(['p2.jpg']);
    expect(await marked('.selection-bar', 'bar')).toBe(true);
    await page().getByRole('button', { name: 'Clear selection' }).click();
    await eventually(() => bar().count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(session.errors).toEqual([]);
  });
});
