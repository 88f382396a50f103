// Settings → Library over IPC: saves from the page run one at a time, so two of them (Save
// clicked twice, two windows) never restart the engine under each other.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { LibrarySetting } = await import('../../../src/main/library-setting');
const { registerLibraryIpc } = await import('../../../src/main/library-ipc');
const { SET_LIBRARY_CHANNEL } = await import('../../../src/main/ipc');

const fromApp = { senderFrame: { url: 'shoebox://app/index.html' } };

describe('library IPC', () => {
  beforeEach(resetFakeElectron);

  it('runs overlapping library switches one after the other', async () => {
    const setting = new LibrarySetting(fs.mkdtempSync(path.join(os.tmpdir(), 'shoebox-app-home-')), fakeElectron.safeStorage, {});
    const steps: string[] = [];
    const restarts: (() => void)[] = [];
    registerLibraryIpc(setting, {
      check: async ({ library }) => void steps.push(`check ${library}`),
      copy: async () => undefined,
      restart: () => new Promise<void>((resolve) => restarts.push(() => (steps.push('restarted'), resolve()))),
    });
    const setLibrary = fakeElectron.ipcMain.handle.mock.calls.find(([name]) => name === SET_LIBRARY_CHANNEL)![1] as (event: unknown, input: unknown) => Promise<{ uri: string }>;

    const a = setLibrary(fromApp, { choice: { kind: 'local', folder: '/mnt/a' } });
    const b = setLibrary(fromApp, { choice: { kind: 'local', folder: '/mnt/b' } });
    await vi.waitFor(() => expect(restarts).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(steps).toEqual(['check /mnt/a']); // the second waits for the first's engine
    restarts[0]!();
    await vi.waitFor(() => expect(restarts).toHaveLength(2));
    restarts[1]!();
    expect((await a).uri).toBe('/mnt/a');
    expect((await b).uri).toBe('/mnt/b');
    expect(steps).toEqual(['check /mnt/a', 'restarted', 'check /mnt/b', 'restarted']);
    expect(setting.choice()).toEqual({ kind: 'local', folder: '/mnt/b' });
  });
});
