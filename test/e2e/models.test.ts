// Models from the UI, end to end: `shoebox serve` on a fresh data folder with its hub pointed
// (SHOEBOX_HF_ENDPOINT) at a fake Hugging Face hub on 127.0.0.1 that serves the tiny fixture
// models under the catalog's real repository names. First run → Install in the page →
// download progress → the library is ready without restarting serve; then the settings'
// model list, installing a second model and switching to it (photos embedded again, search
// still working). Screenshots: test-results/screenshots/models-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../helpers/build-app';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { collectErrors, hasChromium, launchChromium, screenshot } from './helpers/browser';
import { startServe, type ServeProcess } from './helpers/serve';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

function fixtureRepo(name: string): Record<string, Buffer> {
  const files = readTree(fixtureModelDir(name));
  delete files['.stamp'];
  return files;
}

describe.skipIf(!hasChromium)('models from the UI, over shoebox serve', () => {
  let outDir: string;
  let home: string;
  let photos: string;
  let hub: FakeHub;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    home = tempDir('shoebox-e2e-models-home-');
    photos = tempDir('shoebox-e2e-models-photos-');
    hub = await FakeHub.start({ redirectLfs: true });
    hub.addRepo('immich-app/ViT-B-32__openai', fixtureRepo(TINY_IMMICH));
    hub.addRepo('Xenova/clip-vit-base-patch32', fixtureRepo(TINY_TRANSFORMERS));
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    await writeColourPhoto(photos, 'blue again.jpg', [40, 50, 190]);
    outDir = await buildApp();
    serve = await startServe(['--home', home, '--provider', 'cpu', 'serve'], {
      SHOEBOX_UI_DIR: path.join(outDir, 'renderer'),
      SHOEBOX_HF_ENDPOINT: hub.url,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    errors = collectErrors(page);
  });

  afterAll(async () => {
    await browser?.close();
    const code = await serve?.stop();
    if (code !== undefined && code !== 0) console.warn(`shoebox serve exited ${code}:\n${serve.stderr()}`);
    await hub?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  it('first run: Install downloads the default model with progress, and the library is ready without a restart', async () => {
    await page.goto(serve.url);
    await eventually(() => page.getByRole('heading', { name: 'Install a model to start' }).isVisible()).toBe(true);
    // The terminal way stays on offer.
    expect(await page.locator('pre.command').innerText()).toBe('shoebox models install vit-b-32-openai');
    await eventually(() => page.getByText(/about 608 MB to download/).isVisible()).toBe(true);
    await screenshot(page, 'models-01-first-run');

    // The tiny model downloads in a blink: cut one file's connection twice, so the download
    // pauses for the downloader's retries (1 s, then 2 s) with the bar part-full.
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 4000, times: 2 };
    await recordProgressBars(page);
    await page.getByRole('button', { name: 'Install vit-b-32-openai' }).click();
    // Waits for bytes to be counted (the bar starts empty while the file list is fetched).
    const bar = page.getByRole('progressbar', { name: 'Downloading vit-b-32-openai' });
    await eventually(async () => Number((await bar.getAttribute('aria-valuenow', { timeout: 500 }).catch(() => null)) ?? 0)).toBeGreaterThan(0);
    await screenshot(page, 'models-02-downloading');

    await eventually(() => page.getByRole('heading', { name: 'Add a folder to start' }).isVisible(), 30_000).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const total = Object.values(fixtureRepo(TINY_IMMICH)).reduce((sum, b) => sum + b.length, 0);
    expect(seen.length).toBeGreaterThan(0);
    // Bytes, out of the whole model; shown part-way (the cut file had not finished).
    expect(new Set(seen.map((s) => s.split('/')[1]))).toEqual(new Set([String(total)]));
    expect(seen.some((s) => Number(s.split('/')[0]) < total)).toBe(true);
    // The interrupted file was resumed, not fetched again from the start.
    expect(hub.fileRequests('textual/model.onnx').some((r) => r.range === 'bytes=4000-')).toBe(true);
    expect(fs.existsSync(path.join(home, 'models', 'vit-b-32-openai', 'textual', 'model.onnx'))).toBe(true);
  });

  it('the installed model indexes and searches', async () => {
    await page.getByLabel('Folder to add').fill(photos);
    await page.getByRole('button', { name: 'Add folder' }).click();
    await eventually(() => page.getByText(/^Indexed: /).isVisible(), 60_000).toBe(true);
    await page.getByRole('searchbox').fill('blue');
    await eventually(() => firstTileName(page)).toBe('blue.jpg');
  });

  it('settings list the models with their state, size and description; a second one installs from there', async () => {
    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const current = settings.getByRole('listitem', { name: 'vit-b-32-openai' });
    const other = settings.getByRole('listitem', { name: 'clip-vit-base-patch32' });
    await eventually(() => current.getByText('in use', { exact: true }).isVisible()).toBe(true);
    await eventually(() => other.getByText('not installed', { exact: true }).isVisible()).toBe(true);
    expect(await other.innerText()).toMatch(/Transformers\.js.*about 608 MB to download/s);
    expect(await settings.getByRole('listitem', { name: 'xlm-roberta-large-vit-b-16plus' }).innerText()).toMatch(/about 2\.7 GB to download/);
    // Where inference runs and the data folder.
    await eventually(() => settings.getByText(home).isVisible()).toBe(true);
    await eventually(() => settings.getByText('CPU', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(page, 'models-03-settings');

    await other.getByRole('button', { name: 'Install' }).click();
    await eventually(() => other.getByText('installed', { exact: true }).isVisible(), 30_000).toBe(true);
    // Installing does not switch: the first model stays in use.
    expect(await current.getByText('in use', { exact: true }).isVisible()).toBe(true);
  });

  it('Use switches after a confirmation that says photos are embedded again; search keeps working', async () => {
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const other = settings.getByRole('listitem', { name: 'clip-vit-base-patch32' });
    await other.getByRole('button', { name: 'Use' }).click();
    const confirm = other.getByRole('group', { name: 'Switch to clip-vit-base-patch32' });
    await eventually(() => confirm.innerText()).toMatch(/embedded again with it in the background/);
    await screenshot(page, 'models-04-switch-confirm');
    await confirm.getByRole('button', { name: 'Switch to clip-vit-base-patch32' }).click();
    await eventually(() => settings.getByText('In use:').locator('strong').innerText()).toBe('clip-vit-base-patch32');
    await eventually(() => other.getByText('in use', { exact: true }).isVisible()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'))).toMatchObject({ activeModel: 'clip-vit-base-patch32' });
    await screenshot(page, 'models-05-switched');
    await page.keyboard.press('Escape');

    // The folder is indexed again under the new model, then search finds the same photo.
    await eventually(() => page.locator('.status-bar').innerText()).toContain('Model clip-vit-base-patch32');
    await eventually(() => page.getByText(/^Indexing|^Waiting to index/).count(), 60_000).toBe(0);
    await eventually(() => page.getByText(/^Indexed: 5 new photos/).isVisible()).toBe(true);
    await page.getByRole('searchbox').fill('blue');
    await eventually(() => firstTileName(page)).toBe('blue.jpg');
    await eventually(() => page.locator('.tile__open img').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await screenshot(page, 'models-06-search-after-switch');
    // Its embedding now comes from the new model's table.
    await page.getByRole('button', { name: 'Open blue.jpg' }).click();
    await eventually(() => page.getByRole('dialog', { name: /Photo viewer/ }).getByText('clip-vit-base-patch32').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('raised no console errors', () => {
    expect(errors).toEqual([]);
  });
});

/** Every progress bar the page shows from now on, as "done/total" (downloads can be brief). */
async function recordProgressBars(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { progressSeen: string[] }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"][aria-valuenow]');
      if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** expect.poll with room for a loaded machine. */
function eventually<T>(read: () => T | Promise<T>, timeout = 20_000) {
  return expect.poll(read, { timeout, interval: 100 });
}

async function firstTileName(page: Page): Promise<string | undefined> {
  const label = await page.locator('.tile__open').first().getAttribute('aria-label').catch(() => null);
  return label?.replace(/^Open /, '');
}
