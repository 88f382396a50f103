// When a long-running process gives the writer lock back: only once quiet for the whole idle
// time, never in the middle of a sync or while a job runs, and only when enabled (a CLI
// command keeps its lock to the end).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HAND_BACK_MS, handBackMsFrom, WriterHandBack } from '../../../src/core/library/writer-hand-back';

const IDLE_MS = 200;
const started: WriterHandBack[] = [];
// The clock and timers are the test's: each step is exact, however loaded the machine.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearInterval', 'clearTimeout', 'Date', 'performance'] });
});
afterEach(() => {
  for (const h of started.splice(0)) h.stop();
  vi.useRealTimers();
});

function handBack(busy = () => false): { handBack: WriterHandBack; given: number[] } {
  const given: number[] = [];
  const h = new WriterHandBack(async () => void given.push(Date.now()));
  h.enable(IDLE_MS, busy);
  started.push(h);
  return { handBack: h, given };
}

const sleep = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('the writer lock given back', () => {
  it('goes once the writer has been quiet for the idle time, and tells its listeners', async () => {
    const { handBack: h, given } = handBack();
    const told = vi.fn();
    h.listen(told);
    const since = Date.now();
    h.writing();
    await sleep(IDLE_MS * 2);
    expect(given).toHaveLength(1);
    expect(given[0]! - since).toBeGreaterThanOrEqual(IDLE_MS);
    expect(told).toHaveBeenCalledTimes(1);
    await sleep(IDLE_MS * 2);
    expect(given).toHaveLength(1); // not writing any more: nothing to give again
  });

  it('is kept through a sync longer than the idle time, and through each use', async () => {
    const { handBack: h, given } = handBack();
    h.writing();
    let synced = false;
    const sync = h.keep(async () => {
      await new Promise((resolve) => setTimeout(resolve, IDLE_MS * 3));
      synced = true;
    });
    await sleep(IDLE_MS * 3);
    await sync;
    expect(synced).toBe(true);
    expect(given).toHaveLength(0);
    // Used again and again, each time within the idle time: never quiet long enough.
    for (let i = 0; i < 6; i++) {
      await sleep(IDLE_MS / 2);
      h.touch();
    }
    expect(given).toHaveLength(0);
    await sleep(IDLE_MS * 2);
    expect(given).toHaveLength(1);
  });

  it('runs upkeep just before it goes, without upkeep counting as a use', async () => {
    const { handBack: h, given } = handBack();
    const upkept: number[] = [];
    h.beforeHandBack(async () => {
      // Compaction writes through the writer: those writes are no use.
      h.touchWrite();
      upkept.push(Date.now());
    });
    const since = Date.now();
    h.writing();
    // Upkeep on its own timer, half-way through the quiet: the quiet goes on.
    await sleep(IDLE_MS / 2);
    await h.upkeep(async () => h.touchWrite());
    await sleep(IDLE_MS);
    expect(upkept).toHaveLength(1);
    expect(given).toHaveLength(1);
    expect(upkept[0]!).toBeLessThanOrEqual(given[0]!);
    expect(given[0]! - since).toBeLessThan(IDLE_MS * 1.5);
  });

  it('stays when the writer is used while the upkeep before it runs', async () => {
    const { handBack: h, given } = handBack();
    let first = true;
    h.beforeHandBack(async () => {
      if (first) h.touch(); // a change came meanwhile (the watcher took the store again)
      first = false;
    });
    h.writing();
    await sleep(IDLE_MS * 1.2);
    expect(given).toHaveLength(0);
    await sleep(IDLE_MS * 1.2);
    expect(given).toHaveLength(1);
  });

  it('is not given back by a look already under way when the library closes', async () => {
    const { handBack: h, given } = handBack();
    const told = vi.fn();
    h.listen(told);
    // The library closes while the upkeep before the hand-back runs.
    h.beforeHandBack(async () => h.stop());
    h.writing();
    await sleep(IDLE_MS * 3);
    expect(given).toHaveLength(0);
    expect(told).not.toHaveBeenCalled();
  });

  it('is kept while the host has a job running', async () => {
    let busy = true;
    const { handBack: h, given } = handBack(() => busy);
    h.writing();
    await sleep(IDLE_MS * 3);
    expect(given).toHaveLength(0);
    busy = false;
    await sleep(IDLE_MS);
    expect(given).toHaveLength(1);
  });

  it('is never given back unless enabled', async () => {
    const given: number[] = [];
    const h = new WriterHandBack(async () => void given.push(Date.now()));
    started.push(h);
    h.writing();
    await sleep(IDLE_MS * 3);
    expect(given).toHaveLength(0);
  });

  it('takes its time from SHOEBOX_HAND_BACK_MS, and refuses one that is no whole number of ms', () => {
    expect(handBackMsFrom({})).toBe(HAND_BACK_MS);
    expect(handBackMsFrom({ SHOEBOX_HAND_BACK_MS: '600000' })).toBe(600_000);
    for (const bad of ['30s', '-5', '0', '1.5']) expect(() => handBackMsFrom({ SHOEBOX_HAND_BACK_MS: bad })).toThrow(`SHOEBOX_HAND_BACK_MS must be a positive whole number of milliseconds (default ${HAND_BACK_MS}), not "${bad}"`);
  });
});
