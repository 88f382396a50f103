// A shared library opened in the app on a device without a model (the family's second
// laptop): `shoebox serve` with its own home and no model, on a library another device
// indexed with a catalog model (vit-b-32-openai, here the tiny fixture under that id). The
// library shows at once for viewing (timeline, folders, viewer) under a banner offering that
// model, the one its photos were embedded with, not the catalog's recommended one (which
// would embed every photo again). Its text in photos (read by the first device) needs no
// model: "Text in photo" searches it there. Installing the model (from a fake Hugging Face hub
// on 127.0.0.1), by keyboard, the focus following Install to the progress bar and, once the
// banner leaves, to the search box, opens the library with it, without a restart, and search works. A library
// embedded with a model the catalog lacks: viewing-only-library-model.test.ts. Screenshots:
// test-results/screenshots/viewing-only-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLibraryApi } from '../../src/core/api/library-api';
import { DEFAULT_MODEL_ID, findCatalogEntry } from '../../src/core/models/catalog';
import { closeRecognizeText } from '../../src/core/ocr';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { writeSignPhoto } from '../helpers/sign-photo';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { tileNames, waitForThumbnails } from './helpers/tiles';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

/** The catalog model the first device embedded the library with. */
const LIBRARY_MODEL = 'vit-b-32-openai';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('a shared library on a device without a model, in the browser', () => {
  let session: UiSession;
  let hub: FakeHub;
  let serve: ServeProcess;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const library = tempDir('shoebox-e2e-viewing-library-');
    const photos = tempDir('shoebox-e2e-viewing-photos-');
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    await writeSignPhoto(photos, 'PIZZA');
    // The first device indexes the library with a catalog model (its folder's name is its id).
    const modelDir = path.join(tempDir('shoebox-e2e-viewing-model-'), LIBRARY_MODEL);
    fs.cpSync(fixtureModelDir(TINY_IMMICH), modelDir, { recursive: true });
    const first = await createLibraryApi({ home: tempDir(), library, modelDir, provider: 'cpu', watch: false, writerLock: 'on-write' });
    // ... and reads the text in its photos, which this device searches without the model.
    await first.setTextInPhotos(true);
    await first.indexNow([photos]);
    expect(await first.textInPhotos()).toMatchObject({ left: 0 });
    await first.close();
    closeRecognizeText();

    hub = await FakeHub.start();
    const files = readTree(fixtureModelDir(TINY_IMMICH));
    delete files['.stamp'];
    hub.addRepo(findCatalogEntry(LIBRARY_MODEL)!.repo, files);
    const home = tempDir('shoebox-e2e-viewing-home-');
    session = await openUiSession(['--home', home, '--library', library, '--provider', 'cpu', 'serve'], { env: { SHOEBOX_HF_ENDPOINT: hub.url } });
    ({ serve, page, errors } = session);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
    await hub?.close();
  });

  const banner = () => page.getByRole('region', { name: /^Viewing only/ });
  const sidebar = () => page.getByRole('navigation', { name: 'Library' });

  it("shows the library for viewing under a banner that offers the library's model, not the first-run screen", async () => {
    await page.goto(serve.url);
    await eventually(() => banner().isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Install a model to start' }).count()).toBe(0);
    await eventually(() => tileNames(page).then((names) => names.sort())).toEqual(['blue.jpg', 'green.jpg', 'pizza.jpg', 'red.jpg', 'yellow.jpg']);
    await waitForThumbnails(page);
    expect(await banner().innerText()).toMatch(/find the text in its photos \(Text in photo\)\. Searching by description, indexing new photos and changes .* need a model/);
    // The model the library's photos were embedded with, not the catalog's recommended one.
    expect(await banner().innerText()).toMatch(new RegExp(`This library's photos were embedded with ${LIBRARY_MODEL}: install it \\(about \\d+ MB to download\\) to search and index here`));
    expect(await banner().getByRole('button', { name: `Install ${LIBRARY_MODEL}` }).isVisible()).toBe(true);
    expect(await banner().getByRole('button', { name: `Install ${DEFAULT_MODEL_ID}` }).count()).toBe(0);
    // Search by description waits for the model, and says that Text in photo works; what
    // needs one to be listed at all is not offered.
    const describeBox = page.getByRole('searchbox', { name: 'Search photos' });
    expect(await describeBox.isDisabled()).toBe(true);
    expect(await describeBox.getAttribute('placeholder')).toMatch(/needs a model.*Text in photo/i);
    expect(await sidebar().getByText('Albums', { exact: true }).count()).toBe(0);
    expect(await sidebar().getByRole('button', { name: /5/ }).count()).toBeGreaterThan(0);
    // What would change the library (the engine refuses it) is not offered.
    expect(await sidebar().getByRole('button', { name: '+ Add' }).count()).toBe(0);
    expect(await sidebar().getByRole('button', { name: /^Remove .* from the library$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^More like / }).count()).toBe(0);
    await screenshot(page, 'viewing-only-01-library');

    // Selecting photos offers what only reads them: export and show in folder.
    await page.locator('.tile__open').first().click({ modifiers: ['Control'] });
    const bar = page.getByRole('toolbar', { name: 'Selected photos' });
    await eventually(() => bar.isVisible()).toBe(true);
    expect(await bar.getByRole('button', { name: 'Export…' }).isVisible()).toBe(true);
    expect(await bar.getByRole('button', { name: /Favourite|Tag…|Album…|Place…|Date…|Trash…/ }).count()).toBe(0);
    await bar.getByRole('button', { name: 'Clear selection' }).click();

    // The viewer opens as anywhere else; its favourite shows, and waits for a model.
    await page.locator('.tile__open').first().click();
    const viewer = page.getByRole('dialog');
    await eventually(() => viewer.locator('img').first().evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await viewer.getByRole('button', { name: 'Favourite' }).isDisabled()).toBe(true);
    expect(await viewer.getByRole('button', { name: 'More like this' }).count()).toBe(0);
    await screenshot(page, 'viewing-only-02-viewer');
    await page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);
  });

  it('"Text in photo" searches the text read in photos without a model', async () => {
    const textSwitch = page.getByRole('button', { name: 'Text in photo' });
    expect(await textSwitch.isDisabled()).toBe(false);
    await textSwitch.click();
    const textBox = page.getByRole('searchbox', { name: 'Search text in photos' });
    expect(await textBox.isDisabled()).toBe(false);
    await textBox.fill('pizza');
    await eventually(() => new URL(page.url()).hash).toBe('#/search/text%3A%22pizza%22');
    await eventually(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Text “pizza” in photos');
    await eventually(() => tileNames(page), 30_000).toEqual(['pizza.jpg']);
    await screenshot(page, 'viewing-only-02b-text-search');
    // Off again: a description waits for the model.
    await textSwitch.click();
    await eventually(() => page.getByRole('searchbox', { name: 'Search photos' }).isDisabled()).toBe(true);
    await page.goto(serve.url);
    await eventually(() => banner().isVisible()).toBe(true);
  });

  it('Install in the banner downloads the model, and the library opens with it: search works without a restart', async () => {
    // The tiny model downloads in a blink: cut one file's connection, so the download pauses
    // for the downloader's retry with the bar on the page.
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 4000, times: 1 };
    // By keyboard: Install goes as the download starts; the focus follows it to the progress
    // bar, and once the banner leaves, to the search box (never to the page).
    await banner().getByRole('button', { name: `Install ${LIBRARY_MODEL}` }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedControl(page)).toBe(`progressbar Downloading ${LIBRARY_MODEL}`);
    await eventually(() => banner().count(), 60_000).toBe(0);
    const search = page.getByRole('searchbox', { name: 'Search photos' });
    await eventually(() => search.isDisabled()).toBe(false);
    await eventually(() => focusedControl(page)).toBe('searchbox Search photos');
    // The folders are indexed again here: the photos, embedded with this model already, are not embedded again.
    await eventually(() => page.getByText(/^Indexed: /).isVisible(), 60_000).toBe(true);
    expect((await serve.call('models')) as { inUse: { id: string } }).toMatchObject({ inUse: { id: LIBRARY_MODEL } });
    expect(await sidebar().getByRole('button', { name: '+ Add' }).isVisible()).toBe(true);
    await search.fill('blue');
    await eventually(() => tileNames(page, 1), 30_000).toEqual(['blue.jpg']);
    await screenshot(page, 'viewing-only-03-searching');
    expect(errors).toEqual([]);
  });
});

/** What has the keyboard focus: "BODY", else its role (or tag) and name (aria-label, else its text). */
function focusedControl(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'BODY';
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()} ${el.getAttribute('aria-label') ?? el.innerText.trim()}`;
  });
}
