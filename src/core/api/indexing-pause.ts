// "Pause" on a library folder in the app: its indexing stops now (a queued or running job, the
// watcher's catch-up) and it is neither indexed nor followed until "Resume". What was indexed
// stays, searchable. The pause lasts while this host runs: the next start indexes the folder
// again, so a pause forgotten on a laptop never leaves photos unsearchable for good.
// Indexing the user asks for by name (the CLI's `index`, an import into the folder) still runs.
import path from 'node:path';
import type { JobState, LibraryEvent } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import type { ApiMethods } from './api-context';
import type { JobQueue } from './job-queue';

export interface IndexingPauseDeps {
  need(): Promise<LibraryService>;
  readonly jobs: JobQueue;
  /** Queues a job indexing one library folder. */
  index(lib: LibraryService, folder: string): JobState;
  /** Starts the folder watcher again when it runs, so that it leaves out the folders paused now. */
  rewatch(): Promise<void>;
  emit(event: LibraryEvent): void;
}

export class IndexingPause {
  private readonly folders = new Set<string>();

  /** The paused folders, as the library lists them on this device. */
  list(): string[] {
    return [...this.folders];
  }

  has(folder: string): boolean {
    return this.folders.has(folder);
  }

  /** A folder that left the library is no longer paused (added again, it is indexed). */
  forget(folder: string): void {
    this.folders.delete(path.resolve(folder));
  }

  methods(deps: IndexingPauseDeps): ApiMethods<'pauseIndexing' | 'resumeIndexing'> {
    const libraryFolder = async (folder: string): Promise<{ lib: LibraryService; abs: string }> => {
      const lib = await deps.need();
      const abs = path.resolve(folder);
      const listed = (await (await lib.readable()).listFolders()).some((f) => f.path === abs);
      if (!listed) throw new Error(`not a library folder: ${abs}`);
      return { lib, abs };
    };
    return {
      pauseIndexing: async (folder) => {
        const { abs } = await libraryFolder(folder);
        this.folders.add(abs);
        await deps.jobs.cancel((job) => job.kind === 'index' && job.folder === abs);
        await deps.rewatch();
        deps.emit({ type: 'folders-changed' });
      },
      resumeIndexing: async (folder) => {
        const { lib, abs } = await libraryFolder(folder);
        this.folders.delete(abs);
        deps.emit({ type: 'folders-changed' });
        // A job, not the watcher's catch-up: the folder shows its progress and what it added.
        return deps.index(lib, abs);
      },
    };
  }
}
