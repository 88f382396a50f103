// The engine crashed and Electron main restarted it (src/main/engine-host.ts): main says so in
// an error-level 'log' event, and the page shows it until the user dismisses it (a running
// index job ended with the crash: it must not vanish unsaid). In Chromium: the built UI served
// by `shoebox serve`, with window.shoebox playing the Electron preload, whose subscribe() the
// test drives to deliver main's events as ipcRenderer would. Screenshot:
// test-results/screenshots/engine-notice-desktop.png.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKABLE_METHODS } from '../../src/shared/api-methods';
import type { LibraryEvent } from '../../src/shared/api';
import { tempDir } from '../helpers/images';
import { fixtureModelDir, TINY_IMMICH } from '../fixtures/models/paths';
import { hasChromium, screenshot } from './helpers/browser';
import { eventually, openUiSession, type UiSession } from './helpers/ui-session';

const CRASH = 'The engine stopped unexpectedly (exit code 139) and was restarted; jobs that were running (indexing, an import, a download) stopped.';

describe.skipIf(!hasChromium)("the engine's crash in the desktop app", () => {
  let session: UiSession;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    session = await openUiSession(['--home', tempDir('shoebox-e2e-engine-notice-'), '--provider', 'cpu', 'serve', '--model-dir', fixtureModelDir(TINY_IMMICH)]);
    ({ page, errors } = session);
    await page.addInitScript(
      ({ methods, token }) => {
        const call = async (method: string, args: unknown[]) => {
          const res = await fetch(`/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(args) });
          const body = (await res.json()) as { result?: unknown; error?: { message: string } };
          if (body.error) throw new Error(body.error.message);
          return body.result;
        };
        const listeners = new Set<(event: unknown) => void>();
        // A plain object, as contextBridge hands over (the client spreads it).
        const api: Record<string, unknown> = Object.fromEntries(methods.map((m) => [m, (...args: unknown[]) => call(m, args)]));
        api['subscribe'] = (listener: (event: unknown) => void) => {
          listeners.add(listener);
          return () => listeners.delete(listener);
        };
        (window as unknown as { shoebox: unknown }).shoebox = api;
        (window as unknown as { mainSends: (event: unknown) => void }).mainSends = (event) => listeners.forEach((listener) => listener(event));
      },
      { methods: [...INVOKABLE_METHODS], token: session.serve.token },
    );
  }, 300_000);

  afterAll(async () => {
    await session?.close();
  });

  const mainSends = (event: LibraryEvent) => page.evaluate((e) => (window as unknown as { mainSends: (event: unknown) => void }).mainSends(e), event);

  it('shows the restart until dismissed; info stays in the log', async () => {
    await page.goto(session.serve.url);
    await eventually(() => page.getByRole('heading', { name: 'Add a folder to start' }).isVisible(), 60_000).toBe(true);
    await mainSends({ type: 'log', level: 'info', message: 'watch: /photos is back: followed again' });
    await mainSends({ type: 'log', level: 'error', message: CRASH });

    const notice = page.getByRole('alert').filter({ hasText: 'The engine stopped unexpectedly' });
    await eventually(() => notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toContain(CRASH);
    expect(await page.getByText('followed again').count()).toBe(0);
    await screenshot(page, 'engine-notice-desktop');

    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await eventually(() => notice.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
