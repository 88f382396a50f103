// What a repair did (repair-library.ts), as lines a person reads: `shoebox repair` prints
// them, the app's repair job returns them (the first as its summary, the rest as details).
// A module of its own, free of the store, so a front end can format a report without
// loading LanceDB.
import type { StoreRepairReport } from '../store';

export interface RepairSummaryOptions {
  /** The repair goes on to index the library again (the app's repair job): the photos it lost
   *  are said to be embedded anew, not left to a `shoebox index` the app's user never types. */
  indexesAgain?: boolean;
}

/** What the repair did, in a line or two a person reads: the first says it all, the others
 *  (indented under it) say it table by table, and where the damaged files were kept. */
export function repairSummary(report: StoreRepairReport, options: RepairSummaryOptions = {}): string[] {
  const damaged = report.tables.filter((t) => t.state !== 'ok');
  if (damaged.length === 0) return [`library ok: ${report.checked} tables read whole, nothing to repair`];
  const lines = [`library repaired: ${damaged.length} of ${report.checked} tables`];
  for (const t of damaged) {
    const where = t.state === 'restored' ? `restored to version ${t.restoredTo}` : 'rebuilt empty';
    const lost = t.rowsLost === null || t.rowsLost === undefined ? 'rows lost unknown' : `${t.rowsLost} rows lost`;
    lines.push(`  ${t.table}: ${t.reason}; ${where}, ${lost}`);
  }
  if (report.foldersReadded.length > 0) lines.push(`  folders re-added from the photos: ${report.foldersReadded.join(', ')}`);
  if (damaged.some((t) => t.table.startsWith('photos__') && t.rowsLost !== 0)) {
    lines.push(options.indexesAgain ? '  photos lost from the library are indexed again' : "  photos lost from the library are pending again: run 'shoebox index' to embed them");
  }
  if (report.movedAside) lines.push(`  damaged files kept in ${report.movedAside}`);
  return lines;
}
