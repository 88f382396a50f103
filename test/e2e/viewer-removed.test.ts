// The photo open in the viewer is deleted on disk (the folder watcher drops it from the
// library), in the browser over `shoebox serve`: the viewer says so instead of silently
// showing the photo that took its place, F and Shift+A then mark nothing, and → goes on to
// that next photo, which F marks as usual. The list read again later (another change to the
// library) leaves the removed photo named: never the next one, not even for a moment.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('the viewer\'s photo removed from the library', () => {
  const lib = useLibrarySession('viewer-removed', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
  });
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const marked = async (what: 'favourite' | 'archived') => ((await lib.serve.call('timeline', { [what]: true })) as { photos: { path: string }[] }).photos.map((p) => path.basename(p.path));

  it('says the photo was removed, acts on no other photo, and → goes on to the next', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(4);
    const names = await tileNames(lib.page);
    const [first, shown, next] = names as [string, string, string];
    await lib.page.getByRole('button', { name: `Open ${shown}` }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${shown}`);

    fs.rmSync(path.join(lib.photos, shown));
    const said = viewer().getByRole('alert').filter({ hasText: 'This photo was removed from the library' });
    await eventually(() => said.innerText(), 30_000).toContain(shown);
    // Not the photo that took its place.
    expect(await viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${shown} (removed)`);
    expect(await viewer().locator('img.viewer__image').count()).toBe(0);
    expect(await viewer().getByRole('button', { name: 'Favourite', exact: true }).isDisabled()).toBe(true);
    await lib.page.keyboard.press('f');
    await lib.page.keyboard.press('Shift+A');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await marked('favourite')).toEqual([]);
    expect(await marked('archived')).toEqual([]);
    // Still said, after more changes to the library.
    expect(await said.isVisible()).toBe(true);

    // The list is read again (a change made elsewhere: another photo favourited): the viewer
    // goes on naming the removed photo, never the one now at its place, not even while the
    // list is fetched again (every name the dialog takes meanwhile is noted).
    await viewer().evaluate((dialog) => {
      const seen: string[] = [];
      (window as unknown as { viewerNames: string[] }).viewerNames = seen;
      const note = () => seen.push(`${dialog.getAttribute('aria-label')} | ${dialog.querySelector('.viewer__title')?.textContent} | ${dialog.querySelector('.viewer__position')?.textContent}`);
      new MutationObserver(note).observe(dialog, { attributes: true, childList: true, characterData: true, subtree: true });
    });
    const firstId = ((await lib.serve.call('timeline', {})) as { photos: { id: string; path: string }[] }).photos.find((p) => path.basename(p.path) === first)!.id;
    const firstHeart = lib.page.locator('.tile', { has: lib.page.getByRole('button', { name: `Open ${first}`, exact: true }) }).locator('.tile__favourite');
    await lib.serve.call('setFavourites', [firstId], true);
    await eventually(() => firstHeart.count()).toBe(1);
    await lib.serve.call('setFavourites', [firstId], false);
    await eventually(() => firstHeart.count()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${shown} (removed)`);
    expect(await viewer().locator('.viewer__title').innerText()).toBe(`${shown} (removed)`);
    expect(await said.innerText()).toContain(shown);
    expect(await said.innerText()).not.toContain(next);
    const namesSeen = await lib.page.evaluate(() => (window as unknown as { viewerNames: string[] }).viewerNames);
    expect(namesSeen.filter((line) => line.includes(next))).toEqual([]);
    expect(await viewer().locator('.viewer__position').innerText()).toBe('– of 3');
    expect(await marked('favourite')).toEqual([]);

    await lib.page.keyboard.press('ArrowRight');
    await eventually(() => viewer().getAttribute('aria-label')).toBe(`Photo viewer: ${next}`);
    expect(await said.count()).toBe(0);
    await lib.page.keyboard.press('f');
    await eventually(() => marked('favourite')).toEqual([next]);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  });

  it('raised no console errors but the deleted file\'s 404', () => {
    // The page asked for the deleted file's image before the library had dropped it.
    expect(lib.errors.filter((error) => !/status of 404/.test(error))).toEqual([]);
    expect(lib.errors.length).toBeLessThanOrEqual(1);
  });
});
