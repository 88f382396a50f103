// A library another process writes (`shoebox watch` on the family's GPU box, the app on
// another laptop), opened in the app over `shoebox serve` with a home of its own and a model:
// a real `shoebox watch` child holds the library's writer lease. The page says who writes it,
// searches it (search box, "More like this", a smart album opens), and offers none of the
// controls that would change it; once the watch stops, the engine takes the library over by
// itself (its watcher tries every 10 s), the banner goes and a favourite can be set, without a
// restart. Real photos from ../shared/photos/imagenet. Screenshots:
// test-results/screenshots/writer-elsewhere-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';
import { startWatch } from './helpers/watch-process';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { tileNames, waitForThumbnails } from './helpers/tiles';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const PHOTOS = ['n01440764_tench.JPEG', 'n01530575_brambling.JPEG', 'n01558993_robin.JPEG', 'n01641577_bullfrog.JPEG', 'n01667114_mud_turtle.JPEG', 'n01682714_American_chameleon.JPEG'];

describe.skipIf(!hasChromium || !sharedAvailable('photos', 'imagenet'))('a library another process writes, in the browser', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let watch: Awaited<ReturnType<typeof startWatch>>;

  beforeAll(async () => {
    const photos = tempDir('shoebox-e2e-elsewhere-photos-');
    for (const name of PHOTOS) fs.copyFileSync(sharedPath('photos', 'imagenet', name), path.join(photos, name));
    const library = tempDir('shoebox-e2e-elsewhere-library-');
    const homeA = tempDir('shoebox-e2e-elsewhere-home-a-');
    // The other device indexes the library (and keeps a smart album in it)…
    const first = await createLibraryApi({ home: homeA, library, modelDir: fixtureModelDir(TINY_IMMICH), provider: 'cpu', watch: false, writerLock: 'on-write' });
    await first.indexNow([photos]);
    await first.saveAlbum({ name: 'Everything', query: 'a photo', threshold: -1 });
    await first.close();
    // …and goes on writing it.
    watch = await startWatch(homeA, library);
    const homeB = tempDir('shoebox-e2e-elsewhere-home-b-');
    session = await openUiSession(['--home', homeB, '--library', library, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ serve, page, errors } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await watch?.stop();
  });

  const banner = () => page.getByRole('region', { name: /^Search and view only/ });
  const sidebar = () => page.getByRole('navigation', { name: 'Library' });

  it('says who writes the library, and searches it', async () => {
    await page.goto(serve.url);
    await eventually(() => banner().isVisible()).toBe(true);
    const pid = watch.child.pid!;
    expect(await banner().getAttribute('aria-labelledby')).toBe('writer-elsewhere-title');
    expect(await page.locator('#writer-elsewhere-title').innerText()).toMatch(new RegExp(`^Search and view only: shoebox watch on \\S+ \\(pid ${pid}\\) is writing to this library\\.$`));
    expect(await banner().innerText()).toMatch(/Changes \(favourites, tags, albums, new folders…\) wait until it is done or quiet for a moment; this note then goes by itself, without a restart\./);
    // Not the no-model mode.
    expect(await page.getByRole('region', { name: /^Viewing only/ }).count()).toBe(0);
    await eventually(() => tileNames(page).then((names) => names.sort())).toEqual([...PHOTOS].sort());
    await waitForThumbnails(page);
    await screenshot(page, 'writer-elsewhere-01-library');

    // Search works: the box, its results, "More like this".
    const search = page.getByRole('searchbox');
    expect(await search.isDisabled()).toBe(false);
    expect(await search.getAttribute('placeholder')).not.toMatch(/needs a model/);
    await search.fill('a small bird');
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Results for “a small bird”' }).isVisible()).toBe(true);
    await eventually(() => tileNames(page).then((names) => names.length)).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^More like / }).count()).toBeGreaterThan(0);
    await screenshot(page, 'writer-elsewhere-02-search');
    await search.fill('');
    // All photos is back (the closest photos of the search were as many: the count alone cannot tell).
    await eventually(() => page.getByRole('heading', { level: 1, name: 'All photos' }).isVisible()).toBe(true);
    await eventually(() => tileNames(page).then((names) => names.length)).toBe(PHOTOS.length);
  });

  it('offers nothing that would change the library', async () => {
    // Folders are neither added, imported nor removed; duplicates (its screen is there to
    // change things) are not listed; label sets are, without their editing links (nothing to
    // edit, review or make); smart albums are, to be opened.
    expect(await sidebar().getByRole('button', { name: '+ Add' }).count()).toBe(0);
    expect(await sidebar().getByRole('button', { name: 'Import…' }).count()).toBe(0);
    expect(await sidebar().getByRole('button', { name: /^Remove .* from the library$/ }).count()).toBe(0);
    const labelSets = sidebar().getByRole('region', { name: 'Label sets' });
    expect(await labelSets.isVisible()).toBe(true);
    expect(await labelSets.getByRole('button', { name: 'New label set' }).count()).toBe(0);
    expect(await sidebar().getByRole('button', { name: /^Duplicates/ }).count()).toBe(0);
    const albums = sidebar().getByRole('region', { name: 'Albums', exact: true });
    expect(await albums.isVisible()).toBe(true);
    expect(await albums.getByRole('button', { name: 'New album' }).count()).toBe(0);

    // A selection offers what only reads its photos.
    await page.locator('.tile__open').first().click({ modifiers: ['Control'] });
    const bar = page.getByRole('toolbar', { name: 'Selected photos' });
    await eventually(() => bar.isVisible()).toBe(true);
    expect(await bar.getByRole('button', { name: 'Export…' }).isVisible()).toBe(true);
    expect(await bar.getByRole('button', { name: /^(Favourite|Unfavourite|Archive|Tag…|Album…|Date…|Place…|Trash…)$/ }).count()).toBe(0);
    // F (favourite the selection) does nothing either.
    await page.keyboard.press('f');
    // Esc clears the selection (a click could land while the other device's idle maintenance,
    // a commit 30 s after its catch-up, has the page read its list again).
    await page.keyboard.press('Escape');
    await eventually(() => bar.isVisible()).toBe(false);

    // The viewer shows whether the photo is a favourite, and finds look-alikes.
    await page.locator('.tile__open').first().click();
    const viewer = page.getByRole('dialog');
    await eventually(() => viewer.locator('img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const heart = viewer.getByRole('button', { name: 'Favourite' });
    expect(await heart.isDisabled()).toBe(true);
    await page.keyboard.press('f');
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    expect(await viewer.getByRole('button', { name: 'Archive' }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Rotate/ }).count()).toBe(0);
    expect(await viewer.getByRole('button', { name: 'More like this' }).isVisible()).toBe(true);
    await screenshot(page, 'writer-elsewhere-03-viewer');
    await page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);

    // A smart album opens, to look at and export, not to edit.
    await albums.getByRole('button', { name: /^Everything/ }).click();
    await eventually(() => page.getByRole('heading', { level: 1, name: 'Everything' }).isVisible()).toBe(true);
    await eventually(() => tileNames(page).then((names) => names.length)).toBe(PHOTOS.length);
    expect(await page.getByRole('button', { name: 'Export…' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Excluded/ }).count()).toBe(0);
    await sidebar().getByRole('button', { name: /^All photos/ }).click();

    // Nothing was changed meanwhile.
    expect(await serve.call('timeline', { favourite: true })).toMatchObject({ photos: [] });
  });

  it('takes the library over by itself once the other writer stops: the banner goes and a favourite can be set', async () => {
    // Until then the page says that the library is only searched and viewed here.
    expect(await banner().isVisible()).toBe(true);
    expect(await watch.stop()).toBe(0);
    await eventually(() => banner().count(), 30_000).toBe(0);
    expect(await sidebar().getByRole('button', { name: '+ Add' }).isVisible()).toBe(true);
    expect(await sidebar().getByRole('region', { name: 'Label sets' }).isVisible()).toBe(true);
    await page.locator('.tile__open').first().click();
    const viewer = page.getByRole('dialog');
    const heart = viewer.getByRole('button', { name: 'Favourite' });
    await eventually(() => heart.isDisabled()).toBe(false);
    await heart.click();
    await eventually(() => heart.getAttribute('aria-pressed')).toBe('true');
    await eventually(() => serve.call('timeline', { favourite: true }).then((page) => (page as { photos: unknown[] }).photos.length)).toBe(1);
    expect(await viewer.getByRole('alert').count()).toBe(0);
    await screenshot(page, 'writer-elsewhere-04-taken-over');
    await page.keyboard.press('Escape');
    await eventually(() => sidebar().getByRole('button', { name: /^Favourites/ }).innerText()).toMatch(/^Favourites\s*1$/);
    expect(errors).toEqual([]);
  });
});
