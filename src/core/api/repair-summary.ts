// What a repair did (repair-library.ts), as lines a person reads: `shoebox repair` prints
// them, the app's repair job keeps the first. A module of its own, free of the store, so a
// front end can format a report without loading LanceDB.
import type { StoreRepairReport } from '../store';

/** What the repair did, in a line or two a person reads. */
export function repairSummary(report: StoreRepairReport): string[] {
  const damaged = report.tables.filter((t) => t.state !== 'ok');
  if (damaged.length === 0) return [`library ok: ${report.checked} tables read whole, nothing to repair`];
  const lines = [`library repaired: ${damaged.length} of ${report.checked} tables`];
  for (const t of damaged) {
    const where = t.state === 'restored' ? `restored to version ${t.restoredTo}` : 'rebuilt empty';
    const lost = t.rowsLost === null || t.rowsLost === undefined ? 'rows lost unknown' : `${t.rowsLost} rows lost`;
    lines.push(`  ${t.table}: ${t.reason}; ${where}, ${lost}`);
  }
  if (report.foldersReadded.length > 0) lines.push(`  folders re-added from the photos: ${report.foldersReadded.join(', ')}`);
  if (damaged.some((t) => t.table.startsWith('photos__') && t.rowsLost !== 0)) lines.push("  photos lost from the library are pending again: run 'shoebox index' to embed them");
  if (report.movedAside) lines.push(`  damaged files kept in ${report.movedAside}`);
  return lines;
}
