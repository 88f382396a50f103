// The UI end to end: `shoebox serve` on a fresh data folder, driven in Debian's Chromium.
// First run without a model, then with the tiny fixture model (its embeddings mean colours,
// so "blue" finds blue.jpg), a folder of colour photos added through the UI, search as you
// type, more like this, the viewer, search by a dropped image, themes, settings. Screenshots
// land in test-results/screenshots/ (git-ignored) for people to look at.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import NodeWebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelManager } from '../../src/core/models/model-manager';
import { COLOURS, tempDir, writeColourPhoto } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import type { ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';
import { tileNames, waitForThumbnails } from './helpers/tiles';
import { writeLibraryPhotos } from './helpers/photos';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

describe.skipIf(!hasChromium)('Shoebox in a browser, over shoebox serve', () => {
  let session: UiSession;
  let home: string;
  let photos: string;
  let photoCount: number;
  let failedCount: number;
  let serve: ServeProcess;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    home = tempDir('shoebox-e2e-home-');
    photos = tempDir('shoebox-e2e-photos-');
    ({ photos: photoCount, failed: failedCount } = await writeLibraryPhotos(photos));
    // No --model-dir: the first run must find no model, like a new user's.
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve']);
    ({ serve, browser, page, errors } = session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('prints its URL, token included, as the first line', () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
  });

  it('first run without a model: says how to install one, then picks it up', async () => {
    await page.goto(serve.url);
    // The page took the token out of the address bar (it keeps it in this tab's sessionStorage, not a cookie).
    expect(new URL(page.url()).search).toBe('');
    expect(await page.context().cookies(serve.origin)).toEqual([]);
    await eventually(() => page.getByRole('heading', { name: 'Install a model to start' }).isVisible()).toBe(true);
    // With serve's data folder: pasted in another terminal it installs where this page looks.
    await eventually(() => page.locator('pre.command').innerText()).toBe(`shoebox --home ${home} models install vit-b-32-laion2b`);
    await screenshot(page, '01-first-run-no-model');

    await new ModelManager({ home }).import(fixtureModelDir(TINY_IMMICH), { id: 'tiny' });
    await page.getByRole('button', { name: 'Check again' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Add a folder to start' }).isVisible()).toBe(true);
    // The search box waits for photos, and says so.
    expect(await page.getByRole('searchbox').isDisabled()).toBe(true);
    expect(await page.getByRole('searchbox').getAttribute('placeholder')).toBe('Add a folder of photos to search them');
    await screenshot(page, '02-first-run-add-folder');
  });

  it('adds a folder by path, shows indexing progress, then the photos', async () => {
    // Progress is brief with the tiny model: record every progress bar the page ever shows.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const bar = document.querySelector('[role="progressbar"][aria-valuenow]');
        if (bar) seen.push(`${bar.getAttribute('aria-valuenow')}/${bar.getAttribute('aria-valuemax')}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await page.getByLabel('Folder to add').fill(photos);
    await page.getByRole('button', { name: 'Add folder' }).click();
    await eventually(() => page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen.length)).toBeGreaterThan(0);
    await screenshot(page, '03-indexing-progress');
    await eventually(() => page.getByText(/^Indexed: /).isVisible(), 60_000).toBe(true);
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    // Counted up, out of every file (the broken ones included). The final 248/248 may never
    // be drawn: React can fold it into the same render as the job's end.
    expect(seen.length).toBeGreaterThan(0);
    const done = seen.map((s) => Number(s.split('/')[0]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(new Set(seen.map((s) => s.split('/')[1]))).toEqual(new Set([String(photoCount + failedCount)]));

    await eventually(() => page.locator('.result-header').innerText()).toContain(`${photoCount} photos`);
    await eventually(() => page.getByRole('button', { name: 'Open blue.jpg' }).isVisible()).toBe(true);
    // The grid is virtualized: far fewer tiles in the DOM than photos in the library.
    expect(await page.locator('.tile').count()).toBeLessThan(photoCount);
    // The broken files are reported with their reasons, each by where it is in the folder
    // (a name alone cannot be found among subfolders), the full path in its tooltip.
    await page.getByRole('button', { name: /2 files could not be read/ }).click();
    await eventually(() => page.getByText(/not an image/).first().isVisible()).toBe(true);
    const failures = page.locator('.failures__name');
    expect(await failures.allInnerTexts()).toEqual(['broken.jpg', 'filler/scans/text.jpg']);
    expect(await page.locator('.failures li').nth(1).getAttribute('title')).toBe(path.join(photos, 'filler', 'scans', 'text.jpg'));
    await waitForThumbnails(page, 24);
    await screenshot(page, '04-library-grid');
  });

  it('"/" focuses the search box; typing shows results as you type, blue.jpg first for "blue"', async () => {
    await page.locator('body').click({ position: { x: 640, y: 780 } });
    await page.keyboard.press('/');
    const box = page.getByRole('searchbox', { name: 'Search photos' });
    await eventually(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('blue', { delay: 40 });
    await eventually(() => page.getByRole('heading', { name: 'Results for “blue”' }).isVisible()).toBe(true);
    await eventually(() => firstTileName(page)).toBe('blue.jpg');
    await waitForThumbnails(page, 24);
    await screenshot(page, '05-search-blue');
  });

  it('"more like this" on a photo finds its look-alikes', async () => {
    const tile = page.locator('.tile', { has: page.getByRole('button', { name: 'Open blue.jpg' }) });
    await tile.hover();
    await tile.getByRole('button', { name: 'More like blue.jpg' }).click();
    await eventually(() => page.getByRole('heading', { name: 'More like blue.jpg' }).isVisible()).toBe(true);
    await eventually(() => tileNames(page, 2)).toEqual(['blue.jpg', 'blue again.jpg']);
    expect(await page.getByRole('searchbox').inputValue()).toBe('');
    // Every photo is ranked, more than one page: the count says so until the end is seen.
    const count = page.locator('.result-header .muted');
    expect(photoCount).toBeGreaterThan(200);
    await eventually(() => count.innerText()).toBe('200+ results');
    await waitForThumbnails(page, 24);
    await screenshot(page, '06-more-like-this');
    await page.getByRole('button', { name: 'Open blue.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: /Photo viewer/ });
    await eventually(() => viewer.locator('.viewer__position').innerText()).toBe('1 of 200+');
    await page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);
    // Scrolled to the end, the true total.
    await page.locator('.grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await eventually(async () => {
      await page.locator('.grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      return count.innerText();
    }).toBe(`${photoCount} results`);
  });

  it('the viewer shows metadata and steps with ← / →, closing with Esc', async () => {
    await page.getByRole('button', { name: 'Show all photos' }).click();
    await eventually(() => firstTileName(page)).toBe('blue again.jpg');
    await page.getByRole('button', { name: 'Open blue again.jpg' }).click();
    const viewer = page.getByRole('dialog', { name: /Photo viewer/ });
    await eventually(() => viewer.getByRole('heading', { level: 2 }).innerText()).toBe('blue again.jpg');
    await eventually(() => viewer.getByText('320 × 240').isVisible()).toBe(true);
    await page.keyboard.press('ArrowRight');
    await eventually(() => viewer.getByRole('heading', { level: 2 }).innerText()).toBe('blue.jpg');
    await eventually(() => viewer.getByText('2 of').isVisible()).toBe(true);
    await eventually(() => viewer.locator('img.viewer__image').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(320);
    // A photo smaller than the pane shows at its own size (100%), never blown up past it. The
    // viewer places it once its load event has run, which a loaded machine may not have done
    // yet when the image reports complete: wait for it.
    const shown = () =>
      viewer.locator('img.viewer__image').evaluate((img: HTMLImageElement) => {
        const box = img.getBoundingClientRect();
        return { width: Math.round(box.width), height: Math.round(box.height), rendering: getComputedStyle(img).imageRendering };
      });
    await eventually(shown).toEqual({ width: 320, height: 240, rendering: 'auto' });
    await screenshot(page, '07-viewer');
    await page.keyboard.press('ArrowLeft');
    await eventually(() => viewer.getByRole('heading', { level: 2 }).innerText()).toBe('blue again.jpg');
    await page.keyboard.press('Escape');
    await eventually(() => viewer.count()).toBe(0);
  });

  it('searches by an image dropped from outside', async () => {
    const dir = tempDir('shoebox-e2e-query-');
    const file = await writeColourPhoto(dir, 'query.jpg', COLOURS.blue!);
    const base64 = fs.readFileSync(file).toString('base64');
    await page.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'query.jpg', { type: 'image/jpeg' }));
      for (const type of ['dragenter', 'dragover']) document.body.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (!document.querySelector('[data-testid="drop-zone"]')) throw new Error('no drop zone while dragging a file');
      document.body.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    }, base64);
    await eventually(() => page.getByRole('heading', { name: 'Photos like query.jpg' }).isVisible()).toBe(true);
    await eventually(() => firstTileName(page)).toBe('blue.jpg');
    await waitForThumbnails(page, 24);
    await screenshot(page, '08-search-by-dropped-image');
  });

  it('narrows results with filters: camera and date taken', async () => {
    await page.getByRole('searchbox').fill('yellow');
    await eventually(() => page.getByRole('heading', { name: 'Results for “yellow”' }).isVisible()).toBe(true);
    await eventually(async () => (await tileNames(page, 5)).includes('yellow.jpg')).toBe(true);
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByLabel('Camera').fill('canon');
    await eventually(() => tileNames(page, 5)).toEqual(['yellow canon.jpg']);
    await filters.getByLabel('Taken from').fill('2021-06-01');
    await filters.getByLabel('to', { exact: true }).fill('2021-06-15');
    await eventually(() => tileNames(page, 5)).toEqual(['yellow canon.jpg']);
    await waitForThumbnails(page, 24);
    await screenshot(page, '09-filters');
    await filters.getByLabel('to', { exact: true }).fill('2021-06-14');
    await eventually(() => page.getByText('Nothing matched: no photo passes the filters.').isVisible()).toBe(true);
    // A range no photo can be in: said so, and no stale (unfiltered) results under it.
    await filters.getByLabel('Taken from').fill('2022-01-01');
    await eventually(() => page.getByRole('alert').innerText()).toContain('“From” is after “To”');
    expect(await page.locator('.tile').count()).toBe(0);
    expect(await page.locator('.result-header .muted').innerText()).toBe('');
    await screenshot(page, '09b-filters-from-after-to');
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await eventually(async () => (await tileNames(page, 5)).includes('yellow.jpg')).toBe(true);
    await page.getByRole('searchbox').fill('');
  });

  it('has settings (model, provider, data folder) and a dark theme', async () => {
    await page.getByRole('button', { name: 'Show all photos' }).click();
    await page.keyboard.press(',');
    const settings = page.getByRole('dialog', { name: 'Settings' });
    await eventually(() => settings.getByText('In use:').isVisible()).toBe(true);
    await eventually(() => settings.getByText(home, { exact: true }).isVisible()).toBe(true);
    await eventually(() => settings.getByText('CPU', { exact: true }).first().isVisible()).toBe(true);
    await screenshot(page, '10-settings');
    await settings.getByText('Dark', { exact: true }).click();
    await page.keyboard.press('Escape');
    await eventually(() => settings.count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(background).toBe('rgb(23, 24, 27)');
    await waitForThumbnails(page, 24);
    await screenshot(page, '11-dark-theme');
    // Back to following the system, which here says light.
    await page.getByRole('button', { name: 'Theme: dark' }).click();
    await page.getByRole('button', { name: 'Theme: system' }).waitFor();
  });

  it('"?" lists the keyboard shortcuts by where they work; not while typing', async () => {
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await eventually(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('region').evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label')))).toEqual(['Main window', 'Photo grids', 'Timeline rail', 'Viewer', 'Slideshow', 'Tag review', 'Places map']);
    expect(await dialog.getByRole('region', { name: 'Viewer' }).innerText()).toContain('Slideshow from this photo');
    // The focus is on its title, on screen (Close at its end was below the visible part), and
    // the app's own keys do not act behind the dialog.
    expect(await dialog.getByRole('heading', { name: 'Keyboard shortcuts' }).evaluate((el) => el === document.activeElement)).toBe(true);
    // It opens at its title.
    expect(await dialog.evaluate((el) => el.scrollTop)).toBe(0);
    await page.keyboard.press(',');
    expect(await page.getByRole('dialog', { name: 'Settings' }).count()).toBe(0);
    await screenshot(page, '12-shortcuts');
    await page.keyboard.press('Escape');
    await eventually(() => dialog.count()).toBe(0);
    // A "?" typed in the search box is text.
    await page.getByRole('searchbox').fill('');
    await page.getByRole('searchbox').press('?');
    expect(await page.getByRole('searchbox').inputValue()).toBe('?');
    expect(await dialog.count()).toBe(0);
    await page.getByRole('searchbox').fill('');
  });

  it('raised no console errors (no CSP violations, no failed loads)', () => {
    expect(errors).toEqual([]);
  });

  describe('access control', () => {
    it('refuses the API and images without the token (the UI files hold no secret)', async () => {
      const stranger = await browser.newContext();
      try {
        const anonymous = await stranger.request.get(`${serve.origin}/`);
        expect(anonymous.status()).toBe(200);
        expect(await anonymous.text()).not.toContain(serve.token);
        const wrong = await stranger.request.get(`${serve.origin}/?token=not-the-token`);
        expect(wrong.status()).toBe(403);
        // The page's image URLs carry a per-image capability; without it, or with another image's, nothing.
        const src = await page.getByRole('button', { name: 'Open blue.jpg' }).evaluate((el) => el.querySelector('img')!.getAttribute('src')!);
        const image = new URL(src, serve.origin);
        expect(image.searchParams.get('k')).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect((await stranger.request.get(`${serve.origin}${image.pathname}`)).status()).toBe(401);
        expect((await stranger.request.get(`${serve.origin}${image.pathname.replace('/thumb/', '/image/')}${image.search}`)).status()).toBe(403);
        const api = await stranger.request.post(`${serve.origin}/api/listPhotos`, { data: [] });
        expect(api.status()).toBe(401);
        // A WebSocket from a page without the cookie never opens.
        const strangerPage = await stranger.newPage();
        const outcome = await strangerPage.evaluate(
          (origin) =>
            new Promise<string>((resolve) => {
              const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`);
              ws.onopen = () => resolve('open');
              ws.onerror = () => resolve('refused');
            }),
          serve.origin,
        );
        expect(outcome).toBe('refused');
      } finally {
        await stranger.close();
      }
    });

    it('refuses a WebSocket from another origin even with the token', async () => {
      const open = (origin: string) =>
        new Promise<number | 'open'>((resolve) => {
          const ws = new NodeWebSocket(`${serve.origin.replace('http', 'ws')}/ws`, ['shoebox', `shoebox.token.${serve.token}`], { origin });
          ws.on('open', () => {
            ws.close();
            resolve('open');
          });
          ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
          ws.on('error', () => resolve(0));
        });
      expect(await open(serve.origin)).toBe('open');
      expect(await open('http://127.0.0.1:1')).toBe(403);
      expect(await open('http://evil.example')).toBe(403);
    });

    it('serves only library photos: no traversal, no paths outside, no symlinks to private files', async () => {
      const get = (pathname: string) => page.request.get(`${serve.origin}${pathname}`, { maxRedirects: 0, headers: { Authorization: `Bearer ${serve.token}` } });
      const idOf = (p: string) => Buffer.from(p, 'utf8').toString('base64url');
      const secretDir = tempDir('shoebox-e2e-secret-');
      const secret = path.join(secretDir, 'secret.jpg');
      await writeColourPhoto(secretDir, 'secret.jpg', [1, 2, 3]);
      // Planted in a watched folder: the watcher may pick it up, but it is not an image.
      fs.symlinkSync('/etc/passwd', path.join(photos, 'passwd.jpg'));

      expect((await get(`/image/${idOf(path.join(photos, 'blue.jpg'))}`)).status()).toBe(200);
      for (const target of ['/etc/passwd', secret, path.join(photos, 'passwd.jpg'), `${photos}/../${path.basename(secretDir)}/secret.jpg`, path.join(photos, 'broken.jpg')]) {
        expect((await get(`/image/${idOf(target)}`)).status(), target).toBe(404);
        expect((await get(`/thumb/${idOf(target)}`)).status(), target).toBe(404);
      }
      for (const raw of ['/image/..%2f..%2f..%2fetc%2fpasswd', '/image/%2Fetc%2Fpasswd', '/thumb/../../etc/passwd', '/image//etc/passwd', '/assets/..%2f..%2f..%2f..%2fetc%2fpasswd']) {
        expect((await get(raw)).status(), raw).toBe(404);
      }
      // A library photo swapped for a symlink to a private non-image file is not served either.
      const yellow = path.join(photos, 'yellow.jpg');
      fs.renameSync(yellow, `${yellow}.bak`);
      fs.symlinkSync('/etc/passwd', yellow);
      try {
        expect((await get(`/image/${idOf(yellow)}`)).status()).toBe(404);
      } finally {
        fs.rmSync(yellow);
        fs.renameSync(`${yellow}.bak`, yellow);
      }
    });

    it('a neighbour server on another 127.0.0.1 port gets no credential; the cookies it plants neither lock the UI out nor grant anything', async () => {
      const servePort = new URL(serve.origin).port;
      const received: string[] = [];
      const neighbour = http.createServer((req, res) => {
        received.push(JSON.stringify(req.headers));
        res.writeHead(200, {
          'Content-Type': 'text/html',
          // What a hostile neighbour would plant: the old cookie's name, for this host.
          'Set-Cookie': [`shoebox_token_${servePort}=planted; Path=/`, 'token=planted; Path=/', `shoebox_token=${'x'.repeat(3000)}; Path=/`],
        });
        res.end('<!doctype html><title>neighbour</title><img src="/pixel.png">');
      });
      await new Promise<void>((resolve) => neighbour.listen(0, '127.0.0.1', resolve));
      try {
        const src = await page.getByRole('button', { name: 'Open blue.jpg' }).evaluate((el) => el.querySelector('img')!.getAttribute('src')!);
        // The user visits the neighbour in the same tab, twice (the second time with the cookies it planted).
        const neighbourUrl = `http://127.0.0.1:${(neighbour.address() as AddressInfo).port}/`;
        await page.goto(neighbourUrl);
        await page.goto(neighbourUrl);
        expect(received.length).toBeGreaterThan(1);
        expect(received.join('\n')).not.toContain(serve.token);
        // The planted cookies now go to serve too, and open nothing there.
        expect((await page.context().cookies(serve.origin)).map((c) => c.name)).toContain(`shoebox_token_${servePort}`);
        const api = await page.request.post(`${serve.origin}/api/listPhotos`, { data: [] });
        expect(api.status()).toBe(401);
        expect((await page.request.get(`${serve.origin}${new URL(src, serve.origin).pathname}`)).status()).toBe(401);
        // Nor do they lock the UI out: back in Shoebox (no token in the URL: this tab's sessionStorage has it), then a reload.
        await page.goto(`${serve.origin}/`);
        await eventually(() => page.getByRole('button', { name: 'Open blue.jpg' }).isVisible()).toBe(true);
        await page.reload();
        expect(new URL(page.url()).search).toBe('');
        await eventually(() => page.getByRole('button', { name: 'Open blue.jpg' }).isVisible()).toBe(true);
        await waitForThumbnails(page, 24);
        expect(await page.getByText('Lost the connection to Shoebox').count()).toBe(0);
      } finally {
        neighbour.closeAllConnections();
        await new Promise((resolve) => neighbour.close(resolve));
      }
    });
  });
});

async function firstTileName(page: Page): Promise<string | undefined> {
  return (await tileNames(page, 1))[0];
}
