// The look at every table for damage (library-damage-probe.ts) opens every table: seconds on
// S3. The app's first status does not wait for it (the first screen would), and says the
// damage it finds through 'folders-changed', on which the page reads the status again;
// `shoebox status` runs it beside the library's counts, not after them.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryRepair } from '../../../src/core/api/repair-api';
import { foregroundApi, type ForegroundContext } from '../../../src/core/api/foreground-api';
import type { ApiContext } from '../../../src/core/api/api-context';
import type { LibraryService } from '../../../src/core/library/library-service';
import type { LibraryEvent } from '../../../src/shared/api';
import { LibraryDamagedError } from '../../../src/core/store/store-health';

const probe = vi.hoisted(() => ({ calls: 0, answer: null as null | ((damage: unknown) => void) }));
vi.mock('../../../src/core/api/library-damage-probe', () => ({
  probeLibraryDamage: () => {
    probe.calls++;
    return new Promise((resolve) => {
      probe.answer = resolve;
    });
  },
}));

afterEach(() => {
  probe.calls = 0;
  probe.answer = null;
});

const damage = () => new LibraryDamagedError([{ table: 'favourites', reason: 'truncated file' }]);

describe('the look at every table for damage', () => {
  it("the app's first status answers before the look ends; damage found then says 'folders-changed'", async () => {
    const repair = new LibraryRepair();
    const events: LibraryEvent[] = [];
    repair.methods({ emit: (e: LibraryEvent) => events.push(e) } as unknown as ApiContext, async () => {});
    const lib = { location: { databaseUri: '/nowhere/library-not-waited' } } as unknown as LibraryService;

    expect(await repair.seen(lib)).toBeNull(); // answered with the look still going
    expect(probe.calls).toBe(1);
    expect(await repair.seen(lib)).toBeNull();
    expect(probe.calls).toBe(1); // once per library
    expect(events).toEqual([]);
    probe.answer!(damage());
    await vi.waitFor(() => expect(events).toEqual([{ type: 'folders-changed' }]));
  });

  it('a look that finds nothing says nothing', async () => {
    const repair = new LibraryRepair();
    const events: LibraryEvent[] = [];
    repair.methods({ emit: (e: LibraryEvent) => events.push(e) } as unknown as ApiContext, async () => {});
    const lib = { location: { databaseUri: '/nowhere/library-healthy' } } as unknown as LibraryService;
    expect(await repair.seen(lib)).toBeNull();
    probe.answer!(null);
    await new Promise((r) => setTimeout(r, 10));
    expect(events).toEqual([]);
  });

  it("`shoebox status` starts the look beside the library's counts", async () => {
    let counted: ((status: unknown) => void) | null = null;
    const lib = {
      location: { databaseUri: '/nowhere/library-report' },
      status: () => new Promise((resolve) => (counted = resolve)),
    } as unknown as LibraryService;
    const api = foregroundApi({ library: async () => lib } as unknown as ForegroundContext);
    const report = api.report();
    await vi.waitFor(() => expect(counted).not.toBeNull());
    expect(probe.calls).toBe(1); // the counts are not done, the look has started
    counted!({ folders: [] });
    probe.answer!(damage());
    await expect(report).rejects.toThrow(/^library damaged: favourites cannot be read/);
  });
});
