// The duplicates review while the library changes under it, in the browser over `shoebox
// serve`: a folder of copies removed from the library leaves the open review and the
// sidebar's count at once (they stayed, offering to trash photos no longer in the library,
// until the page was reloaded).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { sceneJpeg } from '../helpers/scenes';
import { hasChromium } from './helpers/browser';
import { useLibrarySession } from './helpers/library-session';
import { eventually } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('duplicates review after a folder is removed', () => {
  const lib = useLibrarySession('dupes-removed', async (photos) => {
    for (const seed of [21, 22, 23]) fs.writeFileSync(path.join(photos, `scene-${seed}.jpg`), await sceneJpeg(seed, 640, 480));
  });

  it('drops the removed folder’s copies from the review and the sidebar count', async () => {
    const copies = tempDir('shoebox-e2e-dupes-removed-copies-');
    for (const seed of [21, 22]) fs.copyFileSync(path.join(lib.photos, `scene-${seed}.jpg`), path.join(copies, `scene-${seed} copy.jpg`));
    await lib.serve.call('addFolder', copies);
    const { page } = lib;
    await page.goto(lib.serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 60_000).toContain('5 photos');

    await page.getByRole('button', { name: /^Duplicates/ }).click();
    await page.getByRole('button', { name: 'Find duplicates' }).click();
    const groups = page.getByRole('list', { name: 'Duplicate groups' }).getByRole('listitem');
    await eventually(() => groups.count(), 60_000).toBe(2);
    const badge = page.getByRole('button', { name: /^Duplicates/ }).locator('[aria-label$="groups"], [aria-label$="group"]');
    await eventually(() => badge.getAttribute('aria-label')).toBe('2 groups');

    await page.getByRole('button', { name: `Remove ${copies} from the library` }).click();
    await page.getByRole('button', { name: 'Remove', exact: true }).click();
    await eventually(() => groups.count(), 30_000).toBe(0);
    await eventually(() => badge.getAttribute('aria-label')).toBe('0 groups');
    expect(lib.errors).toEqual([]);
  });
});
