// Repairing a damaged library (store/repair.ts) as the library's writer: `shoebox repair`
// and the app's repair job. The writer lock comes from LibraryService.writable(), which takes
// it before opening the store and keeps it when the open then fails on the damage; when the
// open succeeds (damage in a table it does not read), the repair shares its connection.
import type { LibraryService } from '../library/library-service';
import { LibraryDamagedError, repairLibraryStore, type StoreRepairReport } from '../store';

export type RepairReport = StoreRepairReport;
export { repairSummary } from './repair-summary';

export async function repairLibrary(library: LibraryService): Promise<RepairReport> {
  // Repair moves damaged table files aside on disk: a local library's only, for now. Refused
  // before the writer lock, whose lease would be the first thing written into an S3 prefix.
  if (library.location.kind !== 'local') throw new Error(`repair works on a local library only, not ${library.location.uri}`);
  try {
    await library.writable();
  } catch (error) {
    if (!(error instanceof LibraryDamagedError)) throw error;
  }
  return repairLibraryStore(library.location.databaseUri);
}
