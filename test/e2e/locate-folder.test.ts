// "Locate folder…" in the browser (issue #13 item 3): two homes (two devices) share one library
// (--library DIR). Device A indexes its photo folder; device B sees the same photos under
// another path (a NAS share mounted elsewhere), so A's path does not exist on B. Served from
// B: the folder row says it is not reachable and offers "Locate folder…", the viewer shows the
// thumbnail with a note; typing B's path maps the folder, after which the originals open and a
// search answers with B's paths. Settings under serve: the Library section says the server's
// library is the one it opened, and the panel still works. Screenshots:
// test-results/screenshots/locate-folder-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shoebox } from '../cli/run-cli';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

const MODEL = ['--model-dir', fixtureModelDir(TINY_IMMICH)];
const NAMES = Object.keys(COLOURS).map((name) => `${name}.jpg`);
const BLUE = { width: 3072, height: 2048 };

describe.skipIf(!hasChromium)('"Locate folder…" for a shared library folder this device cannot reach', () => {
  let session: UiSession;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];
  let mountA: string;
  let mountB: string;
  let library: string;

  beforeAll(async () => {
    library = path.join(tempDir('shoebox-e2e-shared-'), 'library');
    const homeA = tempDir('shoebox-e2e-home-a-');
    const homeB = tempDir('shoebox-e2e-home-b-');
    mountA = path.join(tempDir('shoebox-e2e-mnt-'), 'nas', 'photos'); // device A: /mnt/nas/photos
    mountB = path.join(tempDir('shoebox-e2e-volumes-'), 'photos'); // device B: /Volumes/photos
    fs.mkdirSync(mountA, { recursive: true });
    // blue.jpg is large: its thumbnail (384 px) stands in for 3,072 px in the viewer.
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(mountA, `${name}.jpg`, rgb, name === 'blue' ? BLUE : undefined);
    const indexed = await shoebox(['--home', homeA, '--library', library, 'index', ...MODEL, mountA, '--json']);
    expect(indexed.code, indexed.stderr).toBe(0);
    // On device B the share is elsewhere: A's path does not exist there.
    fs.cpSync(mountA, mountB, { recursive: true });
    fs.rmSync(mountA, { recursive: true });
    session = await openUiSession(['--home', homeB, '--library', library, '--provider', 'cpu', 'serve', ...MODEL]);
    ({ serve, page, errors } = session);
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  it('the folder row says the folder is not reachable and offers "Locate folder…"', async () => {
    await page.goto(serve.url);
    await eventually(() => page.locator('.result-header').innerText(), 60_000).toContain(`${NAMES.length} photos`);
    const row = page.locator('.folder', { hasText: mountA });
    await eventually(() => row.getByText(/^Not reachable from this device/).isVisible()).toBe(true);
    expect(await row.getByRole('button', { name: 'Locate folder…' }).isVisible()).toBe(true);
    await waitForThumbnails(page);
    await screenshot(page, 'locate-folder-1-unreachable');
  });

  it('before mapping, the viewer shows the thumbnail and says the original is not reachable', async () => {
    await page.getByRole('button', { name: 'Open blue.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: 'Photo viewer: blue.jpg' });
    await eventually(() => viewer.getByRole('note').innerText()).toContain(`its folder ${mountA} is not here`);
    expect(await viewer.locator('.viewer__image').getAttribute('src')).toMatch(/thumb/);
    await eventually(() => imageLoaded(page)).toBe(true);
    // The zoom is of the original's pixels, not the thumbnail's: fit is a quarter or so, not 867%.
    const stage = await viewer.locator('.viewer__stage').evaluate((el) => el.getBoundingClientRect().toJSON() as { width: number; height: number });
    const fit = Math.min(1, (stage.width - 128) / BLUE.width, (stage.height - 48) / BLUE.height);
    const zoomBar = viewer.getByRole('group', { name: 'Zoom' });
    await eventually(() => zoomBar.getByRole('status').innerText()).toBe(`${Math.round(fit * 100)}%`);
    await zoomBar.getByRole('button', { name: '100%', exact: true }).click();
    await eventually(() => zoomBar.getByRole('status').innerText()).toBe('100%');
    expect(await viewer.locator('.viewer__image').evaluate((img) => Math.round(img.getBoundingClientRect().width))).toBe(BLUE.width);
    await zoomBar.getByRole('button', { name: 'Fit', exact: true }).click();
    await screenshot(page, 'locate-folder-2-viewer-unreachable');
    await page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);
  });

  it('a wrong path is refused in one line, nothing mapped', async () => {
    const row = page.locator('.folder', { hasText: mountA });
    await row.getByRole('button', { name: 'Locate folder…' }).click();
    const input = row.getByLabel(`Where is ${mountA} on this device?`);
    await input.fill(path.join(mountB, 'no-such-folder'));
    await row.getByRole('button', { name: 'Locate', exact: true }).click();
    const alert = row.getByRole('alert');
    await eventually(() => alert.isVisible()).toBe(true);
    expect((await alert.innerText()).split('\n')).toHaveLength(1);
    // The form fits the narrow sidebar: nothing pushed out sideways (the sidebar would scroll).
    expect(await page.locator('.sidebar').evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    const button = (await row.getByRole('button', { name: 'Locate', exact: true }).boundingBox())!;
    const box = (await row.boundingBox())!;
    expect(button.x + button.width).toBeLessThanOrEqual(box.x + box.width);
    await screenshot(page, 'locate-folder-3-wrong-path');
    expect(await row.getByRole('button', { name: 'Locate folder…' }).isVisible()).toBe(true);
  });

  it('a place that holds none of the folder\'s photos is mapped all the same, and said as `folders map` says it', async () => {
    const empty = tempDir('shoebox-e2e-empty-');
    const row = page.locator('.folder', { hasText: mountA });
    await row.getByLabel(`Where is ${mountA} on this device?`).fill(empty);
    await row.getByRole('button', { name: 'Locate', exact: true }).click();
    const mapped = page.locator('.folder', { hasText: empty });
    await eventually(() => mapped.getByRole('status').innerText()).toBe(`${mountA} mapped, but ${empty} holds none of its ${NAMES.length} photos (not synced yet, or another folder?)`);
    await screenshot(page, 'locate-folder-3b-holds-none');
    // Forgotten again (this device's mapping only): the folder is not reachable, as before.
    await serve.call('mapFolder', mountA, null);
    await eventually(() => row.getByRole('button', { name: 'Locate folder…' }).isVisible()).toBe(true);
    await row.getByRole('button', { name: 'Locate folder…' }).click();
  });

  it('typing where the folder is here maps it: the row shows this device\'s path, the originals open', async () => {
    const row = page.locator('.folder', { hasText: mountA });
    const input = row.getByLabel(`Where is ${mountA} on this device?`);
    await input.fill(mountB);
    await row.getByRole('button', { name: 'Locate', exact: true }).click();
    const mapped = page.locator('.folder', { hasText: mountB });
    await eventually(() => mapped.locator('.folder__path').innerText()).toBe(mountB);
    expect(await mapped.getByRole('button', { name: 'Locate folder…' }).count()).toBe(0);
    expect(await mapped.getByText(/^Not reachable from this device/).count()).toBe(0);
    await waitForThumbnails(page);
    await screenshot(page, 'locate-folder-4-mapped');

    await page.getByRole('button', { name: 'Open blue.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: 'Photo viewer: blue.jpg' });
    await eventually(() => viewer.locator('.viewer__title').getAttribute('title')).toBe(path.join(mountB, 'blue.jpg'));
    expect(await viewer.getByRole('note').count()).toBe(0);
    await eventually(() => viewer.locator('.viewer__image').getAttribute('src')).toMatch(/image/);
    await eventually(() => imageLoaded(page)).toBe(true);
    await screenshot(page, 'locate-folder-5-viewer-original');
    await page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);
  });

  it('a search answers with this device\'s paths', async () => {
    await page.getByRole('searchbox', { name: 'Search photos' }).fill('blue');
    await eventually(() => page.getByRole('heading', { name: 'Results for “blue”' }).isVisible()).toBe(true);
    await eventually(() => page.locator('.tile__open').first().getAttribute('aria-label')).toBe('Open blue.jpg');
    await page.locator('.tile__open').first().click();
    const viewer = page.getByRole('dialog', { name: 'Photo viewer: blue.jpg' });
    await eventually(() => viewer.locator('.viewer__title').getAttribute('title')).toBe(path.join(mountB, 'blue.jpg'));
    await page.keyboard.press('Escape');
    const { photos } = (await serve.call('search', 'blue', { all: true })) as { photos: { path: string }[] };
    expect(photos.map((h) => h.path).sort()).toEqual(NAMES.map((name) => path.join(mountB, name)).sort());
    await waitForThumbnails(page);
    await screenshot(page, 'locate-folder-6-search');
  });

  it('Settings under serve: Library names the library the server opened, and the panel still works', async () => {
    await page.locator('body').click({ position: { x: 640, y: 780 } });
    await page.keyboard.press(',');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await eventually(() => settings.getByRole('heading', { name: 'Library' }).isVisible()).toBe(true);
    await eventually(() => settings.getByText(/^This page shows the library /).innerText()).toBe(`This page shows the library ${library}, the one shoebox serve opened (--library, else SHOEBOX_LIBRARY, else the one the desktop app chose for its data folder, else the one in it).`);
    expect(await settings.getByRole('button', { name: 'Save and open' }).count()).toBe(0);
    await settings.getByRole('heading', { name: 'Library' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'locate-folder-7-settings-library-serve');
    await page.keyboard.press('Escape');
    await eventually(() => settings.count()).toBe(0);
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});

function imageLoaded(page: Page): Promise<boolean> {
  return page.locator('.viewer__image').evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0);
}

async function waitForThumbnails(page: Page): Promise<void> {
  // Every tile drawn with its photo (a tile still loading has no image, and would pass "every").
  await eventually(() => page.locator('.tile--placeholder').count()).toBe(0);
  await eventually(() => page.locator('.tile img').evaluateAll((imgs) => imgs.length > 0 && imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
}
