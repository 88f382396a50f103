// Whether the library's text is being read right now, so that "still to read" is not said
// with "run shoebox index" to a user whose `shoebox index` (or app) is reading it: a search
// while it reads said "153 of 217 photos not read yet ("shoebox index" reads them)". Either
// this host runs its reading job (text-reading-job.ts), or another process holds the writer
// lock with a command that reads the text of what it indexes (each of these queues the
// reading after its index runs and syncs; watch, serve and the app let the lock go once quiet,
// so holding it they are at work). Other writers (a `shoebox rotate`, `favourites add`) do not read.
import type { LibraryService } from '../library/library-service';
import type { ApiContext } from './api-context';

/** The writer-lock commands (LibraryService's `command`) whose runs read text in photos. */
const READS_TEXT = new Set(['shoebox index', 'shoebox watch', 'shoebox serve', 'shoebox import', 'Shoebox (desktop app)']);

export async function readingNow(ctx: Pick<ApiContext, 'jobs'>, lib: Pick<LibraryService, 'writerElsewhere'>): Promise<boolean> {
  if (ctx.jobs.list().some((j) => j.kind === 'read-text' && j.state === 'running')) return true;
  // A lease that cannot be read (S3 away) says nothing of reading: not said.
  const holder = await lib.writerElsewhere().catch(() => null);
  return holder !== null && READS_TEXT.has(holder.command);
}
