// Repairing a damaged library (store/repair.ts) as the library's writer: `shoebox repair`
// and the app's repair job. The writer lock comes from LibraryService.writable(), which takes
// it before opening the store and keeps it when the open then fails on the damage; when the
// open succeeds (damage in a table it does not read), the repair shares its connection.
import type { LibraryService } from '../library/library-service';
import { LibraryDamagedError, repairLibraryStore, type StoreRepairReport } from '../store';

export type RepairReport = StoreRepairReport;

export async function repairLibrary(library: LibraryService): Promise<RepairReport> {
  try {
    await library.writable();
  } catch (error) {
    if (!(error instanceof LibraryDamagedError)) throw error;
  }
  return repairLibraryStore(library.paths.library);
}

/** What the repair did, in a line or two a person reads. */
export function repairSummary(report: RepairReport): string[] {
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
