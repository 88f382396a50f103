import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineInfo, LibraryApi, LibraryEvent } from '../../../src/shared/api';
import { INVOKABLE_METHODS } from '../../../src/shared/api-methods';
import { FakeBrowserWindow, FakeWebContents, fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { registerIpc, forwardEvents, EVENT_CHANNEL, REVEAL_PHOTO_CHANNEL } = await import('../../../src/main/ipc');

const info: EngineInfo = {
  version: '1.2.3',
  home: '/home/test',
  platform: 'linux',
  providers: { available: ['cpu'], inUse: 'cpu', fallbackReason: null },
  threads: { cores: 2, decodes: 2, pool: 6 },
};

function fakeApi() {
  let listener: ((event: LibraryEvent) => void) | null = null;
  const answers = Object.fromEntries(INVOKABLE_METHODS.map((method) => [method, vi.fn(async () => `${method} answer`)]));
  const api: LibraryApi = {
    ...(answers as unknown as LibraryApi),
    info: vi.fn(async () => info),
    subscribe: vi.fn((next) => {
      listener = next;
      return () => {
        listener = null;
      };
    }),
  };
  return { api, emit: (event: LibraryEvent) => listener?.(event) };
}

type Handler = (event: Partial<IpcMainInvokeEvent>, ...args: unknown[]) => unknown;

function handlerFor(channel: string): Handler {
  const call = fakeElectron.ipcMain.handle.mock.calls.find(([name]) => name === channel);
  if (!call) throw new Error(`no handler for ${channel}`);
  return call[1] as Handler;
}

const fromFrame = (url: string) => ({ senderFrame: { url } }) as unknown as Partial<IpcMainInvokeEvent>;

describe('IPC bridge', () => {
  beforeEach(resetFakeElectron);

  it('answers info() for the app page', async () => {
    const { api } = fakeApi();
    registerIpc(api);
    await expect(handlerFor('shoebox:info')(fromFrame('shoebox://app/index.html'))).resolves.toEqual(info);
  });

  it('refuses a sender whose frame is not the app', () => {
    const { api } = fakeApi();
    registerIpc(api);
    const handler = handlerFor('shoebox:info');
    expect(() => handler(fromFrame('https://example.com/'))).toThrow(/untrusted/);
    expect(() => handler(fromFrame('file:///tmp/page.html'))).toThrow(/untrusted/);
    expect(() => handler({ senderFrame: null })).toThrow(/untrusted/);
    expect(api.info).not.toHaveBeenCalled();
  });

  it('registers one channel per LibraryApi method, and the desktop app\'s revealPhoto', () => {
    registerIpc(fakeApi().api);
    const channels = fakeElectron.ipcMain.handle.mock.calls.map(([name]) => name);
    expect(channels.sort()).toEqual([...INVOKABLE_METHODS.map((m) => `shoebox:${m}`), REVEAL_PHOTO_CHANNEL].sort());
    expect(channels).toEqual(expect.arrayContaining(['shoebox:addFolder', 'shoebox:search', 'shoebox:searchByImage', 'shoebox:listPhotos']));
  });

  it('passes checked arguments through', async () => {
    const { api } = fakeApi();
    registerIpc(api);
    const app = fromFrame('shoebox://app/index.html');
    await handlerFor('shoebox:listPhotos')(app, { offset: 200, limit: 100, folder: '/photos' });
    expect(api.listPhotos).toHaveBeenCalledWith({ offset: 200, limit: 100, folder: '/photos' });
    await handlerFor('shoebox:search')(app, 'dog on a beach', { limit: 20 });
    expect(api.search).toHaveBeenCalledWith('dog on a beach', { limit: 20 });
    await handlerFor('shoebox:listPhotos')(app);
    expect(api.listPhotos).toHaveBeenLastCalledWith();
  });

  it('refuses malformed arguments before the engine sees them', () => {
    const { api } = fakeApi();
    registerIpc(api);
    const app = fromFrame('shoebox://app/index.html');
    const bad: [string, unknown[], RegExp][] = [
      ['addFolder', [], /expected 1 argument/],
      ['addFolder', [42], /path must be a string/],
      ['addFolder', ['/a', '/b'], /expected 1 argument/],
      ['addFolder', ['/photos\0/etc'], /NUL/],
      ['removeFolder', [{ path: '/x' }], /path must be a string/],
      ['listPhotos', [{ limit: 1e9 }], /limit must be an integer/],
      ['listPhotos', [{ offset: -1 }], /offset must be an integer/],
      ['listPhotos', [{ limit: 10, where: '1=1' }], /unknown option "where"/],
      ['listPhotos', ['everything'], /options must be an object/],
      ['search', ['x'.repeat(5000)], /query is too long/],
      ['similar', [''], /id must not be empty/],
      ['searchByImage', [{ name: 'a.png', base64: 'not base64!' }], /base64/],
      ['searchByImage', [{ name: 'a.png', base64: 'A'.repeat(60 * 1024 * 1024) }], /too large/],
      ['getPhoto', [null], /id must be a string/],
      ['status', ['extra'], /expected 0 argument/],
    ];
    for (const [method, args, message] of bad) {
      expect(() => handlerFor(`shoebox:${method}`)(app, ...args), method).toThrow(message);
    }
    for (const method of INVOKABLE_METHODS) {
      if (method !== 'info') expect(api[method], method).not.toHaveBeenCalled();
    }
  });

  it('removes its handlers when asked', () => {
    const dispose = registerIpc(fakeApi().api);
    dispose();
    expect(fakeElectron.ipcMain.removeHandler).toHaveBeenCalledWith('shoebox:info');
    expect(fakeElectron.ipcMain.removeHandler).toHaveBeenCalledWith(REVEAL_PHOTO_CHANNEL);
  });

  it('pushes engine events to live app pages only', () => {
    const { api, emit } = fakeApi();
    const app = new FakeWebContents();
    const outsider = Object.assign(new FakeWebContents(), { url: 'https://example.com/' });
    const closed = Object.assign(new FakeWebContents(), { destroyed: true });
    forwardEvents(api, () => [app, outsider, closed] as unknown as WebContents[]);

    const event: LibraryEvent = { type: 'log', level: 'info', message: 'hello' };
    emit(event);
    expect(app.send).toHaveBeenCalledWith(EVENT_CHANNEL, event);
    expect(outsider.send).not.toHaveBeenCalled();
    expect(closed.send).not.toHaveBeenCalled();
  });
});

describe('chooseFolder over IPC', () => {
  beforeEach(resetFakeElectron);

  /** An app page in a real (fake) window, so the dialog has a parent to attach to. */
  function appWindow() {
    const window = new FakeBrowserWindow({});
    const event = { senderFrame: { url: 'shoebox://app/index.html' }, sender: window.webContents } as unknown as Partial<IpcMainInvokeEvent>;
    return { window, event };
  }

  it('is answered by main with the folder dialog, attached to the asking window; the engine is not asked', async () => {
    const { api } = fakeApi();
    registerIpc(api);
    const { window, event } = appWindow();
    fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/me/Pictures'] });
    await expect(handlerFor('shoebox:chooseFolder')(event)).resolves.toBe('/home/me/Pictures');
    expect(fakeElectron.dialog.showOpenDialog).toHaveBeenCalledWith(window, expect.objectContaining({ properties: ['openDirectory'] }));
    expect(api.chooseFolder).not.toHaveBeenCalled();
  });

  it('answers null when the dialog is cancelled', async () => {
    registerIpc(fakeApi().api);
    fakeElectron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(handlerFor('shoebox:chooseFolder')(appWindow().event)).resolves.toBeNull();
  });

  it('opens no dialog for an untrusted sender, nor for stray arguments', () => {
    registerIpc(fakeApi().api);
    const { window } = appWindow();
    const stranger = { senderFrame: { url: 'https://example.com/' }, sender: window.webContents } as unknown as Partial<IpcMainInvokeEvent>;
    expect(() => handlerFor('shoebox:chooseFolder')(stranger)).toThrow(/untrusted/);
    expect(() => handlerFor('shoebox:chooseFolder')(appWindow().event, '/etc')).toThrow(/expected 0 argument/);
    expect(fakeElectron.dialog.showOpenDialog).not.toHaveBeenCalled();
  });
});

describe('revealPhoto over IPC (desktop app only)', () => {
  beforeEach(resetFakeElectron);

  const app = fromFrame('shoebox://app/index.html');
  // A real file: the file manager is asked to show only a photo whose file is there (reveal-photo.ts).
  const photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-reveal-')), 'a.jpg');
  fs.writeFileSync(photo, 'jpeg');
  /** An engine that knows one photo, by its id. */
  function withPhoto() {
    const { api } = fakeApi();
    api.getPhoto = vi.fn(async (id: string) => (id === 'id-1' ? ({ id, path: photo } as Awaited<ReturnType<LibraryApi['getPhoto']>>) : null));
    registerIpc(api);
    return api;
  }

  it('shows the library photo the id names in the file manager, by the path the engine gives', async () => {
    const api = withPhoto();
    await handlerFor(REVEAL_PHOTO_CHANNEL)(app, 'id-1');
    expect(api.getPhoto).toHaveBeenCalledWith('id-1');
    expect(fakeElectron.shell.showItemInFolder).toHaveBeenCalledWith(photo);
  });

  it('reveals nothing for an id the library does not know, a path, stray arguments or an untrusted page', async () => {
    withPhoto();
    const reveal = handlerFor(REVEAL_PHOTO_CHANNEL);
    await expect(reveal(app, '/etc/passwd')).rejects.toThrow(/no longer in the library/);
    await expect(reveal(app)).rejects.toThrow(/expected 1 argument/);
    await expect(reveal(app, 'id-1', '/etc')).rejects.toThrow(/expected 1 argument/);
    await expect(reveal(app, 42)).rejects.toThrow(/expected 1 argument/);
    expect(() => reveal(fromFrame('https://example.com/'), 'id-1')).toThrow(/untrusted/);
    expect(fakeElectron.shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
