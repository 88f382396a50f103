// Electron main process: app lifecycle only. Each concern lives in its own file; the
// engine sits behind engine-host.ts so this process stays free of heavy work.
import path from 'node:path';
import { app, BrowserWindow, safeStorage, session } from 'electron';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { devServerUrl, rendererEntryUrl } from './app-url';
import { contentSecurityPolicy } from '../shared/csp';
import { createEngineHost } from './engine-host';
import { forwardEvents, registerIpc } from './ipc';
import { registerLibraryIpc } from './library-ipc';
import { LibrarySetting } from './library-setting';
import { engineLibrary } from './engine-library';
import { installMenu } from './menu';
import { hardenSession } from './security';
import { createMainWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state';
import { checkLibraryLocation } from '../core/index';
import { appHome } from './app-home';
import { providerChoice } from './provider-choice';

// Sandbox every renderer, including any a future feature forgets to configure.
app.enableSandbox();
registerAppScheme();

// A second instance would be a second LanceDB writer (DESIGN.md "Data"): it hands over
// to the first (see 'second-instance') and exits.
if (app.requestSingleInstanceLock()) {
  start();
} else {
  app.quit();
}

function start(): void {
  // app.getAppPath() is the project root in development and app.asar when packaged;
  // electron-vite writes the three bundles under out/ in both cases.
  const outDir = path.join(app.getAppPath(), 'out');
  // The engine process starts on first use (after ready); its data folder is the same
  // per-user folder the `shoebox` CLI uses by default, or SHOEBOX_HOME as the CLI resolves
  // it, so both see one library.
  const home = appHome(app.getPath('userData'));
  // Settings → Library: SHOEBOX_LIBRARY (checked as the CLI checks it) wins over the saved choice.
  const librarySetting = new LibrarySetting(home, safeStorage);
  const engine = createEngineHost({
    entry: path.join(outDir, 'main', 'engine.js'),
    home,
    // SHOEBOX_PROVIDER, else settings.json's "provider", else auto (as the CLI decides);
    // a name neither knows starts the app on auto, said on the terminal it was started from.
    provider: providerChoice(home, (line) => console.warn(`[shoebox] ${line}`)),
    // The CLI's rule (engine-library.ts); a malformed SHOEBOX_LIBRARY fails the start in its one line.
    library: () => engineLibrary(librarySetting),
  });
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = (): void => {
    mainWindow = createMainWindow({
      preloadPath: path.join(outDir, 'preload', 'index.cjs'),
      url: rendererEntryUrl(),
      // The app's own userData, not SHOEBOX_HOME: where the window sat is not library data.
      stateFile: path.join(app.getPath('userData'), WINDOW_STATE_FILE),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  // Set once the last window has gone and the engine flushes (will-quit, below): not at
  // before-quit, which a window with unsaved changes can still cancel ("Keep editing").
  let quitting = false;
  // Launched again while quitting: once the engine has flushed, the app starts again.
  let relaunchAsked = false;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return;
    }
    // No window: on macOS once it was closed, or before the first one is open. The user
    // launched Shoebox to see it: open it (once ready; the first one may be opening). While
    // quitting (the engine flushing after the last window closed) the app is going: it starts
    // again once it has gone, rather than leave the launch unanswered.
    if (quitting) {
      relaunchAsked = true;
      return;
    }
    void app.whenReady().then(() => {
      if (!mainWindow && !quitting) openMainWindow();
    });
  });

  app
    .whenReady()
    .then(() => {
      const cspMode = devServerUrl() ? 'development' : 'production';
      hardenSession(session.defaultSession, contentSecurityPolicy(cspMode));
      serveRenderer(path.join(outDir, 'renderer'), contentSecurityPolicy(cspMode), engine);
      registerIpc(engine.api);
      registerLibraryIpc(librarySetting, {
        check: ({ library, s3 }, toOpen) => checkLibraryLocation(library, { defaultDir: path.join(home, 'library'), toOpen, ...(s3 ? { s3 } : {}) }),
        copy: (target) => engine.copyLibrary(target),
        restart: () => engine.restart(),
      });
      installMenu({ api: engine.api, home, development: devServerUrl() !== null });
      forwardEvents(engine.api, () => BrowserWindow.getAllWindows().map((window) => window.webContents));
      openMainWindow();
      // macOS keeps the app alive without windows; clicking the dock icon reopens one.
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('[shoebox] startup failed:', error);
      app.exit(1);
    });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Give the engine the chance to flush (LanceDB writes, its utility process) before exit.
  let engineStopped = false;
  app.on('will-quit', (event) => {
    quitting = true;
    if (engineStopped) return;
    event.preventDefault();
    engine
      .dispose()
      .catch((error: unknown) => console.error('[shoebox] engine did not stop cleanly:', error))
      .finally(() => {
        engineStopped = true;
        if (relaunchAsked) app.relaunch();
        app.quit();
      });
  });
}
