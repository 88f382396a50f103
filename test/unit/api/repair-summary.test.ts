// What a repair did, as lines (core/api/repair-summary.ts): `shoebox repair` prints them as
// they are; the app's repair job, which indexes the library again itself, says the photos it
// lost are indexed again rather than sending its user to a `shoebox index` they never type.
import { describe, expect, it } from 'vitest';
import { repairSummary } from '../../../src/core/api/repair-summary';
import type { StoreRepairReport } from '../../../src/core/store';

const REPORT: StoreRepairReport = {
  checked: 6,
  repaired: 2,
  tables: [
    { table: 'photos__tiny', state: 'restored', reason: 'a data file is missing', restoredTo: 3, rowsLost: 2 },
    { table: 'favourites', state: 'rebuilt', reason: 'a data file is unreadable', rowsLost: 12 },
    { table: 'folders', state: 'ok' },
  ],
  foldersReadded: [],
  movedAside: '/home/me/library/.damaged/2026-01-02T03-04-05-006Z',
};

describe('repairSummary', () => {
  it('says each damaged table, where the files were kept, and the CLI’s next step', () => {
    expect(repairSummary(REPORT)).toEqual([
      'library repaired: 2 of 6 tables',
      '  photos__tiny: a data file is missing; restored to version 3, 2 rows lost',
      '  favourites: a data file is unreadable; rebuilt empty, 12 rows lost',
      "  photos lost from the library are pending again: run 'shoebox index' to embed them",
      '  damaged files kept in /home/me/library/.damaged/2026-01-02T03-04-05-006Z',
    ]);
  });

  it('for a repair that indexes again (the app’s), says the lost photos are indexed again, no command', () => {
    const lines = repairSummary(REPORT, { indexesAgain: true });
    expect(lines).toContain('  photos lost from the library are indexed again');
    expect(lines.join('\n')).not.toMatch(/shoebox/);
  });
});
