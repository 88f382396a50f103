// "Pause" on a library folder in the app: its indexing stops now (a queued or running job, the
// watcher's catch-up) and it is neither indexed nor followed until "Resume". What was indexed
// stays, searchable; while a folder is paused no run removes a photo whose content it did not
// see elsewhere (one moved into the paused folder would look deleted). The pause lasts while this host runs: the next start
// indexes the folder again, so a pause forgotten on a laptop never leaves photos unsearchable
// for good. What the user asks for by name still indexes it: adding the folder again (which
// ends the pause), an import into it, the CLI's `index`; so does what must embed every photo
// (another model, a repair), which ends every pause.
import path from 'node:path';
import type { JobState, LibraryEvent } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import type { ApiMethods } from './api-context';
import type { JobQueue } from './job-queue';

export interface IndexingPauseDeps {
  need(): Promise<LibraryService>;
  readonly jobs: JobQueue;
  /** Queues a job indexing one library folder (its path on this device). */
  index(lib: LibraryService, folder: string): JobState;
  /** Starts the folder watcher again, when it runs and leaves out other folders than those paused now. */
  rewatch(): Promise<void>;
  emit(event: LibraryEvent): void;
}

export class IndexingPause {
  /** By the folder's path as the library keeps it: a folder this device maps elsewhere stays paused. */
  private readonly folders = new Set<string>();

  /** The paused folders as this device finds them (what the watcher leaves out). */
  devicePaths(lib: LibraryService): string[] {
    const map = lib.deviceFolders.map();
    return [...this.folders].map((f) => map.toDevice(f));
  }

  /** Some folder is paused: runs meanwhile remove only what they saw move (LibraryService.keepMissing). */
  get any(): boolean {
    return this.folders.size > 0;
  }

  /** Whether the folder listed at `devicePath` is paused. */
  has(lib: LibraryService, devicePath: string): boolean {
    return this.folders.size > 0 && this.folders.has(lib.deviceFolders.map().toLibrary(devicePath));
  }

  /** Forgets pauses of folders no longer listed (removed, or merged into a folder added above them). */
  prune(lib: LibraryService, listed: readonly string[]): void {
    const map = lib.deviceFolders.map();
    const keys = new Set(listed.map((f) => map.toLibrary(f)));
    for (const f of this.folders) if (!keys.has(f)) this.folders.delete(f);
  }

  /** Ends the folder's pause (it is being indexed as asked). */
  end(lib: LibraryService, devicePath: string): void {
    this.folders.delete(lib.deviceFolders.map().toLibrary(devicePath));
  }

  /** Ends every pause (every photo is to be embedded: another model, a repair). */
  clear(): void {
    this.folders.clear();
  }

  methods(deps: IndexingPauseDeps): ApiMethods<'pauseIndexing' | 'resumeIndexing'> {
    /** The library folder named by its path here or as the library keeps it. */
    const libraryFolder = async (folder: string): Promise<{ lib: LibraryService; device: string; key: string }> => {
      const lib = await deps.need();
      if (lib.modelMissing) throw lib.modelMissing; // nothing is indexed without a model anyway
      const abs = path.resolve(folder);
      const map = lib.deviceFolders.map();
      const listed = (await (await lib.readable()).listFolders()).map((f) => f.path);
      this.prune(lib, listed);
      const device = listed.find((f) => f === abs || map.toLibrary(f) === abs);
      if (!device) throw new Error(`not a library folder: ${abs}`);
      return { lib, device, key: map.toLibrary(device) };
    };
    return {
      pauseIndexing: async (folder) => {
        const { device, key } = await libraryFolder(folder);
        this.folders.add(key);
        await deps.jobs.cancel((job) => job.kind === 'index' && job.folder === device);
        await deps.rewatch();
        deps.emit({ type: 'folders-changed' });
      },
      resumeIndexing: async (folder) => {
        const { lib, device, key } = await libraryFolder(folder);
        this.folders.delete(key);
        deps.emit({ type: 'folders-changed' });
        // A job, not the watcher's catch-up: the folder shows its progress and what it added.
        return deps.index(lib, device);
      },
    };
  }
}
