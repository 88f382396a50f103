// oneAtATime: writes that must not overlap run in call order, one at a time, and one that
// fails neither stops the queue nor hands its error to the next.
import { describe, expect, it } from 'vitest';
import { oneAtATime } from '../../../src/base/one-at-a-time';

describe('oneAtATime', () => {
  it('runs work in call order, never two at once, each call with its own result', async () => {
    const serial = oneAtATime();
    const log: string[] = [];
    let running = 0;
    const work = (name: string, ms: number, fail = false) =>
      serial(async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, ms));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(`${name} failed`);
        return name;
      });
    const results = await Promise.allSettled([work('a', 20), work('b', 1, true), work('c', 5)]);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'b failed', 'c']);
  });
});
