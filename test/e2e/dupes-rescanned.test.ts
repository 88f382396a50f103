// The app's duplicates review while `shoebox dupes` scans the same library from a terminal
// (`shoebox serve` with a short writer hand-back, Debian's Chromium): the CLI's scan is the
// report the app reviews, so a reload shows it (serve kept its own older report in memory);
// and a Move pressed on the page from before a later CLI scan is refused, nothing moved, with
// the keyboard focus left on a control rather than dropped to the page.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelManager } from '../../src/core/models/model-manager';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { fixtureModelDir, REPO_ROOT, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

const run = promisify(execFile);

describe.skipIf(!hasChromium)('duplicates review while shoebox dupes scans from a terminal', () => {
  let session: UiSession;
  let home: string;
  let photos: string;
  let trashDir: string;
  let serve: ServeProcess;
  let page: Page;
  const file = (name: string) => path.join(photos, name);
  const summary = () => page.locator('.dupes__summary').innerText();
  const trashButton = () => page.getByRole('button', { name: /^Move [\d,]+ photos? to trash$/ });
  const focusedText = () => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : document.activeElement?.textContent));
  const reportFile = () => path.join(home, 'duplicates', fs.readdirSync(path.join(home, 'duplicates'))[0]!);
  const savedScan = () => (JSON.parse(fs.readFileSync(reportFile(), 'utf8')) as { scannedAt: number }).scannedAt;

  /** `shoebox dupes ARGS` from a terminal, again until its scan is saved (serve gives the lock back once quiet). */
  const cliScan = async (args: string[]) => {
    const before = savedScan();
    await eventually(async () => {
      await run(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'dupes', ...args], { cwd: REPO_ROOT });
      return savedScan() !== before;
    }, 60_000).toBe(true);
  };

  beforeAll(async () => {
    home = tempDir('shoebox-e2e-rescan-home-');
    photos = tempDir('shoebox-e2e-rescan-photos-');
    trashDir = tempDir('shoebox-e2e-rescan-trash-');
    for (const i of [0, 1, 2]) {
      const jpeg = await sceneJpeg(300 + i, 320, 240);
      fs.writeFileSync(file(`pic-${i}.jpg`), jpeg);
      fs.writeFileSync(file(`pic-${i}_copy.jpg`), jpeg);
    }
    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
    await run(process.execPath, [path.join(REPO_ROOT, 'bin/shoebox.js'), '--home', home, '--provider', 'cpu', 'index', photos], { cwd: REPO_ROOT });
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve'], { env: { SHOEBOX_TRASH_DIR: trashDir, SHOEBOX_HAND_BACK_MS: '500' } });
    ({ serve, page } = session);
  }, 240_000);

  afterAll(async () => {
    await session?.close();
    for (const dir of [home, photos, trashDir]) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the report a CLI scan saved after a reload, not serve\'s own older one', async () => {
    await page.goto(serve.url);
    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    await eventually(summary, 60_000).toMatch(/^3 groups/);
    expect(await page.locator('.dupes__bar-text').innerText()).toMatch(/for exact copies and edited versions/);

    await cliScan(['--mode', 'exact']);
    await page.reload();
    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await eventually(() => page.locator('.dupes__bar-text').innerText()).toMatch(/scanned .* for exact copies(?! and)/);
  }, 180_000);

  it('refuses a Move from a page older than a CLI scan, moves nothing, and keeps the focus on a control', async () => {
    await eventually(() => trashButton().isEnabled()).toBe(true);
    await cliScan(['--mode', 'exact']);
    // The page is from before that scan: Move, confirmed by keyboard.
    await trashButton().focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await eventually(() => dialog.isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Move to trash' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.getByRole('alert').innerText(), 60_000).toMatch(/scanned again meanwhile/);
    for (const i of [0, 1, 2]) expect(fs.existsSync(file(`pic-${i}_copy.jpg`))).toBe(true);
    await eventually(focusedText).not.toBe('BODY');
    // Held a moment later too (the new report's page renders meanwhile).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await focusedText()).not.toBe('BODY');
  }, 180_000);
});
