// The desktop window's page crashed, ran out of memory, hung or did not load: the window must
// not stay blank and silent. A crash reloads the page once; a second within a minute asks
// (Reload / Quit) instead of looping; a failed load of the app's page asks with the error; a
// hung page offers Wait / Reload. Driven through createMainWindow, as main opens its window.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createdWindows, fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { createMainWindow } = await import('../../../src/main/window');

const URL = 'shoebox://app/index.html';

function openWindow() {
  createMainWindow({ preloadPath: '/fake/app/out/preload/index.cjs', url: URL });
  const window = createdWindows.at(-1);
  if (!window) throw new Error('no window was created');
  window.loadURL.mockClear();
  return window;
}

const asked = () => vi.mocked(fakeElectron.dialog.showMessageBox).mock.calls.map(([, options]) => options);
const answer = (response: number) => vi.mocked(fakeElectron.dialog.showMessageBox).mockResolvedValueOnce({ response, checkboxChecked: false });
/** Lets the dialog's answer reach its handler. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("the desktop window's page", () => {
  beforeEach(() => {
    resetFakeElectron();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('crashed or out of memory: loaded again at once, without a question', () => {
    const window = openWindow();
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(window.loadURL).toHaveBeenCalledWith(URL);
    expect(asked()).toEqual([]);
    // Much later, another crash is a new one: reloaded again.
    vi.setSystemTime(new Date('2025-03-01T10:05:00Z'));
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(window.loadURL).toHaveBeenCalledTimes(2);
    expect(asked()).toEqual([]);
  });

  it('a clean exit (the window closing) is left alone', () => {
    const window = openWindow();
    window.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(window.loadURL).not.toHaveBeenCalled();
    expect(asked()).toEqual([]);
  });

  it('gone again within a minute of the reload: asks Reload / Quit with the reason, never loops', async () => {
    const window = openWindow();
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    vi.setSystemTime(new Date('2025-03-01T10:00:30Z'));
    answer(1); // Quit
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 });
    expect(window.loadURL).toHaveBeenCalledTimes(1);
    expect(asked()).toHaveLength(1);
    expect(asked()[0]).toMatchObject({ buttons: ['Reload', 'Quit'] });
    expect(asked()[0]?.detail).toContain('ran out of memory (oom, exit code 9)');
    expect(vi.mocked(fakeElectron.dialog.showMessageBox).mock.calls[0]?.[0]).toBe(window);
    await settle();
    expect(fakeElectron.app.quit).toHaveBeenCalled();

    // Reload, chosen: loaded again, and a crash right after asks again.
    answer(0);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    await settle();
    expect(window.loadURL).toHaveBeenCalledTimes(2);
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(window.loadURL).toHaveBeenCalledTimes(2);
    expect(asked()).toHaveLength(3);
  });

  it("the app's page did not load: says the error, Reload loads it again", async () => {
    const window = openWindow();
    answer(0);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', URL, true, 1, 1);
    expect(asked()[0]).toMatchObject({ message: 'Shoebox could not load its window.', buttons: ['Reload', 'Quit'] });
    expect(asked()[0]?.detail).toContain('ERR_FILE_NOT_FOUND (error -6)');
    await settle();
    expect(window.loadURL).toHaveBeenCalledWith(URL);
    answer(1);
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', URL, true, 1, 1);
    await settle();
    expect(fakeElectron.app.quit).toHaveBeenCalled();
  });

  it('an aborted load, a subframe or another page failing is not asked about', () => {
    const window = openWindow();
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', URL, true, 1, 1);
    window.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://tiles.example.com/', false, 1, 2);
    window.webContents.emit('did-fail-load', {}, -105, 'ERR_NAME_NOT_RESOLVED', 'https://example.com/', true, 1, 1);
    expect(asked()).toEqual([]);
    expect(window.loadURL).not.toHaveBeenCalled();
  });

  it('hung: Wait leaves it be; Reload ends its process and loads the page again (not counted as a crash)', async () => {
    const window = openWindow();
    answer(0);
    window.emit('unresponsive');
    expect(asked()[0]).toMatchObject({ buttons: ['Wait', 'Reload'] });
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();

    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 }); // an earlier crash: reloaded
    answer(1);
    window.emit('unresponsive');
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).toHaveBeenCalled();
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(window.loadURL).toHaveBeenCalledTimes(2);
    expect(asked()).toHaveLength(2);
  });

  it('hung, then answering again: the question closes by itself', async () => {
    const window = openWindow();
    window.emit('unresponsive');
    const { signal } = asked()[0] ?? {};
    expect(signal?.aborted).toBe(false);
    window.emit('responsive');
    expect(signal?.aborted).toBe(true);
    await settle();
    expect(window.webContents.forcefullyCrashRenderer).not.toHaveBeenCalled();
    expect(window.loadURL).not.toHaveBeenCalled();
  });
});
