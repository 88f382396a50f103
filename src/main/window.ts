// The main window and the guards every window of ours gets.
import { BrowserWindow, nativeTheme, type WebContents } from 'electron';
import { isAppUrl } from './app-url';
import { addEditContextMenu } from './context-menu';
import { recoverRenderer } from './renderer-recovery';
import { askBeforeLeavingUnsaved } from './unsaved-changes';
import { loadWindowState, trackWindowState } from './window-state';

export interface MainWindowOptions {
  /** Absolute path of the built preload script (out/preload/index.cjs). */
  preloadPath: string;
  /** What to load: the app's own entry URL (see app-url.ts). */
  url: string;
  /** Where the window's bounds and maximized/full-screen state are remembered between runs. */
  stateFile?: string;
}

export function createMainWindow({ preloadPath, url, stateFile }: MainWindowOptions): BrowserWindow {
  const saved = stateFile ? loadWindowState(stateFile) : null;
  const window = new BrowserWindow({
    ...(saved ? saved.bounds : { width: 1280, height: 820 }),
    minWidth: 720,
    minHeight: 480,
    title: 'Shoebox',
    // Painted before the page loads; matching styles.css avoids a white flash in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#17181b' : '#f6f6f4',
    webPreferences: {
      preload: preloadPath,
      // The page sees only what the preload exposes (window.shoebox), never Node or
      // Electron: a bug or a malicious image name in the UI must not become code execution.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // On Windows and Linux Chromium's spellchecker downloads Hunspell dictionaries from
      // Google's servers: nothing is to leave the machine (the session's is off too, security.ts).
      spellcheck: false,
    },
  });
  guardWebContents(window.webContents);
  addEditContextMenu(window.webContents);
  askBeforeLeavingUnsaved(window);
  if (saved?.maximized) window.maximize();
  if (saved?.fullscreen) window.setFullScreen(true);
  if (stateFile) trackWindowState(window, stateFile);
  // Before the first load: a page that does not load, crashes or hangs is said and reloaded.
  recoverRenderer(window, url);
  window.loadURL(url).catch((error: unknown) => {
    // Reload races (dev HMR) abort loads harmlessly; anything else is worth a log line.
    console.error(`[shoebox] could not load ${url}:`, error);
  });
  return window;
}

/** Keeps a web contents on the app's own pages: no new windows, no navigating away. */
export function guardWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
}
