// The engine host's starts, crashes and switches racing one another. The invariant under test:
// never two engine processes at once (the second would find the library's writer lock taken,
// and every later start would say "library busy" until Shoebox restarts), and no engine
// forked once the app is closing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryHost } from '../../../src/core/index';
import type { LibraryEvent } from '../../../src/shared/api';
import { FakeMessagePort, FakeUtilityProcess, fakeElectron, forkedProcesses, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

const { createEngineHost } = await import('../../../src/main/engine-host');
const { serveEngineOnPort, reportFatal } = await import('../../../src/main/engine-port');

const options = { entry: '/app/out/main/engine.js', home: '/data', provider: 'cpu' as const };

function library(): LibraryHost {
  const host = { status: vi.fn(async () => ({ photos: 0 })), close: vi.fn(async () => {}), subscribe: vi.fn(() => () => {}) };
  return host as unknown as LibraryHost;
}

/** The port the host handed engine `n` with its start message. */
const portOf = (n: number) => (forkedProcesses[n]!.postMessage.mock.calls[0] as [unknown, FakeMessagePort[]])[1][0]!;
/** Plays engine `n`: it opens its library and says hello; on shutdown it exits. */
const answer = (n: number) => serveEngineOnPort(portOf(n), library(), () => forkedProcesses[n]!.emit('exit', 0));

/** For each fork, how many engines forked before it had not exited yet. */
let aliveAtFork: number[];

beforeEach(() => {
  resetFakeElectron();
  aliveAtFork = [];
  const exited = new Set<FakeUtilityProcess>();
  vi.mocked(fakeElectron.utilityProcess.fork).mockImplementation((modulePath: string, _args?: string[], forkOptions?: Record<string, unknown>) => {
    aliveAtFork.push(forkedProcesses.filter((p) => !exited.has(p)).length);
    const child = new FakeUtilityProcess(modulePath, forkOptions);
    forkedProcesses.push(child);
    child.on('exit', () => exited.add(child));
    return child;
  });
});

afterEach(() => vi.useRealTimers());

describe('engine host starts', () => {
  it('takes an engine that dies before its hello as a failed start: no fork at once, one later try', async () => {
    vi.useFakeTimers();
    const host = createEngineHost(options);
    const seen: LibraryEvent[] = [];
    host.api.subscribe((event) => seen.push(event));
    const first = host.api.status();
    forkedProcesses[0]!.emit('exit', 1); // a startup crash, the same every time
    await expect(first).rejects.toThrow(/exited \(code 1\) before it was ready/);
    await expect(host.api.status()).rejects.toThrow(/before it was ready/);
    expect(forkedProcesses).toHaveLength(1); // not forked again and again
    expect(seen).toEqual([]); // nothing was restarted

    vi.advanceTimersByTime(4000);
    const later = host.api.status();
    answer(1);
    await expect(later).resolves.toMatchObject({ photos: 0 });
    vi.advanceTimersByTime(4000);
    await expect(host.api.status()).resolves.toMatchObject({ photos: 0 });
    expect(forkedProcesses).toHaveLength(2);
    expect(aliveAtFork).toEqual([0, 0]);
  });

  it('forks no engine when the library cannot be named (a malformed SHOEBOX_LIBRARY): the start fails with its line', async () => {
    const host = createEngineHost({
      ...options,
      library: () => {
        throw new Error('SHOEBOX_LIBRARY: bad library location s3:/…');
      },
    });
    await expect(host.api.status()).rejects.toThrow(/^SHOEBOX_LIBRARY: bad library location/);
    expect(forkedProcesses).toHaveLength(0);
  });

  it('tells the page a crashed engine could not start again, not that it was restarted', async () => {
    const host = createEngineHost(options);
    const seen: LibraryEvent[] = [];
    host.api.subscribe((event) => seen.push(event));
    const first = host.api.status();
    answer(0);
    await first;
    forkedProcesses[0]!.emit('exit', 139);
    expect(forkedProcesses).toHaveLength(2);
    forkedProcesses[1]!.emit('exit', 139); // the restart dies before its hello
    await vi.waitFor(() => expect(seen).toContainEqual(expect.objectContaining({ type: 'log', message: expect.stringMatching(/could not start again/) })));
    expect(seen.some((e) => e.type === 'log' && /was restarted/.test(e.message))).toBe(false);
    await expect(host.api.status()).rejects.toThrow(/before it was ready/);
    expect(forkedProcesses).toHaveLength(2);
  });

  it('stops an engine that failed but lingers before trying again', async () => {
    vi.useFakeTimers();
    const host = createEngineHost(options);
    const first = host.api.status();
    reportFatal(portOf(0), new Error('the data folder cannot be read'));
    await expect(first).rejects.toThrow(/cannot be read/);
    vi.advanceTimersByTime(4000); // engine 0 never exits by itself
    const next = host.api.status();
    next.catch(() => {});
    await vi.advanceTimersByTimeAsync(1000);
    expect(forkedProcesses).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(10_000); // asked to stop, it does not: killed
    expect(forkedProcesses[0]!.kill).toHaveBeenCalled();
    answer(1);
    await expect(next).resolves.toMatchObject({ photos: 0 });
    expect(aliveAtFork).toEqual([0, 0]);
  });

  it("does not let a start overtaken by a restart block the restart's engine with its error", async () => {
    const host = createEngineHost(options);
    const first = host.api.status();
    first.catch(() => {});
    const switching = host.restart(); // Settings → Library while the engine is still opening
    forkedProcesses[0]!.emit('exit', 1);
    await vi.waitFor(() => expect(forkedProcesses).toHaveLength(2));
    answer(1);
    await switching;
    await expect(host.api.status()).resolves.toMatchObject({ photos: 0 });
    expect(aliveAtFork).toEqual([0, 0]);
  });
});

describe('engine host switches', () => {
  it('runs overlapping restarts one after the other, one engine at a time', async () => {
    const host = createEngineHost(options);
    const first = host.api.status();
    answer(0);
    await first;
    const a = host.restart();
    const b = host.restart(); // Save clicked twice, or two windows
    await vi.waitFor(() => expect(forkedProcesses).toHaveLength(2));
    answer(1);
    await vi.waitFor(() => expect(forkedProcesses).toHaveLength(3));
    answer(2);
    await Promise.all([a, b]);
    expect(aliveAtFork).toEqual([0, 0, 0]);
  });

  it('forks no engine once quitting began mid-switch, and dispose waits for the switch', async () => {
    const host = createEngineHost(options);
    const first = host.api.status();
    answer(0);
    await first;
    const switching = host.restart();
    const refused = switching.then(() => 'switched', (e: Error) => e.message);
    await host.dispose();
    expect(await refused).toBe('Shoebox is closing');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(forkedProcesses).toHaveLength(1);
    await expect(host.restart()).rejects.toThrow(/closing/);
  }, 5000);
});
