// The store's operations in flight: every read and write, and a vector scan from its first
// batch to its end. A store that is retired (library-service.ts: a reader once a writer opens)
// is closed only when none is left: a caller that holds it through a long scan, a slow search
// or a read that waits on the network must not find it closed under it.
import type { LibraryStore } from './types';

export class OperationsInFlight {
  private count = 0;
  private idleWaiters: (() => void)[] = [];

  /** How many operations have begun and not ended. */
  get size(): number {
    return this.count;
  }

  /** Counts one operation from now; the function returned ends it (only once, however often called). */
  begin(): () => void {
    this.count++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.count--;
      if (this.count > 0) return;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const wake of waiters) wake();
    };
  }

  /** `work` counted until it settles. */
  track<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    let running: Promise<T>;
    try {
      running = work();
    } catch (error) {
      end();
      throw error;
    }
    return running.finally(end);
  }

  /** Settles when no operation is in flight (at once if none is). Another may begin after it. */
  idle(): Promise<void> {
    if (this.count === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}

/** The key under which the Store (index.ts) shows its operations in flight; a wrapper (mapped-store.ts) passes it through. */
export const OPERATIONS_IN_FLIGHT = Symbol('store operations in flight');

/** `store`'s operations in flight; undefined for a store that does not count them (a test's fake). */
export function operationsInFlight(store: LibraryStore): OperationsInFlight | undefined {
  const operations = (store as LibraryStore & { [OPERATIONS_IN_FLIGHT]?: unknown })[OPERATIONS_IN_FLIGHT];
  return operations instanceof OperationsInFlight ? operations : undefined;
}

