// Models from the UI, end to end: `shoebox serve` on a fresh data folder with its hub pointed
// (SHOEBOX_HF_ENDPOINT) at a fake Hugging Face hub on 127.0.0.1 that serves the tiny fixture
// models under the catalog's real repository names. First run → Install in the page →
// download progress → the library is ready without restarting serve; then the settings'
// model list, installing a second model and switching to it (photos embedded again, search
// still working); by keyboard, the focus following a download to its end (Use, or Try again
// when it failed). Screenshots: test-results/screenshots/models-*.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKABLE_METHODS } from '../../src/shared/api-methods';
import { DEFAULT_MODEL_ID, findCatalogEntry } from '../../src/core/models/catalog';
// The formatter the app and the CLI share: the catalog's bytes `shoebox models list` prints, rounded as a person
// reads them ("about 610 MB", not "610.0 MB").
import { formatBytes } from '../../src/shared/bytes-text';
import { FakeHub, readTree } from '../helpers/fake-hub';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH, TINY_TRANSFORMERS } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

function fixtureRepo(name: string): Record<string, Buffer> {
  const files = readTree(fixtureModelDir(name));
  delete files['.stamp'];
  return files;
}

describe.skipIf(!hasChromium)('models from the UI, over shoebox serve', () => {
  let session: UiSession;
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
    // The hub serves whatever repository the catalog names for the default.
    hub.addRepo(findCatalogEntry(DEFAULT_MODEL_ID)!.repo, fixtureRepo(TINY_IMMICH));
    hub.addRepo('Xenova/clip-vit-base-patch32', fixtureRepo(TINY_TRANSFORMERS));
    for (const [name, rgb] of Object.entries(COLOURS)) await writeColourPhoto(photos, `${name}.jpg`, rgb);
    await writeColourPhoto(photos, 'blue again.jpg', [40, 50, 190]);
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve'], { env: { SHOEBOX_HF_ENDPOINT: hub.url } });
    ({ serve, browser, page, errors } = session);
  });

  afterAll(async () => {
    await session?.close();
    await hub?.close();
  });

  it('first run: Install downloads the default model with progress, and the library is ready without a restart', async () => {
    await page.goto(serve.url);
    await eventually(() => page.getByRole('heading', { name: 'Install a model to start' }).isVisible()).toBe(true);
    // The terminal way stays on offer.
    expect(DEFAULT_MODEL_ID).toBe('vit-b-32-laion2b');
    // With the data folder serve uses, so that the line pasted in another terminal installs there.
    expect(await page.locator('pre.command').innerText()).toBe(`shoebox --home ${home} models install vit-b-32-laion2b`);
    await eventually(() => page.getByText(downloadSize('vit-b-32-laion2b')).isVisible()).toBe(true);
    // Chosen with eyes open: its published recall, speed and memory, and their source.
    const figures = page.getByLabel('vit-b-32-laion2b figures');
    await eventually(() => figures.innerText()).toContain('English 68.8%');
    expect(await figures.innerText()).toContain(findCatalogEntry(DEFAULT_MODEL_ID)!.benchmark!.source);
    await screenshot(page, 'models-01-first-run');

    // The tiny model downloads in a blink: cut one file's connection twice, so the download
    // pauses for the downloader's retries (1 s, then 2 s) with the bar part-full.
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 4000, times: 2 };
    await recordProgressBars(page);
    // By keyboard: Install goes as the download starts, and the focus follows it to the
    // progress bar (not to the page), then to the next screen's folder field.
    await page.getByRole('button', { name: 'Install vit-b-32-laion2b' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedControl(page)).toBe('progressbar Downloading vit-b-32-laion2b');
    // Waits for bytes to be counted (the bar starts empty while the file list is fetched).
    const bar = page.getByRole('progressbar', { name: 'Downloading vit-b-32-laion2b' });
    await eventually(async () => Number((await bar.getAttribute('aria-valuenow', { timeout: 500 }).catch(() => null)) ?? 0)).toBeGreaterThan(0);
    await screenshot(page, 'models-02-downloading');

    await eventually(() => page.getByRole('heading', { name: 'Add a folder to start' }).isVisible(), 30_000).toBe(true);
    await eventually(() => page.getByLabel('Folder to add').evaluate((field) => field === document.activeElement)).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    const total = Object.values(fixtureRepo(TINY_IMMICH)).reduce((sum, b) => sum + b.length, 0);
    expect(seen.length).toBeGreaterThan(0);
    // Bytes, out of the whole model; shown part-way (the cut file had not finished).
    expect(new Set(seen.map((s) => s.split('/')[1]))).toEqual(new Set([String(total)]));
    expect(seen.some((s) => Number(s.split('/')[0]) < total)).toBe(true);
    // The interrupted file was resumed, not fetched again from the start.
    expect(hub.fileRequests('textual/model.onnx').some((r) => r.range === 'bytes=4000-')).toBe(true);
    expect(fs.existsSync(path.join(home, 'models', 'vit-b-32-laion2b', 'textual', 'model.onnx'))).toBe(true);
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
    const current = settings.getByRole('listitem', { name: 'vit-b-32-laion2b' });
    const other = settings.getByRole('listitem', { name: 'clip-vit-base-patch32' });
    await eventually(() => current.getByText('in use', { exact: true }).isVisible()).toBe(true);
    await eventually(() => other.getByText('not installed', { exact: true }).isVisible()).toBe(true);
    expect(await other.innerText()).toMatch(/Transformers\.js/);
    expect(await other.innerText()).toContain(downloadSize('clip-vit-base-patch32'));
    expect(await settings.getByRole('listitem', { name: 'xlm-roberta-large-vit-b-16plus' }).innerText()).toContain(downloadSize('xlm-roberta-large-vit-b-16plus'));
    // Each model's published figures, to pick by language and machine: the multilingual one
    // names its languages' recall, the old default stays on offer with its (lower) figure.
    expect(await current.innerText()).toContain('Recommended for new libraries');
    const multilingual = await settings.getByLabel('nllb-clip-base-siglip figures').innerText();
    expect(multilingual).toMatch(/Search in many languages/);
    expect(multilingual).toContain('French 82.1%');
    expect(multilingual).toContain('4675 MiB');
    expect(await settings.getByLabel('vit-b-32-openai figures').innerText()).toContain('English 59.4%');
    // Where inference runs and the data folder.
    await eventually(() => settings.getByText(home, { exact: true }).isVisible()).toBe(true);
    await eventually(() => settings.getByText('CPU', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(page, 'models-03-settings');

    // Each model's button says which model it is for (seven "Install" said nothing out of
    // their rows); its text stays short.
    const install = other.getByRole('button', { name: 'Install clip-vit-base-patch32', exact: true });
    expect(await install.innerText()).toBe('Install');
    expect(await settings.getByRole('button', { name: 'Install xlm-roberta-large-vit-b-16plus', exact: true }).count()).toBe(1);
    expect(await settings.getByRole('button', { name: 'Install', exact: true }).count()).toBe(0);

    // By keyboard: Install goes as the download starts, and the focus follows it, to the
    // progress bar, then to Use, never to the top of the page. The download pauses for the
    // downloader's retries (1 s, then 2 s) so the bar is there a while.
    hub.faults.drop = { file: 'onnx/text_model.onnx', afterBytes: 4000, times: 2 };
    await install.focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedControl(page)).toBe('progressbar Downloading clip-vit-base-patch32');
    await eventually(() => other.getByText('installed', { exact: true }).isVisible(), 30_000).toBe(true);
    await eventually(() => focusedControl(page)).toBe('button Use clip-vit-base-patch32');
    expect(await settings.getByRole('button', { name: 'Use', exact: true }).count()).toBe(0);
    // Installing does not switch: the first model stays in use.
    expect(await current.getByText('in use', { exact: true }).isVisible()).toBe(true);
  });

  it('a download that fails leaves the focus on Try again, described by the failure; Try again that works, on Use', async () => {
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const openai = settings.getByRole('listitem', { name: 'vit-b-32-openai' });
    hub.addRepo(findCatalogEntry('vit-b-32-openai')!.repo, fixtureRepo(TINY_IMMICH));
    // A dropped connection (the bar waits 1 s for the retry), then bytes that do not match the
    // hub's hash: the download fails.
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 4000, times: 1 };
    hub.faults.corrupt = new Set(['textual/model.onnx']);
    await openai.getByRole('button', { name: 'Install vit-b-32-openai', exact: true }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => focusedControl(page)).toBe('progressbar Downloading vit-b-32-openai');
    // The bytes fetched before the failure are kept: Try again resumes them (kept-download.ts).
    await eventually(() => focusedControl(page), 30_000).toBe('button Try again: resume installing vit-b-32-openai');
    expect(await openai.getByRole('alert').innerText()).toMatch(/^Download failed: .*do not match/);
    // Read with the failure it is for.
    const description = () => page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '')?.innerText ?? null);
    expect(await description()).toMatch(/^Download failed: /);
    await screenshot(page, 'models-03-download-failed');

    delete hub.faults.corrupt;
    hub.faults.drop = { file: 'textual/model.onnx', afterBytes: 4000, times: 1 };
    await page.keyboard.press('Enter');
    await eventually(() => focusedControl(page)).toBe('progressbar Downloading vit-b-32-openai');
    await eventually(() => focusedControl(page), 30_000).toBe('button Use vit-b-32-openai');
    expect(await openai.getByText('installed', { exact: true }).isVisible()).toBe(true);
  });

  it('Use switches after a confirmation that says how many photos it will embed; search keeps working', async () => {
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const other = settings.getByRole('listitem', { name: 'clip-vit-base-patch32' });
    const focused = () => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : `${document.activeElement?.tagName} ${(document.activeElement as HTMLElement | null)?.innerText.trim()}`));
    // By keyboard: the confirmation takes the focus, on its safe choice; Esc leaves it (not
    // Settings) and gives the focus back to Use.
    await other.getByRole('button', { name: 'Use' }).focus();
    await page.keyboard.press('Enter');
    const confirm = other.getByRole('alertdialog', { name: 'Switch to clip-vit-base-patch32' });
    // The core's counts: a model that has none of the library's photos embeds them all.
    await eventually(() => confirm.innerText()).toMatch(/All \d+ photos will be embedded with it in the background|The library’s one photo will be embedded with it in the background/);
    await eventually(focused).toBe('BUTTON Cancel');
    await page.keyboard.press('Escape');
    await eventually(() => confirm.count()).toBe(0);
    expect(await settings.isVisible()).toBe(true);
    await eventually(focused).toBe('BUTTON Use');
    await page.keyboard.press('Enter');
    await eventually(focused).toBe('BUTTON Cancel');
    await screenshot(page, 'models-04-switch-confirm');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('BUTTON Switch to clip-vit-base-patch32');
    await page.keyboard.press('Enter');
    await eventually(() => settings.getByText('In use:').locator('strong').innerText()).toBe('clip-vit-base-patch32');
    // The confirmation went: the line saying which model is in use has the focus.
    await eventually(focused).toBe('P In use: clip-vit-base-patch32');
    await eventually(() => other.getByText('in use', { exact: true }).isVisible()).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(home, 'settings.json'), 'utf8'))).toMatchObject({ activeModel: 'clip-vit-base-patch32' });
    await screenshot(page, 'models-05-switched');
    await page.keyboard.press('Escape');

    // The folder is indexed again under the new model, then search finds the same photo.
    await eventually(() => page.locator('.status-bar').innerText()).toContain('Model clip-vit-base-patch32');
    // The run may not be queued yet (the new model's search captions are embedded first, as the
    // library reopens with it): its end is waited for, not the absence of a run.
    // The run the switch queued embeds them ("5 photos embedded for the model in use"), unless the
    // watcher's catch-up, starting as the library reopens, got there first: then the run ends with
    // nothing left to embed. Either way the run ends and nothing is left running; the search and
    // the viewer below show the photos are the new model's.
    const runEnded = async () =>
      (await page.getByText(/^Indexed: 5 photos embedded for the model in use/).isVisible()) ||
      ((await page.getByText(/^Indexed: 0 new photos/).isVisible()) && (await page.getByText(/^Indexing|^Waiting to index|^Syncing/).count()) === 0);
    await eventually(runEnded, 90_000).toBe(true);
    expect(await page.getByText(/^Indexing|^Waiting to index/).count()).toBe(0);
    await page.getByRole('searchbox').fill('blue');
    await eventually(() => firstTileName(page)).toBe('blue.jpg');
    await eventually(() => page.locator('.tile__open img').evaluateAll((imgs) => imgs.every((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0))).toBe(true);
    await screenshot(page, 'models-06-search-after-switch');
    // Its embedding now comes from the new model's table.
    await page.getByRole('button', { name: 'Open blue.jpg' }).click();
    await eventually(() => page.getByRole('dialog', { name: /Photo viewer/ }).getByText('clip-vit-base-patch32').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  });

  it('adding a folder under serve is typed: no Browse… button, which needs the desktop app', async () => {
    await page.getByRole('button', { name: '+ Add' }).click();
    await eventually(() => page.getByLabel('Folder to add').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Browse…' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  it('in the desktop app (IPC transport) Browse… fills the path from the folder dialog', async () => {
    // Plays the preload's window.shoebox: each call goes to this server's POST /api, except
    // chooseFolder, which Electron's main answers with the dialog (here: a fixed choice).
    const second = tempDir('shoebox-e2e-models-browse-');
    await writeColourPhoto(second, 'purple.jpg', [128, 0, 128]);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const desktop = await context.newPage();
    try {
      await desktop.addInitScript(
        ({ chosen, methods, token }) => {
          const call = async (method: string, args: unknown[]) => {
            const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
            const body = (await res.json()) as { result?: unknown; error?: { message: string } };
            if (body.error) throw new Error(body.error.message);
            return body.result;
          };
          // A plain object, as contextBridge hands over (the client spreads it).
          const api: Record<string, unknown> = Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => call(m, args)]));
          api['chooseFolder'] = async () => chosen;
          api['subscribe'] = () => () => {};
          (window as unknown as { shoebox: unknown }).shoebox = api;
        },
        { chosen: second, methods: [...INVOKABLE_METHODS], token: serve.token },
      );
      await desktop.goto(serve.url);
      await desktop.getByRole('button', { name: '+ Add' }).click();
      await desktop.getByRole('button', { name: 'Browse…' }).click();
      await eventually(() => desktop.getByLabel('Folder to add').inputValue()).toBe(second);
      await desktop.getByRole('button', { name: 'Add folder' }).click();
      await eventually(() => desktop.getByLabel('Folder to add').count()).toBe(0); // added: the form closed
      // This stand-in pushes no events, so the sidebar shows the new folder after a reload.
      await desktop.reload();
      await eventually(async () => (await desktop.getByRole('navigation', { name: 'Library' }).innerText()).includes(path.basename(second))).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('raised no console errors', () => {
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


async function firstTileName(page: Page): Promise<string | undefined> {
  const label = await page.locator('.tile__open').first().getAttribute('aria-label').catch(() => null);
  return label?.replace(/^Open /, '');
}

/** How the UI states a catalog model's download size. */
function downloadSize(id: string): string {
  return `about ${formatBytes(findCatalogEntry(id)!.approxBytes)} to download`;
}
