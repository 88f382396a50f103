// The viewer's details in a narrow window (700x800) over `shoebox serve`: they start hidden, so
// the photo has the whole width rather than a strip beside a 320 px panel; the ⓘ button
// (aria-pressed) and the I key show and hide them, and the choice is remembered the next time
// the viewer opens, after a reload too. Shown, a real camera photo's details
// (../shared/photos/exif-samples' Canon 40D) have its camera once, and its exposure as photo
// apps word it. Screenshots: test-results/screenshots/viewer-details-*.png.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../helpers/shared-data';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually } from './helpers/ui-session';
import { useLibrarySession } from './helpers/library-session';
import { tileNames } from './helpers/tiles';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const CANON = ['photos', 'exif-samples', 'jpg', 'Canon_40D.jpg'];
const haveCanon = sharedAvailable(...CANON);
const VIEWPORT = { width: 700, height: 800 };

describe.skipIf(!hasChromium || !haveCanon)('the viewer’s details in a narrow window', () => {
  // A copy in the test's own folder; the sample stays as it is.
  const lib = useLibrarySession('viewer-details', async (photos) => fs.copyFileSync(sharedPath(...CANON), path.join(photos, 'canon.jpg')), { viewport: VIEWPORT });

  const viewer = () => lib.page.getByRole('dialog', { name: /^Photo viewer/ });
  const toggle = () => viewer().getByRole('button', { name: 'Details', exact: true });
  const metadata = () => viewer().locator('.metadata');
  const stageWidth = () => viewer().locator('.viewer__stage').evaluate((stage) => stage.getBoundingClientRect().width);
  const open = async () => {
    await lib.page.getByRole('button', { name: 'Open canon.jpg', exact: true }).click();
    await eventually(() => viewer().getAttribute('aria-label')).toBe('Photo viewer: canon.jpg');
  };
  const close = async () => {
    await lib.page.keyboard.press('Escape');
    await eventually(() => viewer().count()).toBe(0);
  };

  it('opens with the details hidden: the photo has the whole width, the tools stay', async () => {
    await lib.page.goto(lib.serve.url);
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['canon.jpg']);
    await open();
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    expect(await metadata().count()).toBe(0);
    expect(await stageWidth()).toBe(VIEWPORT.width);
    // The actions and Close are still there, in the band above the photo.
    expect(await viewer().getByRole('button', { name: 'Close viewer' }).isVisible()).toBe(true);
    expect(await viewer().getByRole('button', { name: /Favourite/ }).isVisible()).toBe(true);
    await screenshot(lib.page, 'viewer-details-hidden');
  });

  it('I and the ⓘ button show and hide them; shown, the camera once and its exposure', async () => {
    await lib.page.keyboard.press('i');
    await eventually(() => metadata().isVisible()).toBe(true);
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    expect(await stageWidth()).toBe(VIEWPORT.width - 320);
    const row = (term: string) => viewer().locator('.metadata__row', { has: lib.page.getByText(term, { exact: true }) }).locator('dd');
    // The camera is the library's (getPhoto); the Exposure row comes once the file answers (photoShot).
    expect(await row('Camera').innerText()).toBe('Canon EOS 40D');
    await eventually(() => row('Exposure').innerText()).toBe('f/7.1 · 1/160 s · 135 mm · ISO 100');
    await screenshot(lib.page, 'viewer-details-shown');
    await toggle().click();
    await eventually(() => metadata().count()).toBe(0);
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    // The focus stays in the viewer: its keys go on working.
    await lib.page.keyboard.press('i');
    await eventually(() => metadata().isVisible()).toBe(true);
  });

  it('remembers the choice the next time the viewer opens, after a reload too', async () => {
    await close();
    await open();
    await eventually(() => metadata().isVisible()).toBe(true);
    await toggle().click();
    await close();
    await lib.page.reload();
    await eventually(() => tileNames(lib.page), 60_000).toEqual(['canon.jpg']);
    await open();
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    expect(await metadata().count()).toBe(0);
  });
});
