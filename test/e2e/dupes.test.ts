// The duplicates review end to end: `shoebox serve` (tiny fixture model, SHOEBOX_TRASH_DIR
// pointing at a temp folder so no real trash is touched) driven in Debian's Chromium. A few
// photos plus an exact copy and a resized re-encoded copy of one: the group shows with the
// full-size original as keeper, nothing moves when the confirmation is cancelled, and after
// confirming (by keyboard) exactly the two copies are in the trash folder and the original is
// untouched. Screenshots: test-results/screenshots/dupes-*.png.
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
  // "holiday_copy" sorts after "holiday.": the byte-identical copy ties with the original on
  // every rule but the path, and the original is the one a person expects to keep.
  const copies = ['holiday_copy.jpg', 'holiday_small.jpg'];

  beforeAll(async () => {
    home = tempDir('shoebox-e2e-dupes-home-');
    photos = tempDir('shoebox-e2e-dupes-photos-');
    trashDir = tempDir('shoebox-e2e-dupes-trash-');
    for (const seed of [11, 12, 13]) fs.writeFileSync(file(`scene-${seed}.jpg`), await sceneJpeg(seed, 960, 720));
    original = await sceneJpeg(7, 960, 720);
    fs.writeFileSync(file('holiday.jpg'), original);
    fs.writeFileSync(file('holiday_copy.jpg'), original);
    await sharp(original).resize({ width: 480 }).jpeg({ quality: 70 }).toFile(file('holiday_small.jpg'));

    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
    await run(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'index', photos], { cwd: REPO_ROOT });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve'], { env: { SHOEBOX_TRASH_DIR: trashDir } });
    ({ serve, page, errors } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    for (const dir of [home, photos, trashDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the copies and marks the full-size original as the one to keep', async () => {
    await page.goto(serve.url);
    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await eventually(() => page.getByRole('heading', { name: 'Duplicates', exact: true }).isVisible()).toBe(true);
    // Exact and near by default; similar is opt-in.
    expect(await page.getByRole('checkbox', { name: 'Exact copies' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Edited versions' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Similar shots/ }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Find duplicates' }).click();

    const group = page.getByRole('listitem', { name: 'holiday.jpg and its duplicates' });
    await eventually(() => group.isVisible()).toBe(true);
    expect(await page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem').count()).toBe(1);
    expect(await group.getByRole('radio').count()).toBe(3);
    expect(await group.getByRole('radio', { name: 'Keep holiday.jpg' }).isChecked()).toBe(true);
    await eventually(() => group.locator('.dupe--keep').innerText()).toMatch(/Keep[\s\S]*holiday\.jpg[\s\S]*960 × 720/);
    for (const name of copies) expect(await group.getByRole('radio', { name: `Keep ${name}` }).isChecked()).toBe(false);
    await eventually(() => group.locator('.dupe--trash').count()).toBe(2);
    await eventually(() => page.getByRole('button', { name: /^Duplicates/ }).innerText()).toMatch(/1$/);
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
    await eventually(() => page.getByRole('button', { name: 'Move 0 photos to trash' }).isDisabled()).toBe(true);
    await group.getByRole('checkbox', { name: 'Skip this group' }).uncheck();
    await group.getByRole('radio', { name: 'Keep holiday.jpg' }).check();
    await eventually(() => group.locator('.dupe--keep').innerText()).toContain('holiday.jpg');
  });

  it('asks before moving anything, and cancelling moves nothing', async () => {
    await page.getByRole('button', { name: 'Move 2 photos to trash' }).click();
    const dialog = page.getByRole('dialog', { name: 'Move 2 photos to the trash?' });
    await eventually(() => dialog.isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(text).toMatch(/2 photos \([\d.]+ KB\)/);
    expect(text).toMatch(/system trash, where you can restore them/);
    for (const name of copies) expect(text).toContain(file(name));
    expect(text).not.toContain(`${file('holiday.jpg')}\n`);
    await screenshot(page, 'dupes-03-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await eventually(() => dialog.count()).toBe(0);
    for (const name of ['holiday.jpg', ...copies]) expect(fs.existsSync(file(name)), name).toBe(true);
    expect(fs.readdirSync(trashDir)).toEqual([]);
  });

  it('on confirmation (by keyboard) moves exactly the copies to the trash and shows what it did', async () => {
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    const dialog = page.getByRole('dialog');
    // Focus went back to the button that opened the dialog; Esc cancels too, and the app's
    // "/" shortcut does not reach the search box behind the dialog.
    await eventually(focused).toBe('Move 2 photos to trash');
    await page.keyboard.press('Enter');
    await eventually(focused).toBe('Cancel');
    await page.keyboard.press('/');
    expect(await focused()).toBe('Cancel');
    await page.keyboard.press('Escape');
    await eventually(() => dialog.count()).toBe(0);
    for (const name of copies) expect(fs.existsSync(file(name)), name).toBe(true);

    await eventually(focused).toBe('Move 2 photos to trash');
    await page.keyboard.press('Enter');
    await eventually(() => dialog.isVisible()).toBe(true);
    await eventually(focused).toBe('Cancel');
    await page.keyboard.press('Tab');
    await eventually(focused).toBe('Move to trash');
    await page.keyboard.press('Enter');

    await eventually(() => page.getByRole('heading', { name: 'Moved 2 photos to the trash' }).isVisible()).toBe(true);
    for (const name of copies) {
      expect(fs.existsSync(file(name)), name).toBe(false);
      expect(fs.existsSync(path.join(trashDir, 'files', name)), name).toBe(true);
    }
    expect(fs.readFileSync(file('holiday.jpg')).equals(original)).toBe(true);
    for (const seed of [11, 12, 13]) expect(fs.existsSync(file(`scene-${seed}.jpg`))).toBe(true);
    await eventually(() => page.getByText('No duplicates found').isVisible()).toBe(true);
    await eventually(() => page.getByRole('button', { name: /^Duplicates/ }).innerText()).toMatch(/0$/);
    // The library forgot them: the counts follow.
    await eventually(() => page.getByRole('button', { name: /^All photos/ }).innerText()).toMatch(/4$/);
    await screenshot(page, 'dupes-04-result');
    expect(errors).toEqual([]);
  });
});


async function waitForThumbnails(page: Page): Promise<void> {
  await eventually(() => page.locator('.dupe__thumb img').evaluateAll((imgs) => imgs.length > 0 && imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
}
