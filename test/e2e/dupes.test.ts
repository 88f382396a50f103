// The duplicates review end to end: `shoebox serve` (tiny fixture model, SHOEBOX_TRASH_DIR
// pointing at a temp folder so no real trash is touched) driven in Debian's Chromium. A few
// photos plus an exact copy and a resized re-encoded copy of one, and 26 more pictures with a
// copy each, so the review has two pages (25 groups a page): the holiday group shows first
// with the full-size original as keeper (not its byte copy "holiday copy.jpg", which sorts
// first), choices hold across pages, nothing moves when the confirmation is cancelled, and
// after confirming (by keyboard) exactly the copies of the groups on the pages looked at are
// in the trash folder, with the copy's own XMP sidecar, and the originals are untouched.
// Then "Not duplicates" on the group left (with Undo after) is remembered across a rescan, and
// a reload shows the Look for boxes as the last scan's kinds.
// Screenshots: test-results/screenshots/dupes-*.png.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelManager } from '../../src/core/models/model-manager';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

const run = promisify(execFile);

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('duplicates review in a browser, over shoebox serve', () => {
  let session: UiSession;
  let home: string;
  let photos: string;
  let trashDir: string;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let original: Buffer;
  const file = (name: string) => path.join(photos, name);
  // "holiday copy" sorts before "holiday.": the byte-identical copy ties with the original on
  // every measure of the picture, and the original is the one a person expects to keep.
  const copies = ['holiday copy.jpg', 'holiday_small.jpg'];
  /** Pictures shot twice (an exact copy each): groups 2-27 of the review, in this order. */
  const pics = Array.from({ length: 26 }, (_, i) => `pic-${String(i).padStart(2, '0')}`);
  const groupOf = (name: string) => page.getByRole('listitem', { name: `${name} and its duplicates` });
  const trashButton = () => page.getByRole('button', { name: /^Move [\d,]+ photos? to trash$/ });
  const focusedText = () => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : document.activeElement?.textContent));
  const summary = () => page.locator('.dupes__summary').innerText();

  beforeAll(async () => {
    home = tempDir('shoebox-e2e-dupes-home-');
    photos = tempDir('shoebox-e2e-dupes-photos-');
    trashDir = tempDir('shoebox-e2e-dupes-trash-');
    for (const seed of [11, 12, 13]) fs.writeFileSync(file(`scene-${seed}.jpg`), await sceneJpeg(seed, 960, 720));
    original = await sceneJpeg(7, 960, 720);
    fs.writeFileSync(file('holiday.jpg'), original);
    fs.writeFileSync(file('holiday copy.jpg'), original);
    fs.writeFileSync(file('holiday copy.jpg.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    fs.writeFileSync(file('holiday.jpg.xmp'), '<x:xmpmeta xmlns:x="adobe:ns:meta/"/>');
    await sharp(original).resize({ width: 480 }).jpeg({ quality: 70 }).toFile(file('holiday_small.jpg'));
    for (const [i, name] of pics.entries()) {
      const jpeg = await sceneJpeg(200 + i, 320, 240);
      fs.writeFileSync(file(`${name}.jpg`), jpeg);
      fs.writeFileSync(file(`${name}_copy.jpg`), jpeg);
    }

    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
    await run(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'index', photos], { cwd: REPO_ROOT });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve'], { env: { SHOEBOX_TRASH_DIR: trashDir } });
    ({ serve, page, errors } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    for (const dir of [home, photos, trashDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the copies, shows them 25 groups a page, and marks the full-size original as the one to keep', async () => {
    await page.goto(serve.url);
    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await eventually(() => page.getByRole('heading', { name: 'Duplicates', exact: true }).isVisible()).toBe(true);
    await eventually(() => page.getByText('No scan yet').isVisible()).toBe(true);
    // Exact and near by default; similar is opt-in.
    expect(await page.getByRole('checkbox', { name: 'Exact copies' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Edited versions' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Similar shots/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Find duplicates' }).click();

    const group = groupOf('holiday.jpg');
    await eventually(() => group.isVisible()).toBe(true);
    const groups = page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem');
    await eventually(() => groups.count()).toBe(25);
    const pages = page.getByRole('navigation', { name: 'Pages of groups', exact: true });
    expect(await pages.innerText()).toMatch(/Groups 1–25 of 27[\s\S]*Page 1 of 2/);
    // The headline counts what the Move button moves, out of what the whole report could free.
    // What is marked counts the pages looked at, noted in an effect after the page renders (notePage).
    await eventually(summary).toMatch(/^27 groups, 26 of 28 photos marked to go/);
    // The holiday picture first, then the others in order; the last two wait on page 2.
    expect(await groups.first().getAttribute('aria-label')).toBe('holiday.jpg and its duplicates');
    expect(await groups.last().getAttribute('aria-label')).toBe('pic-23.jpg and its duplicates');
    expect(await group.getByRole('radio').count()).toBe(3);
    expect(await group.getByRole('radio', { name: 'Keep holiday.jpg' }).isChecked()).toBe(true);
    await eventually(() => group.locator('.dupe--keep').innerText()).toMatch(/Keep[\s\S]*holiday\.jpg[\s\S]*960 × 720/);
    for (const name of copies) expect(await group.getByRole('radio', { name: `Keep ${name}` }).isChecked()).toBe(false);
    await eventually(() => group.locator('.dupe--trash').count()).toBe(2);
    // Why that one: ahead of the small version by its pixels, of the byte copy by its name.
    expect(await group.locator('.dupe__why').allInnerTexts()).toEqual(['Suggested: more pixels; not named like a copy']);
    expect(await group.locator('.dupe--keep .dupe__why').count()).toBe(1);
    // Only what was looked at can go: page 1's 25 groups, 26 photos.
    await eventually(() => trashButton().innerText()).toBe('Move 26 photos to trash');
    expect(await page.locator('.dupes__coverage').innerText()).toBe('Moving covers the 25 groups you have looked at; 2 groups on other pages stay until you open them.');
    await eventually(() => page.getByRole('button', { name: /^Duplicates/ }).innerText()).toMatch(/27$/);
    await waitForThumbnails(page);
    await screenshot(page, 'dupes-01-groups');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, 'dupes-02-groups-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Another keeper can be chosen, and a group skipped; back to the suggestion afterwards.
    await group.getByRole('radio', { name: 'Keep holiday_small.jpg' }).check();
    await eventually(() => group.locator('.dupe--keep').innerText()).toContain('holiday_small.jpg');
    expect((await group.locator('.dupe--trash').allInnerTexts()).join('\n')).toMatch(/holiday\.jpg/);
    await group.getByRole('checkbox', { name: 'Skip this group' }).check();
    await eventually(() => trashButton().innerText()).toBe('Move 24 photos to trash');
    expect(await summary()).toMatch(/^27 groups, 24 of 28 photos marked to go/);
    // Why fewer than "could go": the line under the summary says.
    expect(await page.locator('.dupes__coverage').innerText()).toBe('Moving covers the 25 groups you have looked at, less the 1 group you skipped; 2 groups on other pages stay until you open them.');
    await group.getByRole('checkbox', { name: 'Skip this group' }).uncheck();
    await group.getByRole('radio', { name: 'Keep holiday.jpg' }).check();
    await eventually(() => group.locator('.dupe--keep').innerText()).toContain('holiday.jpg');
    await eventually(() => trashButton().innerText()).toBe('Move 26 photos to trash');
  });

  it('asks before moving anything, says how many photos from how many groups, and cancelling moves nothing', async () => {
    await trashButton().click();
    const dialog = page.getByRole('dialog', { name: 'Move 26 photos from 25 groups to the trash?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(text).toMatch(/26 photos \([\d.]+ KB\) from the 25 groups you have looked at/);
    expect(text).toMatch(/system trash, where you can restore them/);
    expect(text).toMatch(/The 2 groups on pages you have not opened stay as they are/);
    expect(text).toContain('Their favourites, descriptions, tags you accepted or rejected and places in albums pass to the photo kept in their group (where it has its own, it keeps its own); being archived does not.');
    for (const name of copies) expect(text).toContain(file(name));
    expect(text).toContain(file('pic-23_copy.jpg'));
    expect(text).not.toContain(file('pic-24_copy.jpg'));
    expect(text).not.toContain(`${file('holiday.jpg')}\n`);
    await screenshot(page, 'dupes-03-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.count()).toBe(0);
    for (const name of ['holiday.jpg', ...copies]) expect(fs.existsSync(file(name)), name).toBe(true);
    expect(fs.readdirSync(trashDir)).toEqual([]);
  });

  it('keeps choices across pages, and the trash covers every page looked at', async () => {
    const groups = page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem');
    await groupOf('pic-01.jpg').getByRole('checkbox', { name: 'Skip this group' }).check();
    await eventually(() => trashButton().innerText()).toBe('Move 25 photos to trash');

    const pages = page.getByRole('navigation', { name: 'Pages of groups', exact: true });
    await pages.getByRole('button', { name: 'Next' }).click();
    await eventually(() => pages.innerText()).toMatch(/Groups 26–27 of 27[\s\S]*Page 2 of 2/);
    await eventually(() => groups.count()).toBe(2);
    expect(await groups.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')))).toEqual(['pic-24.jpg and its duplicates', 'pic-25.jpg and its duplicates']);
    // Page 2's groups join page 1's: 25 + 2 photos from 24 + 2 groups.
    await eventually(() => trashButton().innerText()).toBe('Move 27 photos to trash');
    expect(await page.locator('.dupes__coverage').innerText()).toBe('Moving covers the 27 groups you have looked at, less the 1 group you skipped.');
    await waitForThumbnails(page);
    await screenshot(page, 'dupes-04-page-2');

    // Back to page 1 from the controls under the list: the list takes the focus, the skip held.
    await page.getByRole('navigation', { name: 'Pages of groups, below the list' }).getByRole('button', { name: 'Previous' }).click();
    await eventually(() => pages.innerText()).toMatch(/Groups 1–25 of 27/);
    await eventually(() => groups.count()).toBe(25);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Duplicate groups');
    expect(await groupOf('pic-01.jpg').getByRole('checkbox', { name: 'Skip this group' }).isChecked()).toBe(true);
    expect(await trashButton().innerText()).toBe('Move 27 photos to trash');

    // Another screen and back: the keeper chosen, the skip and the pages looked at are as they were.
    await groupOf('holiday.jpg').getByRole('radio', { name: 'Keep holiday_small.jpg' }).check();
    await page.getByRole('button', { name: /^All photos/ }).click();
    await eventually(() => page.getByRole('heading', { name: 'Duplicates', exact: true }).count()).toBe(0);
    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await eventually(() => groups.count()).toBe(25);
    expect(await groupOf('pic-01.jpg').getByRole('checkbox', { name: 'Skip this group' }).isChecked()).toBe(true);
    expect(await groupOf('holiday.jpg').getByRole('radio', { name: 'Keep holiday_small.jpg' }).isChecked()).toBe(true);
    expect(await trashButton().innerText()).toBe('Move 27 photos to trash');
    expect(await summary()).toMatch(/^27 groups, 27 of 28 photos marked to go/);
    await groupOf('holiday.jpg').getByRole('radio', { name: 'Keep holiday.jpg' }).check();
  });

  it('on confirmation (by keyboard) moves exactly the copies of the groups looked at, and shows what it did', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const dialog = page.getByRole('dialog');
    await trashButton().focus();
    // Esc cancels too, focus goes back to the button that opened the dialog, and the app's
    // "/" shortcut does not reach the search box behind the dialog.
    await page.keyboard.press('Enter');
    await eventually(focused).toBe('Cancel');
    await page.keyboard.press('/');
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Escape');
    await eventually(() => dialog.count()).toBe(0);
    for (const name of copies) expect(fs.existsSync(file(name)), name).toBe(true);

    await eventually(focused).toBe('Move 27 photos to trash');
    await page.keyboard.press('Enter');
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('heading').innerText()).toBe('Move 27 photos from 26 groups to the trash?');
    await eventually(focused).toBe('Cancel');
    await page.keyboard.press('Tab');
    await eventually(focused).toBe('Move to trash');
    await page.keyboard.press('Enter');

    await eventually(() => page.getByRole('heading', { name: 'Moved 27 photos to the trash' }).isVisible()).toBe(true);
    // The dialog and its opener's count are gone: what was done has the focus.
    await eventually(focusedText).toBe('Moved 27 photos to the trash');
    const moved = [...copies, ...pics.filter((p) => p !== 'pic-01').map((p) => `${p}_copy.jpg`)];
    for (const name of moved) {
      expect(fs.existsSync(file(name)), name).toBe(false);
      expect(fs.existsSync(path.join(trashDir, 'files', name)), name).toBe(true);
    }
    // The copy's own sidecar went with it; the keeper's stays.
    expect(fs.readdirSync(path.join(trashDir, 'files')).sort()).toEqual([...moved, 'holiday copy.jpg.xmp'].sort());
    expect(fs.existsSync(file('holiday copy.jpg.xmp'))).toBe(false);
    expect(fs.existsSync(file('holiday.jpg.xmp'))).toBe(true);
    expect(fs.readFileSync(file('holiday.jpg')).equals(original)).toBe(true);
    for (const name of ['pic-01.jpg', 'pic-01_copy.jpg', ...pics.map((p) => `${p}.jpg`), ...[11, 12, 13].map((s) => `scene-${s}.jpg`)]) expect(fs.existsSync(file(name)), name).toBe(true);
    // The skipped group is what is left, back on page 1.
    const groups = page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem');
    await eventually(() => groups.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label')))).toEqual(['pic-01.jpg and its duplicates']);
    await eventually(() => page.getByRole('navigation', { name: 'Pages of groups', exact: true }).innerText()).toBe('Group 1 of 1');
    await eventually(() => page.getByRole('button', { name: /^Duplicates/ }).innerText()).toMatch(/1$/);
    // The library forgot them: the counts follow.
    await eventually(() => page.getByRole('button', { name: /^All photos/ }).innerText()).toMatch(/31$/);
    // The scan looked at 58 photos; the 27 moved since are said apart, not taken off "scanned".
    await eventually(summary).toMatch(/ · 58 photos scanned .+ for exact copies and edited versions \(27 since moved, deleted or changed\)$/);
    await screenshot(page, 'dupes-05-result');
    expect(errors).toEqual([]);
  });

  it('remembers "Not duplicates" on a group: Undo is offered, and a rescan leaves the group out', async () => {
    const group = groupOf('pic-01.jpg');
    // Skipped earlier; not any more: its copy would go to the trash.
    await group.getByRole('checkbox', { name: 'Skip this group' }).uncheck();
    await eventually(() => group.locator('.dupe--trash').count()).toBe(1);
    await eventually(() => trashButton().innerText()).toBe('Move 1 photo to trash');
    await trashButton().click();
    const dialog = page.getByRole('dialog', { name: 'Move 1 photo from 1 group to the trash?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toMatch(/system trash, where you can restore it\./);
    await page.keyboard.press('Escape');
    await eventually(() => dialog.count()).toBe(0);
    const notDuplicates = group.getByRole('button', { name: 'Not duplicates' });
    await notDuplicates.click();
    const note = group.getByRole('status');
    // "Not duplicates" and its Undo take each other's place: the focus follows.
    await eventually(focusedText).toBe('Undo');
    await eventually(() => note.innerText()).toMatch(/^Not duplicates: all stay, and later scans leave this group out\.\s*Undo$/);
    // Its photos stay: nothing is left to move.
    expect(await group.locator('.dupe--trash').count()).toBe(0);
    await eventually(() => trashButton().isDisabled()).toBe(true);
    await waitForThumbnails(page);
    await screenshot(page, 'dupes-06-not-duplicates');

    // Undo, then decide again: one decision is remembered.
    await note.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => notDuplicates.isVisible()).toBe(true);
    await eventually(focusedText).toBe('Not duplicates');
    await eventually(() => group.locator('.dupe--trash').count()).toBe(1);
    await notDuplicates.click();
    await eventually(() => note.isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await eventually(() => page.locator('.dupes__summary').innerText()).toMatch(/^No duplicates found · 31 photos scanned .* · 1 group left out \(you said: not duplicates\)$/);
    expect(await page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem').count()).toBe(0);
    for (const name of ['pic-01.jpg', 'pic-01_copy.jpg']) expect(fs.existsSync(file(name)), name).toBe(true);
    await screenshot(page, 'dupes-07-after-rescan');
    expect(errors).toEqual([]);
  });

  it('with similar shots, a group that has any starts skipped, and goes once Skip is unticked', async () => {
    await page.getByRole('checkbox', { name: /Similar shots/ }).check();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    const similar = page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem').filter({ has: page.getByRole('heading', { name: /similar shots/ }) });
    await eventually(() => similar.count(), 60_000).toBeGreaterThan(0);
    for (const group of await similar.all()) {
      expect(await group.getByRole('checkbox', { name: 'Skip this group' }).isChecked()).toBe(true);
      expect(await group.locator('.dupe--trash').count()).toBe(0);
    }
    // A new scan's page is noted as looked at in an effect after it renders: the line follows.
    await eventually(() => page.locator('.dupes__coverage').innerText()).toMatch(/of similar shots \(untick Skip on those to move\)/);
    await screenshot(page, 'dupes-08-similar');

    // Skip unticked on one: its cards say To trash, and the Move button counts them.
    const moving = async () => Number((await trashButton().innerText()).replace(/\D/g, ''));
    const before = await moving();
    const group = similar.first();
    await group.getByRole('checkbox', { name: 'Skip this group' }).uncheck();
    await eventually(() => group.locator('.dupe--trash').count()).toBeGreaterThan(0);
    const marked = await group.locator('.dupe--trash').count();
    await eventually(moving).toBe(before + marked);
    expect(await trashButton().isEnabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('in a new session, the Look for boxes start as the kinds of the report shown, which the summary says', async () => {
    await page.reload();
    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await eventually(() => page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await page.getByRole('checkbox', { name: /Similar shots/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Exact copies' }).isChecked()).toBe(true);
    expect(await summary()).toMatch(/ · 31 photos scanned .+ for exact copies, edited versions and similar shots · 1 group left out/);
    // A box the user unticks stays so; the summary still says what the report shown looked for.
    await page.getByRole('checkbox', { name: /Similar shots/ }).uncheck();
    expect(await page.getByRole('checkbox', { name: /Similar shots/ }).isChecked()).toBe(false);
    expect(await summary()).toMatch(/ for exact copies, edited versions and similar shots · /);
    expect(errors).toEqual([]);
  });
});


async function waitForThumbnails(page: Page): Promise<void> {
  // Thumbnails load lazily: only the ones on screen are expected.
  await eventually(() =>
    page.locator('.dupe__thumb img').evaluateAll((imgs) => {
      const visible = imgs.filter((img) => {
        const r = img.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      return visible.length > 0 && visible.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
    }),
  ).toBe(true);
}
