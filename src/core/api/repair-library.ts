// Repairing a damaged library (store/repair.ts) as the library's writer: `shoebox repair`
// and the app's repair job. The writer lock comes from LibraryService.writable(), which takes
// it before opening the store and keeps it when the open then fails on the damage; when the
// open succeeds (damage in a table it does not read), the repair shares its connection.
import type { LibraryService } from '../library/library-service';
import { LibraryDamagedError, repairLibraryStore, type StoreRepairReport } from '../store';
import { repairS3LibraryStore } from '../store/repair-s3';

export type RepairReport = StoreRepairReport;
export { repairSummary } from './repair-summary';

/** The writer lock a repair needs, as any change takes it ("library busy" while another
 *  process writes: the app's repair asks before its job is queued, as writer-first.ts says),
 *  but not refused for the damage the repair is for. */
export async function takeRepairWriter(library: LibraryService): Promise<void> {
  try {
    await library.writable();
  } catch (error) {
    if (!(error instanceof LibraryDamagedError)) throw error;
  }
}

export async function repairLibrary(library: LibraryService): Promise<RepairReport> {
  await takeRepairWriter(library);
  // A folder's damaged files are moved aside; an S3 library's are copied aside (repair-s3.ts).
  return library.location.kind === 's3' ? repairS3LibraryStore(library.location) : repairLibraryStore(library.location.databaseUri);
}
