// A stop ends a run's wait on every decode at once, and a run on a many-core machine (one
// decode per core, each waiting on the run's signal) prints no listener-leak warning.
import { describe, expect, it } from 'vitest';
import { StoppedError, untilAborted } from '../../../src/core/library/abortable';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('untilAborted', () => {
  it('lets 32 decodes wait on one run at once without a MaxListenersExceededWarning, and a stop ends them all', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const run = new AbortController();
      const waits = Array.from({ length: 32 }, () => untilAborted(new Promise<never>(() => {}), run.signal));
      await nextTurn();
      run.abort();
      const settled = await Promise.allSettled(waits);
      expect(settled.every((s) => s.status === 'rejected' && s.reason instanceof StoppedError)).toBe(true);
      await nextTurn();
      expect(warnings.map((w) => w.name)).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('gives each finished decode its result and removes its listener', async () => {
    const run = new AbortController();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => untilAborted(Promise.resolve(i), run.signal)));
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
    let heard = 0;
    run.signal.addEventListener('abort', () => heard++);
    run.abort();
    expect(heard).toBe(1);
  });
});
