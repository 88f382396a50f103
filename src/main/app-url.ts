// Where the UI is loaded from, and the one test of "is this our own page?" that
// navigation guards and the IPC bridge share.
import { app } from 'electron';

/**
 * The packaged UI is served from a custom scheme rather than file:// (Electron security
 * checklist #18): it gets a real origin, so 'self' in the CSP means the app and nothing
 * else on disk, and the renderer cannot read arbitrary files through file:// URLs.
 */
export const APP_SCHEME = 'shoebox';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * The Vite dev server that `electron-vite dev` starts and announces in
 * ELECTRON_RENDERER_URL. A packaged app ignores the variable, so nobody can point an
 * installed Shoebox at another server through its environment.
 */
export function devServerUrl(): string | null {
  const url = process.env['ELECTRON_RENDERER_URL'];
  return !app.isPackaged && url ? url : null;
}

/** The URL the main window loads. */
export function rendererEntryUrl(): string {
  return devServerUrl() ?? APP_ENTRY_URL;
}

/** True only for pages of the app itself (the custom scheme, or the dev server in development). */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // `host` rather than `hostname`, so shoebox://app:1234/ is not ours either.
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  const dev = devServerUrl();
  return dev !== null && parsed.origin === new URL(dev).origin;
}
