// A store's close never closes its tables under a write in flight (LanceDB crashes the process
// closing a table under its optimize()): past the bound it returns, hands the connection to no
// one else, and closes once the write ends.
import { describe, expect, it } from 'vitest';
import { closeAfterWrites } from '../../../src/core/store/close-after-writes';

function deferred(): { promise: Promise<void>; settle: () => void } {
  let settle = () => {};
  const promise = new Promise<void>((resolve) => (settle = resolve));
  return { promise, settle };
}

describe('closeAfterWrites', () => {
  it('closes at once with nothing in flight, and right after the writes end within the bound', async () => {
    const calls: string[] = [];
    await closeAfterWrites([], 1_000, async () => void calls.push('closed'), () => calls.push('given up'));
    expect(calls).toEqual(['closed']);
    const write = deferred();
    const closing = closeAfterWrites([write.promise, Promise.reject(new Error('failed write'))], 1_000, async () => void calls.push('closed again'), () => calls.push('given up'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual(['closed']); // not under the write
    write.settle();
    await closing;
    expect(calls).toEqual(['closed', 'closed again']);
  });

  it('past the bound returns without closing, and closes only once the write ends', async () => {
    const calls: string[] = [];
    const write = deferred();
    await closeAfterWrites([write.promise], 30, async () => void calls.push('closed'), () => calls.push('given up'));
    expect(calls).toEqual(['given up']);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toEqual(['given up']);
    write.settle();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual(['given up', 'closed']);
  });
});
