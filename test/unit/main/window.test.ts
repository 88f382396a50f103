import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createdWindows, fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { createMainWindow } = await import('../../../src/main/window');

function openWindow() {
  createMainWindow({ preloadPath: '/fake/app/out/preload/index.cjs', url: 'shoebox://app/index.html' });
  const window = createdWindows.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

/** Emits will-navigate the way Electron does and reports whether the page was stopped. */
function navigate(url: string): boolean {
  const event = { url, preventDefault: vi.fn() };
  openWindow().webContents.emit('will-navigate', event);
  return event.preventDefault.mock.calls.length > 0;
}

describe('main window', () => {
  beforeEach(resetFakeElectron);

  it('isolates the page from Node and Electron', () => {
    const window = openWindow();
    expect(window.options['webPreferences']).toMatchObject({
      preload: '/fake/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
  });

  it("keeps Chromium's spellchecker off, which would download dictionaries from Google", () => {
    expect(openWindow().options['webPreferences']).toMatchObject({ spellcheck: false });
  });

  it('loads the app entry', () => {
    expect(openWindow().loadURL).toHaveBeenCalledWith('shoebox://app/index.html');
  });

  it('denies every window.open', () => {
    const { webContents } = openWindow();
    expect(webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'shoebox://app/index.html' })).toEqual({ action: 'deny' });
  });

  it('stops navigation to outside pages', () => {
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('shoebox://elsewhere/index.html')).toBe(true);
    expect(navigate('not a url')).toBe(true);
  });

  it('asks before a page with changes not saved closes or reloads; Keep editing keeps it', () => {
    const window = openWindow();
    const refuse = () => {
      const event = { preventDefault: vi.fn() };
      window.webContents.emit('will-prevent-unload', event);
      // Its preventDefault overrides the page's refusal: the window goes.
      return event.preventDefault.mock.calls.length > 0 ? 'left' : 'stayed';
    };
    const ask = vi.mocked(fakeElectron.dialog.showMessageBoxSync);
    const buttons = () => ask.mock.calls.at(-1)?.[1].buttons ?? [];
    ask.mockReturnValueOnce(1);
    expect(refuse()).toBe('stayed');
    expect(buttons()[1]).toBe('Keep editing');
    ask.mockReturnValueOnce(0);
    expect(refuse()).toBe('left');
    expect(buttons()[0]).toBe('Leave without saving');
    expect(ask.mock.calls.at(-1)?.[0]).toBe(window);
  });

  it('lets the app navigate within itself', () => {
    expect(navigate('shoebox://app/index.html#/search')).toBe(false);
  });

  it('trusts the dev server only in an unpackaged app', () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173';
    expect(navigate('http://localhost:5173/')).toBe(false);
    expect(navigate('http://localhost:5174/')).toBe(true);
    fakeElectron.app.isPackaged = true;
    expect(navigate('http://localhost:5173/')).toBe(true);
  });

  it('offers Cut, Copy, Paste and Select All on a right-click in a text field, Copy on selected text, nothing elsewhere', () => {
    const { webContents } = openWindow();
    const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
    const rightClick = (params: object) => {
      vi.mocked(fakeElectron.Menu.buildFromTemplate).mockClear();
      webContents.emit('context-menu', {}, { editFlags: flags, selectionText: '', isEditable: false, ...params });
      const built = vi.mocked(fakeElectron.Menu.buildFromTemplate).mock.results[0]?.value as { template: { role?: string }[]; popup: ReturnType<typeof vi.fn> } | undefined;
      if (built) expect(built.popup).toHaveBeenCalled();
      return built?.template.map((item) => item.role ?? '-');
    };
    expect(rightClick({ isEditable: true })).toEqual(['cut', 'copy', 'paste', '-', 'selectAll']);
    expect(rightClick({ selectionText: 'IMG_0042.jpg' })).toEqual(['copy']);
    expect(rightClick({})).toBeUndefined();
  });
});
