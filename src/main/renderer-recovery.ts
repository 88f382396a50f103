// What the desktop app does when its page dies, hangs or does not load. Without this a crashed
// or out-of-memory renderer leaves a blank window with nothing to click and nothing said (the
// engine's crashes are handled apart: engine-host.ts restarts it and the page says so).
//   - The page's process is gone (crashed, out of memory, killed): the page is loaded again,
//     once. Gone again within CRASH_AGAIN_MS of that, the user is asked (Reload / Quit) rather
//     than the window crashing and reloading in a loop.
//   - The app's own page did not load: the user is told why and asked (Reload / Quit).
//   - The page hangs: Electron's usual question, Wait / Reload; it goes away by itself when the
//     page answers again.
import { app, dialog, type BrowserWindow, type RenderProcessGoneDetails } from 'electron';
import { isAppUrl } from './app-url';

/** A second crash this soon after the automatic reload asks the user instead of reloading again. */
export const CRASH_AGAIN_MS = 60_000;

/** Chromium's ERR_ABORTED: a load stopped by another (a reload, a quick navigation), not a failure. */
const ERR_ABORTED = -3;

/** Why the page's process went, as the dialog says it ("The window's page …"). */
const GONE_REASONS: Record<RenderProcessGoneDetails['reason'], string> = {
  'clean-exit': 'ended',
  'abnormal-exit': 'ended abnormally',
  killed: 'was killed',
  crashed: 'crashed',
  oom: 'ran out of memory',
  'launch-failed': 'could not start',
  'integrity-failure': 'failed a code integrity check',
  'memory-eviction': 'was closed to free memory',
};

export function goneReasonText(details: RenderProcessGoneDetails): string {
  const reason = GONE_REASONS[details.reason] ?? details.reason;
  return `The window's page ${reason} (${details.reason}, exit code ${details.exitCode}).`;
}

type DialogKind = 'gone' | 'failed' | 'unresponsive';

/** Watches `window`'s page; `url` is what it loads (the app's entry), loaded again to recover. */
export function recoverRenderer(window: BrowserWindow, url: string, now: () => number = () => Date.now()): void {
  const contents = window.webContents;
  /** When the page was last reloaded after a crash (by itself or by the user's Reload). */
  let reloadedAt: number | null = null;
  /** The Reload of a hung page ends its process on purpose: that end is not a crash. */
  let endingHungPage = false;
  /** At most one of our dialogs at a time: a newer one, or the page answering again, closes it. */
  let open: { kind: DialogKind; controller: AbortController } | null = null;

  const reload = (): void => {
    if (window.isDestroyed()) return;
    reloadedAt = now();
    // A load that fails is said by did-fail-load below; the promise has nothing to add.
    window.loadURL(url).catch(() => {});
  };

  /** Asks with `buttons`; the index chosen, or null when the dialog was closed for us. */
  const ask = async (kind: DialogKind, options: { message: string; detail: string; buttons: string[]; cancelId: number }): Promise<number | null> => {
    open?.controller.abort();
    const mine = { kind, controller: new AbortController() };
    open = mine;
    const { response } = await dialog.showMessageBox(window, {
      type: kind === 'unresponsive' ? 'warning' : 'error',
      title: 'Shoebox',
      ...options,
      defaultId: 0,
      noLink: true,
      signal: mine.controller.signal,
    });
    if (open === mine) open = null;
    return mine.controller.signal.aborted || window.isDestroyed() ? null : response;
  };

  const reloadOrQuit = async (kind: 'gone' | 'failed', message: string, detail: string): Promise<void> => {
    const choice = await ask(kind, { message, detail, buttons: ['Reload', 'Quit'], cancelId: 0 });
    if (choice === 0) reload();
    else if (choice === 1) app.quit();
  };

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit' || window.isDestroyed()) return;
    // Whatever was being asked is moot now: the page it was about is gone.
    open?.controller.abort();
    if (endingHungPage) {
      endingHungPage = false;
      reload();
      return;
    }
    if (reloadedAt === null || now() - reloadedAt > CRASH_AGAIN_MS) {
      reload();
      return;
    }
    void reloadOrQuit('gone', 'The Shoebox window stopped again.', `${goneReasonText(details)} It was loaded again less than a minute ago and stopped again. Your library is not affected.`);
  });

  contents.on('did-fail-load', (_event, errorCode, errorDescription, validatedURL, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || !isAppUrl(validatedURL)) return;
    void reloadOrQuit('failed', 'Shoebox could not load its window.', `${errorDescription} (error ${errorCode}) loading ${validatedURL}.`);
  });

  window.on('unresponsive', () => {
    void ask('unresponsive', {
      message: 'The Shoebox window is not responding.',
      detail: 'You can wait for it, or reload it (what was typed and not saved is lost).',
      buttons: ['Wait', 'Reload'],
      cancelId: 0,
    }).then((choice) => {
      if (choice !== 1) return;
      // A hung page cannot unload itself: its process is ended (Electron's advice for a hung
      // renderer) and render-process-gone above loads the page again.
      endingHungPage = true;
      contents.forcefullyCrashRenderer();
    });
  });
  window.on('responsive', () => {
    if (open?.kind === 'unresponsive') open.controller.abort();
  });
}
