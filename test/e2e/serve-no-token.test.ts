// The serve page opened without its token (a bookmark of http://127.0.0.1:PORT/ without
// ?token=): one message that says what to do, the banner, and nothing that contradicts it:
// no "Lost the connection", no "cannot open the library" with a useless Try again, no footer
// alert; the search box points at the message above; no WebSocket is even tried.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium } from './helpers/browser';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

describe.skipIf(!hasChromium)('the serve page without its token', () => {
  let session: UiSession;

  beforeAll(async () => {
    const home = tempDir('shoebox-e2e-serve-no-token-home-');
    session = await openUiSession(['--home', home, '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  it('says once to open the printed address, and nothing else', async () => {
    const { page } = session;
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(session.serve.origin + '/');
    const banner = page.getByRole('alert').filter({ hasText: 'Shoebox refused this page' });
    await eventually(() => banner.count(), 30_000).toBe(1);
    await page.waitForTimeout(2000);
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await page.getByText(/Lost the connection/).count()).toBe(0);
    expect(await page.getByText(/cannot open the library/).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(await page.locator('footer.status-bar').count()).toBe(0);
    // The search box's hint points where the message is.
    expect(await page.locator('[placeholder*="message below"], [title*="message below"]').count()).toBe(0);
    expect(await page.content()).not.toContain('see the message below');
    expect(sockets).toEqual([]);
  });
});
