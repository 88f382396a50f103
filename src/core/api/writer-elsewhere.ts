// Another process writes the library: `shoebox watch` on the family's GPU box, the app on
// another laptop, a `shoebox watch` of this very home. The app and `serve` show the library
// anyway, for searching and viewing, rather than failing every call with "library busy":
// each change asks for the writer lock and is refused with that process's line meanwhile;
// other devices' commits are followed, so the page shows what they add; the line goes once the
// lock is free (each look at the commits reads who holds it), and the watcher (BackgroundSync,
// every WATCH_RETRY_MS) takes the library over then. Once this process gives the lock back
// (writer-hand-back.ts), others' commits are followed the same way, with no line to show.
import type { LibraryEvent, LibraryStatus } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import { busyWithoutAdvice, LibraryBusyError } from '../library/writer-lock';
import { LeaseLostError } from '../store/writer-lease';
import { followCommits, type CommitFollower } from './commit-follower';

/** Who writes the library and why this process does not (status().writer). */
export type WriterNote = NonNullable<LibraryStatus['writer']>;

/** Said from the error's class and fields, never its wording: front ends decide by it. */
function writerNoteOf(error: LibraryBusyError | LeaseLostError): WriterNote {
  if (error instanceof LibraryBusyError) return { holder: error.holder, reason: 'busy' };
  return { holder: null, reason: error.lostConnection ? 'connection' : 'lease-lost' };
}

export class WriterElsewhere {
  /** The last "library busy" (or "lease lost") line, while this process does not write. */
  private note: string | null = null;
  /** What `note` says, structurally (set and cleared with it). */
  private why: WriterNote | null = null;
  private follower: CommitFollower | null = null;
  private stopped = false;

  constructor(
    private readonly lib: LibraryService,
    private readonly emit: (event: LibraryEvent) => void,
    private readonly followMs?: number,
  ) {}

  /** What status() says: null while this process writes the library. */
  get current(): string | null {
    return this.lib.writing ? null : this.note;
  }

  /** What status().writer says: null while this process writes the library. */
  get writer(): WriterNote | null {
    return this.lib.writing || this.note === null ? null : this.why;
  }

  /** Takes note of a failed open or sync; false when `error` is not another writer's doing. */
  saw(error: unknown): boolean {
    if (!(error instanceof LibraryBusyError || error instanceof LeaseLostError)) return false;
    if (this.stopped) return true; // a watcher's last try, ending after the host closed
    const line = error.message.split('\n')[0]!;
    // The page is told only of another writer (or another advice), not of each retry's new
    // countdown to the lease's lapse: that would re-read status() every 10 s for nothing.
    const why = writerNoteOf(error);
    const changed = this.note === null || busyWithoutAdvice(line) !== busyWithoutAdvice(this.note) || why.reason !== this.why?.reason;
    this.note = line;
    this.why = why;
    if (changed) this.emit({ type: 'folders-changed' }); // the page reads status() again: its banner
    this.follow();
    return true;
  }

  /** This process gave the lock back: other devices' commits are followed until it writes again. */
  handedBack(): void {
    if (!this.stopped) this.follow();
  }

  stop(): void {
    this.stopped = true;
    this.follower?.stop();
    this.follower = null;
  }

  /** Until this process writes again: other devices' commits tell the page to read again. */
  private follow(): void {
    if (this.follower) return;
    // Said even when this process has just started writing again: the commit seen may be
    // another device's, made before (a page refresh too many costs nothing; one missed does).
    const changed = () => this.emit({ type: 'photos-changed', added: 0, removed: 0 });
    const looked = async () => {
      if (this.stopped) return;
      if (this.lib.writing) {
        this.follower?.stop();
        this.follower = null;
      } else if (this.note === null || (await this.lib.writerElsewhere()) !== null) return;
      // Writing here again, or no one holds the lock now: the page drops the line.
      if (this.note === null || this.stopped) return;
      this.note = null;
      this.why = null;
      this.emit({ type: 'folders-changed' }); // the page reads status() again: its banner
    };
    this.follower = followCommits(this.lib, changed, this.followMs, looked);
  }
}
