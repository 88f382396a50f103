import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineInfo, LibraryApi, LibraryEvent } from '../../../src/shared/api';
import { FakeWebContents, fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { registerIpc, forwardEvents, EVENT_CHANNEL } = await import('../../../src/main/ipc');

const info: EngineInfo = {
  version: '1.2.3',
  home: '/home/test',
  platform: 'linux',
  providers: { available: ['cpu'], inUse: 'cpu', fallbackReason: null },
};

function fakeApi() {
  let listener: ((event: LibraryEvent) => void) | null = null;
  const api: LibraryApi = {
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

  it('removes its handlers when asked', () => {
    const dispose = registerIpc(fakeApi().api);
    dispose();
    expect(fakeElectron.ipcMain.removeHandler).toHaveBeenCalledWith('shoebox:info');
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
