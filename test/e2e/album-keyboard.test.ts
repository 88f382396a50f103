// A smart album by keyboard and screen reader, in the browser over `shoebox serve`: the
// viewer's album actions are inside its dialog (Tab reaches them), an exclusion made there is
// said with Undo in a line that outlives the viewer's move to the next photo, the focus never
// falls to the page after Exclude, Put back, Edit, Esc, "Delete album…" and Delete, the
// excluded photos are named, the zoom level is named by the level it shows, and the timeline
// keeps its headings out of lists.
import { describe, expect, it } from 'vitest';
import { COLOURS, writeColourPhoto } from '../helpers/images';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('a smart album by keyboard', () => {
  const lib = useLibrarySession('album-keys', async (photos) => {
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    await writeColourPhoto(photos, 'crimson.jpg', [200, 25, 40]);
  });
  /** The focused element, as a test reads it: its accessible label or its text. */
  const focused = () => lib.page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'BODY';
    return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText.trim();
  });
  const sidebar = () => lib.page.getByRole('navigation', { name: 'Library' });
  const grid = () => lib.page.getByRole('region', { name: 'Photos in Everything' });
  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const members = async () => Number((await lib.page.locator('.album-header__meta').innerText()).match(/(\d+) photos?\b/)?.[1]);

  it('the timeline has no heading inside a list', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(async () => (await tileNames(lib.page)).length, 60_000).toBe(5);
    // A heading inside a list must sit in one of its items (a list holds items only).
    const misplaced = () =>
      lib.page.evaluate(
        () =>
          [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].filter((heading) => {
            const list = heading.closest('[role="list"], ul, ol');
            const item = heading.closest('li, [role="listitem"]');
            return list !== null && (item === null || !list.contains(item));
          }).length,
      );
    expect(await lib.page.locator('.timeline__day-label').count()).toBeGreaterThan(0);
    expect(await misplaced()).toBe(0);
    // The tiles are still items of a list.
    expect(await lib.page.locator('.grid').first().getByRole('list').getByRole('listitem').count()).toBe(5);
  });

  it('opens the album; the viewer holds its album actions, and Tab reaches them', async () => {
    await lib.serve.call('saveAlbum', { name: 'Everything', query: 'red', threshold: -1 });
    await lib.page.reload();
    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(members, 30_000).toBe(5);
    // Opened from the sidebar, the focus stays on its button (only a focus lost moves to the title).
    expect(await focused()).toMatch(/^Everything/);
    await grid().getByRole('button', { name: 'Open red.jpg' }).click();
    await eventually(() => viewer().locator('.viewer__title').innerText()).toBe('red.jpg');
    expect(await viewer().getByRole('toolbar', { name: 'Album Everything' }).count()).toBe(1);
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await lib.page.keyboard.press('Tab');
      reached = (await focused()) === 'Exclude from album';
    }
    expect(reached).toBe(true);
  });

  it('Exclude keeps the focus on Exclude for the next photo, and says so with Undo after the move', async () => {
    await lib.page.keyboard.press('Enter');
    await eventually(() => viewer().locator('.viewer__title').innerText()).not.toBe('red.jpg');
    const line = viewer().getByRole('status').filter({ hasText: 'Excluded red.jpg from “Everything”.' });
    await eventually(() => line.isVisible()).toBe(true);
    await eventually(focused).toBe('Exclude from album');
    // Stepping on keeps the line.
    await lib.page.keyboard.press('ArrowRight');
    await lib.page.waitForTimeout(300);
    expect(await line.isVisible()).toBe(true);
    const shown = await viewer().locator('.viewer__title').innerText();
    await line.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => viewer().getByRole('status').filter({ hasText: 'Put red.jpg back in “Everything”.' }).isVisible()).toBe(true);
    // The photo back in the list comes before the one on screen, which stays on screen.
    await eventually(members).toBe(5);
    await lib.page.waitForTimeout(300);
    expect(await viewer().locator('.viewer__title').innerText()).toBe(shown);
    await eventually(focused).not.toBe('BODY');
    await lib.page.keyboard.press('Escape');
    await eventually(members).toBe(5);
  });

  it('closing the viewer after an exclusion gives the focus to a tile, not to the line’s Undo', async () => {
    await grid().getByRole('button', { name: 'Open blue.jpg' }).click();
    await eventually(() => viewer().locator('.viewer__title').innerText()).toBe('blue.jpg');
    await viewer().getByRole('button', { name: 'Exclude from album' }).click();
    await eventually(members).toBe(4);
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
    await eventually(focused).toMatch(/^Open /);
    await lib.page.waitForTimeout(500);
    expect(await focused()).toMatch(/^Open /);
    // The line is there, with its Undo, for whoever wants it.
    await lib.page.getByRole('status').filter({ hasText: 'Excluded blue.jpg' }).getByRole('button', { name: 'Undo' }).click();
    await eventually(members).toBe(5);
  });

  it('the zoom level is named by the level it shows', async () => {
    await grid().getByRole('button', { name: 'Open blue.jpg' }).click();
    await eventually(() => viewer().locator('.viewer__title').innerText()).toBe('blue.jpg');
    const level = viewer().getByRole('group', { name: 'Zoom' }).getByRole('status');
    await lib.page.keyboard.press('+');
    await eventually(() => level.innerText()).not.toBe('');
    const shown = await level.innerText();
    expect(await viewer().getByRole('status', { name: `Zoom level ${shown}` }).count()).toBe(1);
    await lib.page.keyboard.press('Escape');
  });

  it('names each excluded photo, and Put back gives the focus to the next one (then the panel button)', async () => {
    const photos = (await lib.serve.call('listPhotos')) as { photos: { id: string; path: string }[] };
    const id = (name: string) => photos.photos.find((p) => p.path.endsWith(`/${name}`))!.id;
    for (const name of ['green.jpg', 'yellow.jpg']) await lib.serve.call('setAlbumMembership', 'Everything', id(name), 'excluded');
    await lib.page.reload();
    await sidebar().getByRole('button', { name: /^Everything/ }).click();
    await eventually(members, 30_000).toBe(3);
    await lib.page.getByRole('button', { name: /^Excluded \(2\)/ }).click();
    const panel = lib.page.getByRole('region', { name: 'Excluded photos' });
    await eventually(() => panel.getByRole('img', { name: 'green.jpg' }).count()).toBe(1);
    expect(await panel.getByRole('img', { name: 'yellow.jpg' }).count()).toBe(1);
    const first = (await panel.getByRole('img').first().getAttribute('alt'))!;
    const second = first === 'green.jpg' ? 'yellow.jpg' : 'green.jpg';
    await panel.getByRole('button', { name: `Put back ${first}` }).click();
    await eventually(() => panel.getByRole('img').count()).toBe(1);
    await eventually(focused).toBe(`Put back ${second}`);
    await lib.page.keyboard.press('Enter');
    await eventually(() => panel.innerText()).toMatch(/None/);
    await eventually(focused).toBe('Excluded (0)');
    await eventually(members).toBe(5);
  });

  it('the selection bar’s Exclude from album leaves the focus on the line’s Undo', async () => {
    await grid().getByRole('button', { name: 'Open crimson.jpg' }).click({ modifiers: ['Control'] });
    const bar = lib.page.getByRole('toolbar', { name: 'Selected photos' });
    await bar.getByRole('button', { name: 'Album…' }).click();
    await eventually(() => bar.getByLabel('Album', { exact: true }).locator('option').count()).toBe(2);
    await bar.getByLabel('Album', { exact: true }).selectOption('Everything');
    await bar.getByRole('button', { name: 'Exclude from album' }).click();
    await eventually(members).toBe(4);
    await eventually(focused).toBe('Undo');
    await lib.page.keyboard.press('Enter');
    await eventually(members).toBe(5);
    await eventually(() => lib.page.getByRole('status').filter({ hasText: 'Put 1 photo back in “Everything”.' }).isVisible()).toBe(true);
    await eventually(focused).not.toBe('BODY');
  });

  it('Edit focuses the name; Esc leaves the editor for the album’s title', async () => {
    await lib.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = lib.page.getByRole('form', { name: 'Edit album Everything' });
    await eventually(() => editor.isVisible()).toBe(true);
    await eventually(() => lib.page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('Everything');
    await lib.page.keyboard.press('Escape');
    await eventually(() => editor.count()).toBe(0);
    await eventually(focused).toBe('Everything');
    expect(await lib.page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    // With a change made, Esc (which also clears a field) does not throw the change away.
    await lib.page.getByRole('button', { name: 'Edit', exact: true }).click();
    await eventually(() => editor.isVisible()).toBe(true);
    await editor.getByPlaceholder('beach at sunset - people').fill('red and more');
    await lib.page.keyboard.press('Escape');
    await lib.page.waitForTimeout(300);
    expect(await editor.isVisible()).toBe(true);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => editor.count()).toBe(0);
  });

  it('"Delete album…" asks in an alertdialog on "Keep it"; Esc cancels back to it; Delete leaves the focus on the sidebar', async () => {
    await lib.page.getByRole('button', { name: 'Edit', exact: true }).click();
    const editor = lib.page.getByRole('form', { name: 'Edit album Everything' });
    await eventually(() => editor.isVisible()).toBe(true);
    await editor.getByRole('button', { name: 'Delete album…' }).click();
    const confirm = editor.getByRole('alertdialog', { name: 'Confirm deletion' });
    await eventually(() => confirm.isVisible()).toBe(true);
    expect(await confirm.innerText()).toMatch(/Delete “Everything”\? The photos stay where they are/);
    await eventually(focused).toBe('Keep it');
    await lib.page.keyboard.press('Escape');
    await eventually(() => confirm.count()).toBe(0);
    // Only the confirmation closed, not the editor.
    expect(await editor.isVisible()).toBe(true);
    await eventually(focused).toBe('Delete album…');
    await lib.page.keyboard.press('Enter');
    await eventually(focused).toBe('Keep it');
    await lib.page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Delete');
    await lib.page.keyboard.press('Enter');
    await eventually(() => sidebar().getByRole('button', { name: /^Everything/ }).count()).toBe(0);
    await eventually(focused).not.toBe('BODY');
    expect(await lib.page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe('Library');
  });

  it('raised no console errors', () => {
    expect(lib.errors).toEqual([]);
  });
});
