import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as fake from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

type Fake = typeof fake;

// The mocked 'electron' (this fake, never the real module) outlives vi.resetModules(), so
// every launch shares one fake, made fresh in place by resetFakeElectron(). Resolving it
// now, before any reset, binds the mock to the same fake instance this file inspects.
const electron = await import('electron');
if ((electron as unknown as Fake['fakeElectron']).app !== fake.fakeElectron.app) {
  throw new Error('the electron mock is not the fake this test inspects');
}

/** Runs src/main/index.ts afresh, as launching the app would; `before` sets the fake up first. */
async function launch(before: (f: Fake) => void = () => {}): Promise<Fake> {
  vi.resetModules();
  before(fake);
  await import('../../../src/main/index');
  return fake;
}

/** Launches and waits until the main window exists. */
async function launchToWindow(before?: (f: Fake) => void): Promise<Fake> {
  await launch(before);
  await vi.waitFor(() => expect(fake.createdWindows).toHaveLength(1));
  return fake;
}

describe('app lifecycle', () => {
  beforeEach(fake.resetFakeElectron);

  it('opens one secure window on the app entry once ready', async () => {
    const { createdWindows, fakeElectron } = await launchToWindow();
    const [window] = createdWindows;
    expect(window?.loadURL).toHaveBeenCalledWith('shoebox://app/index.html');
    // Must match the preload bundle electron.vite.config.ts writes (see build-config.test.ts).
    expect(window?.options['webPreferences']).toMatchObject({
      preload: path.join('/fake/app', 'out', 'preload', 'index.cjs'),
    });
    expect(fakeElectron.app.enableSandbox).toHaveBeenCalled();
    expect(fakeElectron.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
  });

  it('remembers the main window in the app\'s userData, whatever SHOEBOX_HOME says', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-userdata-'));
    try {
      const { createdWindows } = await launchToWindow((f) => f.fakeElectron.app.getPath.mockImplementation((name: string) => (name === 'userData' ? userData : `/fake/${name}`)));
      const [window] = createdWindows;
      window!.bounds = { x: 10, y: 20, width: 1000, height: 700 };
      window!.emit('close');
      const state = JSON.parse(fs.readFileSync(path.join(userData, 'window-state.json'), 'utf8')) as unknown;
      expect(state).toMatchObject({ bounds: { x: 10, y: 20, width: 1000, height: 700 } });
    } finally {
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });

  it('registers the app scheme before the app is ready, then serves, hardens and bridges', async () => {
    const { fakeElectron } = await launchToWindow();
    const registered = fakeElectron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    const ready = fakeElectron.app.whenReady.mock.invocationCallOrder[0] ?? -Infinity;
    expect(registered).toBeLessThan(ready);
    expect(fakeElectron.protocol.handle).toHaveBeenCalledWith('shoebox', expect.any(Function));
    expect(fakeElectron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(fakeElectron.ipcMain.handle).toHaveBeenCalledWith('shoebox:info', expect.any(Function));
  });

  it('hosts the engine in a utility process of the built engine entry, on first use only', async () => {
    const { fakeElectron, forkedProcesses } = await launchToWindow();
    expect(fakeElectron.utilityProcess.fork).not.toHaveBeenCalled();
    const statusHandler = fakeElectron.ipcMain.handle.mock.calls.find(([name]) => name === 'shoebox:status')?.[1] as (e: unknown) => Promise<unknown>;
    void statusHandler({ senderFrame: { url: 'shoebox://app/index.html' } }).catch(() => {});
    expect(forkedProcesses[0]?.modulePath).toBe(path.join('/fake/app', 'out', 'main', 'engine.js'));
    const [start] = forkedProcesses[0]!.postMessage.mock.calls[0] as [{ options: { home: string } }];
    expect(start.options.home).toBe(process.env['SHOEBOX_HOME'] || '/fake/userData');
  });

  it('starts the engine on the home and provider the CLI would use, saying when a provider name is unknown', async () => {
    const saved = { home: process.env['SHOEBOX_HOME'], provider: process.env['SHOEBOX_PROVIDER'] };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    /** The engine's start message once the page asks for something. */
    const engineStart = async () => {
      const { fakeElectron, forkedProcesses } = await launchToWindow();
      const statusHandler = fakeElectron.ipcMain.handle.mock.calls.find(([name]) => name === 'shoebox:status')?.[1] as (e: unknown) => Promise<unknown>;
      void statusHandler({ senderFrame: { url: 'shoebox://app/index.html' } }).catch(() => {});
      return (forkedProcesses[0]!.postMessage.mock.calls[0] as [{ options: { home: string; provider: string } }])[0].options;
    };
    try {
      process.env['SHOEBOX_HOME'] = path.join('relative', 'shoebox-home');
      process.env['SHOEBOX_PROVIDER'] = 'CUDA';
      expect(await engineStart()).toMatchObject({ home: path.resolve('relative', 'shoebox-home'), provider: 'cuda' });
      expect(warn).not.toHaveBeenCalled();

      fake.resetFakeElectron();
      process.env['SHOEBOX_PROVIDER'] = 'gpu';
      expect(await engineStart()).toMatchObject({ provider: 'auto' });
      expect(warn).toHaveBeenCalledExactlyOnceWith('[shoebox] SHOEBOX_PROVIDER: unknown execution provider "gpu" (auto, cuda, dml, coreml, webgpu or cpu); using auto');
    } finally {
      warn.mockRestore();
      for (const [name, value] of [['SHOEBOX_HOME', saved.home], ['SHOEBOX_PROVIDER', saved.provider]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('loads the dev server in development', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    const { createdWindows } = await launchToWindow();
    expect(createdWindows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173');
  });

  it('hands over to the running instance instead of opening a second library writer', async () => {
    const { createdWindows, fakeElectron } = await launch((f) =>
      f.fakeElectron.app.requestSingleInstanceLock.mockReturnValue(false),
    );
    expect(fakeElectron.app.quit).toHaveBeenCalled();
    expect(fakeElectron.app.whenReady).not.toHaveBeenCalled();
    expect(createdWindows).toHaveLength(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { createdWindows, fakeElectron } = await launchToWindow();
    fakeElectron.app.emit('second-instance');
    expect(createdWindows[0]?.focus).toHaveBeenCalled();
  });

  it('opens the main window for a second instance when there is none; while quitting, starts again once gone', async () => {
    const { createdWindows, fakeElectron } = await launchToWindow();
    createdWindows[0]!.emit('closed'); // macOS: the app lives on without a window
    fakeElectron.app.emit('second-instance');
    await vi.waitFor(() => expect(createdWindows).toHaveLength(2));

    // A quit the user cancelled (Keep editing): a later launch still opens a window.
    fakeElectron.app.emit('before-quit');
    createdWindows[1]!.emit('closed');
    fakeElectron.app.emit('second-instance');
    await vi.waitFor(() => expect(createdWindows).toHaveLength(3));

    createdWindows[2]!.emit('closed');
    fakeElectron.app.emit('before-quit');
    fakeElectron.app.emit('will-quit', { preventDefault: vi.fn() }); // the engine flushing before exit
    fakeElectron.app.emit('second-instance');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(createdWindows).toHaveLength(3);
    // The launch is not lost: the app starts again as it exits.
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
    expect(fakeElectron.app.relaunch).toHaveBeenCalledTimes(1);
    expect(fakeElectron.app.relaunch.mock.invocationCallOrder[0]).toBeLessThan(fakeElectron.app.quit.mock.invocationCallOrder.at(-1)!);
  });

  it('opens one window only when a second instance starts before the first window is open', async () => {
    let ready!: () => void;
    const { createdWindows, fakeElectron } = await launch((f) => f.fakeElectron.app.whenReady.mockImplementation(() => new Promise<void>((resolve) => (ready = resolve))));
    fakeElectron.app.emit('second-instance');
    ready();
    await vi.waitFor(() => expect(createdWindows).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(createdWindows).toHaveLength(1);
  });

  it('quits when the last window closes, except on macOS', async () => {
    const { fakeElectron } = await launchToWindow();
    fakeElectron.app.emit('window-all-closed');
    expect(fakeElectron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
  });

  it('stops the engine before quitting', async () => {
    const { fakeElectron } = await launchToWindow();
    const first = { preventDefault: vi.fn() };
    fakeElectron.app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(fakeElectron.app.quit).toHaveBeenCalled());
    // The will-quit that follows, once the engine has stopped, must let the app exit.
    const second = { preventDefault: vi.fn() };
    fakeElectron.app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    expect(fakeElectron.app.relaunch).not.toHaveBeenCalled();
  });
});
