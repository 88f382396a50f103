// The host side of the engine process, with the real engine side of the port
// (engine-port.ts) answering for a fake library: the whole protocol, no Electron, no LanceDB.
import os from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryHost } from '../../../src/core/index';
import type { LibraryEvent } from '../../../src/shared/api';
import { FakeMessagePort, forkedProcesses, fakeElectron, resetFakeElectron, type FakeUtilityProcess } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { createEngineHost } = await import('../../../src/main/engine-host');
const { serveEngineOnPort, reportFatal } = await import('../../../src/main/engine-port');

function fakeLibrary() {
  const listeners = new Set<(event: LibraryEvent) => void>();
  const library = {
    home: '/home/test',
    status: vi.fn(async () => ({ model: null, modelProblem: 'none', photos: 0, folders: 0, failed: 0, watching: false, jobs: [] })),
    listPhotos: vi.fn(async (options?: { limit?: number }) => ({ total: 1, offset: 0, photos: [], limit: options?.limit })),
    readImage: vi.fn(async (id: string) => (id === 'known' ? { contentType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) } : null)),
    copyLibraryNow: vi.fn(async (target: string) => ({ from: '/data/library', to: target, tables: [], files: 3, bytes: 10, alreadyThere: 0, skipped: 0, resumed: false, seconds: 0.1 })),
    close: vi.fn(async () => {}),
    subscribe: vi.fn((listener: (event: LibraryEvent) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    }),
  };
  return { library: library as unknown as LibraryHost & typeof library, emit: (event: LibraryEvent) => listeners.forEach((l) => l(event)) };
}

/** Plays the engine process: on the 'start' message, serves `library` on the port it was given. */
function engineAnswers(library: LibraryHost, child: FakeUtilityProcess = forkedProcesses.at(-1)!) {
  const [start, ports] = child.postMessage.mock.calls[0] as [unknown, FakeMessagePort[]];
  expect(start).toMatchObject({ type: 'start', options: { home: '/data', provider: 'cpu' } });
  serveEngineOnPort(ports[0]!, library, () => child.emit('exit', 0));
}

const options = { entry: '/app/out/main/engine.js', home: '/data', provider: 'cpu' as const };

describe('engine host', () => {
  beforeEach(resetFakeElectron);

  it('forks the engine entry as a utility process on first use, not before', async () => {
    const host = createEngineHost(options);
    expect(fakeElectron.utilityProcess.fork).not.toHaveBeenCalled();
    const { library } = fakeLibrary();
    const status = host.api.status();
    expect(fakeElectron.utilityProcess.fork).toHaveBeenCalledWith('/app/out/main/engine.js', [], expect.objectContaining({ serviceName: 'Shoebox engine' }));
    engineAnswers(library);
    await expect(status).resolves.toMatchObject({ modelProblem: 'none' });
  });

  it('starts the engine with libuv\'s pool sized for the cores (sharp decodes one photo per pool thread), unless the user set it', async () => {
    const saved = process.env['UV_THREADPOOL_SIZE'];
    try {
      delete process.env['UV_THREADPOOL_SIZE'];
      createEngineHost(options).api.status().catch(() => {});
      const env = (vi.mocked(fakeElectron.utilityProcess.fork).mock.calls.at(-1)![2] as { env: NodeJS.ProcessEnv }).env;
      expect(Number(env['UV_THREADPOOL_SIZE'])).toBe(Math.max(4, os.availableParallelism() + 4));
      expect(env['PATH']).toBe(process.env['PATH']); // the rest of the environment is passed on

      process.env['UV_THREADPOOL_SIZE'] = '3';
      createEngineHost(options).api.status().catch(() => {});
      expect((vi.mocked(fakeElectron.utilityProcess.fork).mock.calls.at(-1)![2] as { env: NodeJS.ProcessEnv }).env['UV_THREADPOOL_SIZE']).toBe('3');
    } finally {
      if (saved === undefined) delete process.env['UV_THREADPOOL_SIZE'];
      else process.env['UV_THREADPOOL_SIZE'] = saved;
    }
  });

  it('forwards calls with their arguments, and events to subscribers', async () => {
    const host = createEngineHost(options);
    const { library, emit } = fakeLibrary();
    const page = host.api.listPhotos({ limit: 5 });
    engineAnswers(library);
    await expect(page).resolves.toMatchObject({ total: 1, limit: 5 });
    expect(library.listPhotos).toHaveBeenCalledWith({ limit: 5 });
    const seen: LibraryEvent[] = [];
    host.api.subscribe((event) => seen.push(event));
    emit({ type: 'photos-changed', added: 2, removed: 0 });
    await vi.waitFor(() => expect(seen).toEqual([{ type: 'photos-changed', added: 2, removed: 0 }]));
  });

  it('checks arguments in the engine too (a compromised main cannot pass garbage)', async () => {
    const host = createEngineHost(options);
    const { library } = fakeLibrary();
    const page = (host.api.listPhotos as (o: unknown) => Promise<unknown>)({ limit: 'all' });
    engineAnswers(library);
    await expect(page).rejects.toThrow(/limit must be an integer/);
    expect(library.listPhotos).not.toHaveBeenCalled();
  });

  it("has the engine copy its library for Settings → Library, with the target's keys, and refuses odd arguments", async () => {
    const host = createEngineHost(options);
    const { library } = fakeLibrary();
    const credentials = { accessKeyId: 'AKID', secretAccessKey: 'secret' };
    const report = host.copyLibrary({ library: 's3://family/shoebox', s3: { endpoint: 'http://nas.local:9000', credentials } });
    engineAnswers(library);
    await expect(report).resolves.toMatchObject({ to: 's3://family/shoebox', files: 3 });
    expect(library.copyLibraryNow).toHaveBeenCalledWith('s3://family/shoebox', { s3: { endpoint: 'http://nas.local:9000', credentials } });
    await host.copyLibrary({ library: '/mnt/nas/shoebox' });
    expect(library.copyLibraryNow).toHaveBeenLastCalledWith('/mnt/nas/shoebox', { s3: {} }); // the usual sources, not the open library's
    await expect(host.copyLibrary({})).rejects.toThrow(/not to the data folder/);
    // What main sends is checked again in the engine.
    const { port1, port2 } = new fakeElectron.MessageChannelMain();
    serveEngineOnPort(port1, library, () => {});
    const answers: { id?: number; error?: { message: string } }[] = [];
    port2.on('message', (message: unknown) => void answers.push((message as { data: (typeof answers)[number] }).data));
    port2.postMessage({ id: 1, method: 'host:copyLibrary', params: ['s3://x/y', { credentials: { accessKeyId: 'AKID' } }] });
    port2.postMessage({ id: 2, method: 'host:copyLibrary', params: [42, null] });
    await vi.waitFor(() => expect(answers.filter((a) => a.id).map((a) => a.error?.message)).toEqual(['copyLibrary(target, s3): bad arguments', 'copyLibrary(target, s3): bad arguments']));
    expect(library.copyLibraryNow).toHaveBeenCalledTimes(2);
  });

  it('reads library images for the app protocol', async () => {
    const host = createEngineHost(options);
    const { library } = fakeLibrary();
    const image = host.readImage('known', 'thumb');
    engineAnswers(library);
    await expect(image).resolves.toEqual({ contentType: 'image/jpeg', data: new Uint8Array([1, 2, 3]) });
    await expect(host.readImage('other', 'image')).resolves.toBeNull();
  });

  it('fails calls with the reason when the engine cannot start, without forking again at once', async () => {
    const host = createEngineHost(options);
    const status = host.api.status();
    const [, ports] = forkedProcesses[0]!.postMessage.mock.calls[0] as [unknown, FakeMessagePort[]];
    reportFatal(ports[0]!, Object.assign(new Error('library busy: shoebox watch (pid 7) is writing'), { name: 'LibraryBusyError' }));
    await expect(status).rejects.toThrow(/library busy/);
    forkedProcesses[0]!.emit('exit', 1);
    await expect(host.api.status()).rejects.toThrow(/library busy/);
    expect(forkedProcesses).toHaveLength(1);
  });

  it('restarts a crashed engine, failing the calls in flight and telling the page', async () => {
    const host = createEngineHost(options);
    const { library } = fakeLibrary();
    const seen: LibraryEvent[] = [];
    host.api.subscribe((event) => seen.push(event));
    const first = host.api.status();
    engineAnswers(library);
    await first;
    library.status.mockImplementationOnce(() => new Promise(() => {})); // never answers: the engine dies first
    const hanging = host.api.status();
    await vi.waitFor(() => expect(library.status).toHaveBeenCalledTimes(2));
    forkedProcesses[0]!.emit('exit', 139);
    await expect(hanging).rejects.toThrow(/engine stopped \(exit code 139\)/);
    expect(forkedProcesses).toHaveLength(2);
    expect(seen.some((e) => e.type === 'log')).toBe(false); // "restarted" only once it is
    engineAnswers(fakeLibrary().library, forkedProcesses[1]);
    await expect(host.api.status()).resolves.toMatchObject({ photos: 0 });
    // An error, which the page shows (renderer/lib/engine-notices.ts), saying the running jobs went with it.
    expect(seen).toContainEqual({ type: 'log', level: 'error', message: expect.stringMatching(/^The engine stopped unexpectedly \(exit code 139\) and was restarted; jobs that were running \(indexing, an import, a download\) stopped\.$/) });
    // Its jobs' list is read again: the page drops the jobs the new engine does not have.
    expect(seen).toContainEqual({ type: 'folders-changed' });
  });

  it('tells the page, as an error, when a crashed engine cannot start again', async () => {
    const host = createEngineHost(options);
    const seen: LibraryEvent[] = [];
    host.api.subscribe((event) => seen.push(event));
    const first = host.api.status();
    engineAnswers(fakeLibrary().library);
    await first;
    forkedProcesses[0]!.emit('exit', 139);
    const [, ports] = forkedProcesses[1]!.postMessage.mock.calls[0] as [unknown, FakeMessagePort[]];
    reportFatal(ports[0]!, new Error('cannot reach s3://family/photos'));
    await vi.waitFor(() => expect(seen).toContainEqual({ type: 'log', level: 'error', message: 'The engine stopped unexpectedly (exit code 139) and could not start again: cannot reach s3://family/photos' }));
  });

  it('reopens the engine on the library chosen in Settings, closing the old one first', async () => {
    let choice: { library?: string; s3?: { endpoint: string } } = { library: 's3://family/photos', s3: { endpoint: 'http://nas:9000' } };
    const host = createEngineHost({ ...options, library: () => choice });
    const seen: LibraryEvent[] = [];
    host.api.subscribe((event) => seen.push(event));
    const { library } = fakeLibrary();
    const first = host.api.status();
    expect(forkedProcesses[0]!.postMessage.mock.calls[0]![0]).toMatchObject({ options: { library: 's3://family/photos', s3: { endpoint: 'http://nas:9000' } } });
    engineAnswers(library);
    await first;

    choice = { library: '/mnt/other-library' };
    const switching = host.restart();
    const during = host.api.status(); // waits for the new engine, never reaches the old one
    await vi.waitFor(() => expect(library.close).toHaveBeenCalled());
    await vi.waitFor(() => expect(forkedProcesses).toHaveLength(2));
    const [start] = forkedProcesses[1]!.postMessage.mock.calls[0] as [{ options: Record<string, unknown> }];
    expect(start.options).toMatchObject({ home: '/data', library: '/mnt/other-library' });
    expect(start.options).not.toHaveProperty('s3');
    const next = fakeLibrary().library;
    engineAnswers(next, forkedProcesses[1]);
    await switching;
    await during;
    expect(library.status).toHaveBeenCalledTimes(1);
    expect(next.status).toHaveBeenCalledTimes(1);
    expect(seen).toContainEqual({ type: 'folders-changed' });
    expect(seen.some((e) => e.type === 'log')).toBe(false); // an expected stop: no "stopped unexpectedly"
  });

  it('asks the engine to shut down (flushing the library) on dispose', async () => {
    const host = createEngineHost(options);
    const { library } = fakeLibrary();
    const status = host.api.status();
    engineAnswers(library);
    await status;
    await host.dispose();
    expect(library.close).toHaveBeenCalled();
    expect(forkedProcesses[0]!.kill).not.toHaveBeenCalled();
  });
});
