// One e2e test file's world: the built app, `shoebox serve` on it (args as on the command
// line), and a Chromium page with its console errors collected; close() undoes it all.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../helpers/build-app';
import { collectErrors, launchChromium } from './browser';
import { startServe, type ServeProcess } from './serve';

export interface UiSession {
  serve: ServeProcess;
  /** The environment `serve` was started with (the built UI's folder included): a test that
   *  starts another serve on the same page passes it too. */
  serveEnv: NodeJS.ProcessEnv;
  browser: Browser;
  page: Page;
  /** Console errors and uncaught exceptions so far (a CSP violation shows up here). */
  errors: string[];
  close(): Promise<void>;
}

export interface UiSessionOptions {
  /** Extra environment for `shoebox serve` (SHOEBOX_TRASH_DIR, SHOEBOX_HF_ENDPOINT, ...). */
  env?: NodeJS.ProcessEnv;
  viewport?: { width: number; height: number };
}

export async function openUiSession(serveArgs: string[], options: UiSessionOptions = {}): Promise<UiSession> {
  const outDir = await buildApp();
  const serveEnv = { SHOEBOX_UI_DIR: path.join(outDir, 'renderer'), ...options.env };
  const serve = await startServe(serveArgs, serveEnv);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  return {
    serve,
    serveEnv,
    browser,
    page,
    errors: collectErrors(page),
    async close() {
      await browser.close();
      const code = await serve.stop();
      if (code !== 0) console.warn(`shoebox serve exited ${code}:\n${serve.stderr()}`);
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** Polls `read` until the assertion chained on it holds (the UI updates asynchronously). */
export function eventually<T>(read: () => T | Promise<T>, timeout = 20_000) {
  return expect.poll(read, { timeout, interval: 100 });
}
