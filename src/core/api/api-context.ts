// What LibraryApi's feature modules (tags-api, albums-api, dupes-api, models-api) get from
// the host in library-api.ts: the open library, the job queue and the event stream. Each
// module returns its share of LibraryApi's methods; the host spreads them into one object.
import type { ActiveModel, LibraryApi, LibraryEvent, LibraryStatus } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import type { JobQueue } from './job-queue';
import type { LibraryFiles } from '../location/library-files';
import type { OneAtATime } from '../../base/one-at-a-time';

/** One write at a time to each table of the user's marks, shared by every writer of it: the
 *  app's and the CLI's edits (tags-api, albums-api, favourites-api, archive-api) and the duplicates
 *  trash's hand-over to keepers (keeper-marks.ts). Two commits to one LanceDB table at once
 *  can conflict; a queue per table keeps a long tagging run from holding up a favourite. */
export interface MarkWrites {
  readonly favourites: OneAtATime;
  readonly archive: OneAtATime;
  readonly tags: OneAtATime;
  readonly albums: OneAtATime;
  readonly descriptions: OneAtATime;
  /** Dates and places set by hand: each reads the rows (or the edits) it then writes (a shift
   *  moves the date it read), so two at once must not both start from the same. */
  readonly edits: OneAtATime;
}

export interface ApiContext {
  readonly home: string;
  /** The library's own files (duplicate decisions, reports): in the home for the default
   *  library, in the library's folder or S3 prefix otherwise (location/files-for.ts). */
  readonly files: LibraryFiles;
  /** The library, or null while no model is installed (first run). */
  open(): Promise<LibraryService | null>;
  /** The library, or a NoModelError with what to do. */
  need(): Promise<LibraryService>;
  /** The user's marks' write queues (MarkWrites). */
  readonly writes: MarkWrites;
  /** Background work, one job at a time; `jobs.progress()` reports the running job's. */
  readonly jobs: JobQueue;
  emit(event: LibraryEvent): void;
  /** offset/limit with defaults applied and the limit capped. */
  page(options?: { offset?: number; limit?: number }): { offset: number; limit: number };
  /** Closes the library and opens it again with the installed model `modelId` (already made
   *  active in settings), then queues re-embedding of every folder (unless `index` is false:
   *  the CLI asks before a long re-index, or runs it in the foreground). */
  reopen(modelId: string, options?: { index?: boolean; modelDir?: string }): Promise<LibraryStatus>;
  /** The model folder the front end started with (--model-dir), once the library opened with
   *  it: listed among the models, so a switch away from it can come back. */
  startedWith(): ActiveModel | null;
  /** A library open for reading without a model opens again with the active model, now
   *  installed, and queues indexing of its folders; otherwise nothing happens. */
  openWithModel(): Promise<void>;
  status(): Promise<LibraryStatus>;
}

/** A slice of LibraryApi's methods. */
export type ApiMethods<K extends keyof LibraryApi> = Pick<LibraryApi, K>;
