// A page following another device's writer reads the writer lease on its own (its banner) but
// not on every look at the commits: on S3 each read costs requests, every 10 s of every open
// app. It reads the lease on the first look, then every third look, and at once on a look that
// saw another device's commit (a new writer commits soon after taking the lease).
import os from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LibraryEvent } from '../../../src/shared/api';
import { FOLLOW_MS } from '../../../src/core/api/commit-follower';
import { WriterElsewhere } from '../../../src/core/api/writer-elsewhere';
import type { LibraryService } from '../../../src/core/library/library-service';
import type { LeaseHolder } from '../../../src/core/store/writer-lease';

const GPU_BOX: LeaseHolder = { host: 'gpubox', pid: 4242, command: 'shoebox watch', since: 1, expiresAt: Date.now() + 3_600_000 };

const made: WriterElsewhere[] = [];
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  for (const w of made.splice(0)) w.stop();
  vi.useRealTimers();
});

/** A library this process gave back; `version` is its data version, `holder` who holds its lease. */
function following() {
  const state = { version: 1, holder: null as LeaseHolder | null, looks: 0, leaseReads: 0 };
  const readLease = async () => {
    state.leaseReads++;
    return state.holder;
  };
  const lib = {
    writing: false,
    location: { uri: 's3://family/shoebox' },
    writerElsewhere: readLease,
    readable: async () => ({
      dataVersion: async () => {
        state.looks++;
        return String(state.version);
      },
    }),
  };
  const events: LibraryEvent[] = [];
  const elsewhere = new WriterElsewhere(lib as unknown as LibraryService, (e) => events.push(e), FOLLOW_MS, readLease);
  made.push(elsewhere);
  elsewhere.handedBack();
  return { elsewhere, events, state };
}

describe('reading the writer lease while following other devices', () => {
  it('reads it on the first look, then every third look while nothing is committed', async () => {
    const { state } = following();
    await vi.advanceTimersByTimeAsync(0);
    expect(state.looks).toBe(1);
    expect(state.leaseReads).toBe(1);
    await vi.advanceTimersByTimeAsync(8 * FOLLOW_MS); // a minute and a half: 9 looks
    expect(state.looks).toBe(9);
    expect(state.leaseReads).toBe(3);
  });

  it('names a new writer within three looks, and at once when it has committed', async () => {
    const quiet = following();
    await vi.advanceTimersByTimeAsync(0);
    quiet.state.holder = GPU_BOX; // took the lease, committed nothing yet
    await vi.advanceTimersByTimeAsync(3 * FOLLOW_MS);
    expect(quiet.elsewhere.writer).toEqual({ holder: 'shoebox watch on gpubox (pid 4242)', reason: 'busy' });

    const busy = following();
    await vi.advanceTimersByTimeAsync(0);
    const reads = busy.state.leaseReads;
    busy.state.holder = GPU_BOX;
    busy.state.version++; // and committed its first photos
    await vi.advanceTimersByTimeAsync(FOLLOW_MS);
    expect(busy.state.leaseReads).toBe(reads + 1);
    expect(busy.elsewhere.writer).toEqual({ holder: 'shoebox watch on gpubox (pid 4242)', reason: 'busy' });
    expect(busy.events).toContainEqual({ type: 'folders-changed' });

    // Released: the line goes within three looks.
    busy.state.holder = null;
    await vi.advanceTimersByTimeAsync(3 * FOLLOW_MS);
    expect(busy.elsewhere.writer).toBeNull();
    expect(busy.elsewhere.current).toBeNull();
  });

  it('says nothing of this process\'s own lease', async () => {
    const { elsewhere, state } = following();
    state.holder = { ...GPU_BOX, host: os.hostname(), pid: process.pid };
    await vi.advanceTimersByTimeAsync(3 * FOLLOW_MS);
    expect(state.leaseReads).toBeGreaterThan(0);
    expect(elsewhere.writer).toBeNull();
  });
});
