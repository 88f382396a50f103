// An open tab after `shoebox serve` restarts: the new run has a new token, so the tab's is no
// longer valid. While the server is away the page says it lost the connection and tries
// again (a network error, as ever); once the server answers again and refuses the old token
// (401/403), the banner says the page's access has ended, once, and the page stops trying.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium } from './helpers/browser';
import { startServe, type ServeProcess } from './helpers/serve';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

if (!hasChromium) console.warn('e2e: skipped, /usr/bin/chromium is not installed (apt-get install chromium)');

const ENDED = 'Shoebox refused this page: open the address shoebox serve printed (it makes a new one each time it starts).';

describe.skipIf(!hasChromium)('an open tab after shoebox serve restarts', () => {
  let session: UiSession;
  let again: ServeProcess | undefined;
  let page: Page;
  let args: string[];

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-serve-restart-home-');
    args = ['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)];
    session = await openUiSession(args);
    page = session.page;
  }, 180_000);

  afterAll(async () => {
    await again?.stop();
    await session?.close();
  });

  it('tries again while the server is away, then says once that the page’s access ended, and stops trying', async () => {
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(session.serve.url);
    await eventually(() => page.getByRole('heading', { name: 'Add a folder to start' }).isVisible(), 60_000).toBe(true);
    const port = new URL(session.serve.url).port;

    await session.serve.stop();
    // Not reachable: a network error, tried again.
    await eventually(() => page.getByText(/^Lost the connection to Shoebox; trying again/).isVisible()).toBe(true);
    const triedWhileAway = sockets.length;
    await eventually(() => sockets.length).toBeGreaterThan(triedWhileAway);

    // Back, with a new token: the old one is refused.
    again = await startServe([...args, '--port', port], session.serveEnv);
    expect(again.token).not.toBe(session.serve.token);
    const banner = page.getByRole('alert').filter({ hasText: 'Shoebox refused this page' });
    await eventually(() => banner.innerText(), 30_000).toBe(ENDED);
    expect(await page.getByText(/^Lost the connection to Shoebox/).count()).toBe(0);
    // No more tries: each would be refused the same way.
    const tried = sockets.length;
    await page.waitForTimeout(4000);
    expect(sockets.length).toBe(tried);
    expect(await page.getByRole('alert').filter({ hasText: 'Shoebox refused this page' }).count()).toBe(1);
  });
});
