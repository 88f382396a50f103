// The calls that change the library through a job (importDescriptions, importPhotos,
// removeFolder, trashDuplicates; repairLibrary through takeRepairWriter) ask for the writer
// lock before the job is queued, as setFavourites and the other changes do before they write.
// While another process writes the library (`shoebox watch` beside `serve`, the GPU box's
// indexer), such a call is then refused at once with that process's LibraryBusyError, the
// error the app tells by its name (a change refused while it searches and views only), rather
// than answering with a queued job that fails later and stays in the job list as failed.
// The job asks again when it runs: the same store while this process still holds the lock
// (the queue keeps it from being handed back while a job waits), "library busy" otherwise.
// A duplicate scan is not one of them: a reader's runs, its report kept unsaved (dupes-api.ts).
import type { LibraryService } from '../library/library-service';

/** `lib`, once this process holds its writer lock; otherwise that refusal, thrown now. */
export async function writerFirst(lib: LibraryService): Promise<LibraryService> {
  await lib.writable();
  return lib;
}
