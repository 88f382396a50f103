// Where the user is lives in the URL's hash, in the browser over `shoebox serve`: a reload
// comes back to the same folder, album, tag review, search and Settings section; Back and
// Forward walk the screens visited (a search typed is one entry, not one per letter); a hash
// that names nothing, or an album gone since, lands on All photos without an error; a label
// set with changes not saved asks before it is left (in the page, and the browser's own
// question on a reload). And Delete in an album's grid offers "Remove from album" first, with
// the focus: the photo leaves the album, not the library (its file stays). Real photos from
// ../shared/photos/imagenet.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';
import { hasChromium, screenshot } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const MAIN = ['n01440764_tench.JPEG', 'n01530575_brambling.JPEG', 'n01558993_robin.JPEG', 'n01641577_bullfrog.JPEG'];
const OTHER = ['n01667114_mud_turtle.JPEG', 'n01682714_American_chameleon.JPEG'];

describe.skipIf(!hasChromium || !sharedAvailable('photos', 'imagenet'))('the screen in the URL, and Delete in an album', () => {
  /** Serve's environment: a trash folder of the test's own, set before serve starts. */
  const env: NodeJS.ProcessEnv = {};
  const lib = useLibrarySession(
    'url-routing',
    async (photos) => {
      env.SHOEBOX_TRASH_DIR = tempDir('shoebox-e2e-url-routing-trash-');
      for (const name of MAIN) fs.copyFileSync(sharedPath('photos', 'imagenet', name), path.join(photos, name));
    },
    { env },
  );
  // A second library folder, so that a folder's timeline is not the whole library's.
  const other = tempDir('shoebox-e2e-url-routing-other-');
  const api = (method: string, ...args: unknown[]): Promise<unknown> => lib.serve.call(method, ...args);

  beforeAll(async () => {
    for (const name of OTHER) fs.copyFileSync(sharedPath('photos', 'imagenet', name), path.join(other, name));
    await api('addFolder', other);
    await api('saveAlbum', { name: 'Everything', query: 'a photo', threshold: -1 });
    await api('saveLabelSet', { name: 'animals', labels: ['fish', 'bird'] });
  });

  const page = () => lib.page;
  const hash = () => lib.page.evaluate(() => location.hash);
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const title = () => lib.page.locator('main h1, main h2').first().innerText();
  const tiles = async () => (await tileNames(lib.page)).length;
  const members = async () => Number((await lib.page.locator('.album-header__meta').innerText()).match(/(\d+) photos?\b/)?.[1]);
  const focused = () =>
    lib.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return 'BODY';
      return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim();
    });
  const reload = async () => {
    await page().reload();
    await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
  };

  it('a reload keeps the folder, the album, the tag review, the search and the Settings section', async () => {
    await page().goto(lib.serve.url);
    await eventually(tiles, 60_000).toBe(MAIN.length + OTHER.length);
    expect(await hash()).toBe('#/');

    await sidebar().locator(`[data-folder="${other}"]`).click();
    await eventually(hash).toBe(`#/folder/${encodeURIComponent(other)}`);
    await eventually(tiles).toBe(OTHER.length);
    await reload();
    await eventually(tiles).toBe(OTHER.length);
    expect(await title()).toBe(path.basename(other));
    expect(await sidebar().locator(`[data-folder="${other}"]`).getAttribute('aria-pressed')).toBe('true');
    // Only the hash: the page's path and query are its own (under serve, the token's).
    expect(await page().evaluate(() => location.pathname + location.search)).toBe('/');

    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(hash).toBe('#/album/Everything');
    await reload();
    await eventually(title).toBe('Everything');
    await eventually(members, 30_000).toBe(MAIN.length + OTHER.length);

    await sidebar().getByRole('button', { name: 'Review tags of animals' }).click();
    await eventually(hash).toBe('#/tags/animals');
    await reload();
    await eventually(title).toBe('Review “animals”');

    await page().getByRole('searchbox').fill('a fish');
    await eventually(hash).toBe('#/search/a%20fish');
    await reload();
    await eventually(title).toBe('Results for “a fish”');
    expect(await page().getByRole('searchbox').inputValue()).toBe('a fish');

    // Settings over the search, scrolled to its Library section.
    await page().getByRole('button', { name: 'Settings', exact: true }).click();
    const settings = page().getByRole('dialog', { name: 'Settings' });
    await eventually(() => settings.isVisible()).toBe(true);
    await eventually(hash).toBe('#/search/a%20fish?settings');
    await eventually(() => settings.getByText('In use:').isVisible()).toBe(true);
    await settings.locator('section[aria-labelledby="settings-library-title"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await eventually(hash).toBe('#/search/a%20fish?settings=library');
    await reload();
    await eventually(() => settings.isVisible()).toBe(true);
    // The Library section is at the panel's top, and stays there as the models above it load.
    const offset = () =>
      settings.evaluate((panel) => {
        const section = panel.querySelector('section[aria-labelledby="settings-library-title"]')!;
        return Math.round(section.getBoundingClientRect().top - panel.getBoundingClientRect().top);
      });
    await eventually(offset).toBe(0);
    await eventually(() => settings.getByText('In use:').isVisible()).toBe(true);
    await page().waitForTimeout(500);
    expect(await offset()).toBe(0);
    await screenshot(page(), 'url-routing-settings-library');
    await settings.getByRole('button', { name: 'Close settings' }).click();
    await eventually(hash).toBe('#/search/a%20fish');
    expect(await title()).toBe('Results for “a fish”');
  });

  it('Back and Forward walk the screens visited; a search typed is one entry', async () => {
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(hash).toBe('#/');
    await sidebar().locator(`[data-folder="${other}"]`).click();
    await eventually(tiles).toBe(OTHER.length);
    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(title).toBe('Everything');
    // Settings, a dialog over the screen, is no entry of its own.
    await page().keyboard.press(',');
    await eventually(hash).toBe('#/album/Everything?settings');
    await page().keyboard.press('Escape');
    await eventually(hash).toBe('#/album/Everything');
    // Letter by letter, each after the typing pause: the results follow, in one entry.
    const box = page().getByRole('searchbox');
    await box.fill('');
    await box.pressSequentially('bird', { delay: 400 });
    await eventually(hash).toBe('#/search/bird');
    await eventually(title).toBe('Results for “bird”');

    await page().goBack();
    await eventually(hash).toBe('#/album/Everything');
    await eventually(title).toBe('Everything');
    expect(await box.inputValue()).toBe('');
    expect(await page().getByRole('dialog', { name: 'Settings' }).count()).toBe(0);
    await page().goBack();
    await eventually(hash).toBe(`#/folder/${encodeURIComponent(other)}`);
    await eventually(title).toBe(path.basename(other));
    await eventually(tiles).toBe(OTHER.length);
    await page().goBack();
    await eventually(hash).toBe('#/');
    await eventually(title).toBe('All photos');
    await eventually(tiles).toBe(MAIN.length + OTHER.length);

    await page().goForward();
    await eventually(title).toBe(path.basename(other));
    await page().goForward();
    await eventually(title).toBe('Everything');
    await page().goForward();
    await eventually(title).toBe('Results for “bird”');
    expect(await box.inputValue()).toBe('bird');
    expect(await hash()).toBe('#/search/bird');
  });

  it('a hash that names nothing, or an album gone since, lands on All photos without an error', async () => {
    for (const bad of ['#/nonsense/%E0%A4%A', '#garbage', '#/album/Gone', '#/label-set/Gone?settings=library', `#/folder/${encodeURIComponent('/not/a/library/folder')}`]) {
      await page().goto(`${lib.serve.url}${bad}`);
      await eventually(() => sidebar().isVisible(), 30_000).toBe(true);
      await eventually(hash).toBe('#/');
      await eventually(title).toBe('All photos');
      await eventually(tiles).toBe(MAIN.length + OTHER.length);
      expect(await page().getByRole('alert').count()).toBe(0);
      expect(await page().getByRole('dialog').count()).toBe(0);
    }
  });

  it('Delete in an album offers Remove from album, focused: the photo leaves the album, not the library', async () => {
    const name = MAIN[0]!;
    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(members, 30_000).toBe(MAIN.length + OTHER.length);
    const grid = page().getByRole('region', { name: 'Photos in Everything' });
    await grid.getByRole('button', { name: `Open ${name}` }).click({ modifiers: ['ControlOrMeta'] });
    const bar = page().getByRole('toolbar', { name: 'Selected photos' });
    await eventually(() => bar.innerText()).toContain('1 photo selected');
    await page().keyboard.press('Delete');
    const dialog = page().getByRole('dialog', { name: 'Remove 1 photo from “Everything”?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toMatch(/its file stays where it is, and the library keeps it/);
    expect(await dialog.getByRole('button', { name: 'Move to trash instead…' }).isVisible()).toBe(true);
    await eventually(focused).toBe('Remove from album');
    await screenshot(page(), 'url-routing-album-remove');
    await page().keyboard.press('Enter');

    await eventually(members).toBe(MAIN.length + OTHER.length - 1);
    await eventually(() => grid.getByRole('button', { name: `Open ${name}` }).count()).toBe(0);
    const line = page().getByRole('status').filter({ hasText: `Removed 1 photo from “Everything”.` });
    await eventually(() => line.isVisible()).toBe(true);
    expect(await line.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
    expect(await page().getByRole('button', { name: 'Excluded (1)' }).isVisible()).toBe(true);
    // Its file is where it was, and the library still has it.
    expect(fs.existsSync(path.join(lib.photos, name))).toBe(true);
    const listed = (await api('listPhotos')) as { photos: { path: string }[] };
    expect(listed.photos.map((p) => path.basename(p.path))).toContain(name);
    expect(fs.readdirSync(env.SHOEBOX_TRASH_DIR!)).toEqual([]);

    // The trash is still offered, second, and asks again with its own confirmation.
    const second = OTHER[0]!;
    await grid.getByRole('button', { name: `Open ${second}` }).click({ modifiers: ['ControlOrMeta'] });
    await eventually(() => bar.innerText()).toContain('1 photo selected');
    await bar.getByRole('button', { name: 'Remove…' }).click();
    await eventually(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Move to trash instead…' }).click();
    const trash = page().getByRole('dialog', { name: 'Move 1 photo to the trash?' });
    await eventually(() => trash.isVisible()).toBe(true);
    await eventually(focused).toBe('Cancel');
    await page().keyboard.press('Escape');
    await eventually(() => trash.count()).toBe(0);
    expect(fs.existsSync(path.join(other, second))).toBe(true);
    await eventually(focused).toBe('Remove…');

    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    await eventually(tiles).toBe(MAIN.length + OTHER.length);
    expect(await tileNames(page())).toContain(name);
  });

  it('a label set with changes not saved asks before it is left', async () => {
    await sidebar().getByRole('button', { name: 'Edit label set animals' }).click();
    await eventually(hash).toBe('#/label-set/animals');
    const threshold = page().getByRole('spinbutton', { name: /Threshold/ });
    const saved = await threshold.inputValue();
    await threshold.fill('0.5');

    // In the page: asked, "Keep editing" has the focus; Esc keeps editing.
    await sidebar().getByRole('button', { name: /^All photos/ }).click();
    const ask = page().getByRole('alertdialog', { name: 'Leave without saving?' });
    await eventually(() => ask.isVisible()).toBe(true);
    expect(await ask.innerText()).toContain('Your changes to the label set “animals” are not saved');
    await eventually(focused).toBe('Keep editing');
    await page().keyboard.press('Escape');
    await eventually(() => ask.count()).toBe(0);
    expect(await threshold.inputValue()).toBe('0.5');
    expect(await hash()).toBe('#/label-set/animals');

    // Back: asked too, and the page stays until the answer.
    await page().goBack();
    await eventually(() => ask.isVisible()).toBe(true);
    // (The page asks as the Back lands, then goes forward again: that move takes its time.)
    await eventually(hash).toBe('#/label-set/animals');
    expect(await ask.isVisible()).toBe(true);
    expect(await threshold.inputValue()).toBe('0.5');
    await ask.getByRole('button', { name: 'Leave without saving' }).click();
    await eventually(title).toBe('All photos');
    await eventually(hash).toBe('#/');

    // A reload: the browser's own question.
    await page().goForward();
    await eventually(hash).toBe('#/label-set/animals');
    await eventually(() => threshold.inputValue()).toBe(saved);
    await threshold.fill('0.6');
    let asked = '';
    page().once('dialog', (dialog) => {
      asked = dialog.type();
      void dialog.accept();
    });
    await reload();
    expect(asked).toBe('beforeunload');
    await eventually(() => threshold.inputValue()).toBe(saved);
    expect(await hash()).toBe('#/label-set/animals');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
