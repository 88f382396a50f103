import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { LibraryApi, LibraryEvent } from '../../../src/shared/api';
import { fakeElectron } from '../main/fake-electron';

vi.mock('electron', async () => (await import('../main/fake-electron')).fakeElectron);

const { EVENT_CHANNEL, GET_LIBRARY_CHANNEL, INVOKE_CHANNEL_PREFIX, INVOKABLE_METHODS, REVEAL_PHOTO_CHANNEL, SET_LIBRARY_CHANNEL } = await import('../../../src/main/ipc');

let exposed: Record<string, unknown>;
let api: LibraryApi;

beforeAll(async () => {
  await import('../../../src/preload/index');
  const calls = fakeElectron.contextBridge.exposeInMainWorld.mock.calls;
  exposed = Object.fromEntries(calls.map(([key, value]) => [key as string, value]));
  api = exposed['shoebox'] as LibraryApi;
});

describe('preload', () => {
  it('exposes exactly one key, shoebox, with the LibraryApi methods, revealPhoto and the library setting only', () => {
    expect(Object.keys(exposed)).toEqual(['shoebox']);
    expect(Object.keys(api).sort()).toEqual([...INVOKABLE_METHODS, 'revealPhoto', 'library', 'setLibrary', 'subscribe'].sort());
  });

  it('reads and saves the library setting on the channels main listens on', async () => {
    const bridge = api as unknown as { library(): Promise<unknown>; setLibrary(input: unknown): Promise<unknown> };
    fakeElectron.ipcRenderer.invoke.mockClear();
    await bridge.library();
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(GET_LIBRARY_CHANNEL);
    const input = { choice: { kind: 's3', bucket: 'family', prefix: 'p' } };
    await bridge.setLibrary(input);
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(SET_LIBRARY_CHANNEL, input);
  });

  it('asks main to reveal a photo by its id, on the channel main listens on', async () => {
    fakeElectron.ipcRenderer.invoke.mockClear();
    await (api as unknown as { revealPhoto(id: string): Promise<void> }).revealPhoto('id-1');
    expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(REVEAL_PHOTO_CHANNEL, 'id-1');
  });

  it('does not hand the page ipcRenderer', () => {
    expect(Object.values(api)).not.toContain(fakeElectron.ipcRenderer);
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true);
  });

  it('calls every method main answers, on the channel main listens on', async () => {
    for (const method of INVOKABLE_METHODS) {
      fakeElectron.ipcRenderer.invoke.mockClear();
      await (api[method] as (...args: unknown[]) => Promise<unknown>)('argument', { limit: 1 });
      expect(fakeElectron.ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNEL_PREFIX + method, 'argument', { limit: 1 });
    }
  });

  it('delivers engine events to a subscriber, without the IPC event object', () => {
    const listener = vi.fn();
    const unsubscribe = api.subscribe(listener);
    const event: LibraryEvent = { type: 'log', level: 'warn', message: 'disk nearly full' };
    fakeElectron.ipcRenderer.emit(EVENT_CHANNEL, { sender: fakeElectron.ipcRenderer }, event);
    expect(listener).toHaveBeenCalledWith(event);
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
  });

  it("removes the listener when the subscriber unsubscribes", () => {
    const listener = vi.fn();
    const unsubscribe = api.subscribe(listener);
    unsubscribe();
    expect(fakeElectron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, expect.any(Function));
    expect(fakeElectron.ipcRenderer.listeners.get(EVENT_CHANNEL) ?? []).toHaveLength(0);
    fakeElectron.ipcRenderer.emit(EVENT_CHANNEL, {}, { type: 'log', level: 'info', message: 'late' });
    expect(listener).not.toHaveBeenCalled();
  });
});
