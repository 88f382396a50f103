// Another process writes the library: `shoebox watch` on the family's GPU box, the app on
// another laptop, a `shoebox watch` of this very home. The app and `serve` show the library
// anyway, for searching and viewing, rather than failing every call with "library busy":
// each change asks for the writer lock and is refused with that process's line meanwhile;
// other devices' commits are followed, so the page shows what they add. Each look at the
// commits also reads who holds the writer lease (one small row): a process that took the
// library after this one gave it back (writer-hand-back.ts) is said then, before any change
// is offered and refused; and the line goes once the lease is free, when the watcher
// (library-watch.ts, every TAKE_AGAIN_MS) or the next change takes the library over.
// The lease is read through one connection kept open while following (WriterLeaseReader: on
// S3 one LIST, or three requests when the lease moved, rather than ~6 with a new client and
// handshake), and only every LEASE_EVERY_TICKS looks, or at once when the library's data
// version moved (another writer commits soon after taking the lease): an open app costs
// ~6 requests a minute for it, not ~36, and still names a new writer within ~30 s.
import os from 'node:os';
import type { LibraryEvent, LibraryStatus } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import { busyWithoutAdvice, leaseBusyError, LibraryBusyError } from '../library/writer-lock';
import { describeHolder, LeaseLostError, WriterLeaseReader, type LeaseHolder } from '../store/writer-lease';
import { followCommits, type CommitFollower } from './commit-follower';

/** The lease is read every this many looks at the commits (and on any look that saw one). */
export const LEASE_EVERY_TICKS = 3;

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
  /** Kept open while following (closed by stop()); made on first need. */
  private leaseReader: WriterLeaseReader | null = null;

  constructor(
    private readonly lib: LibraryService,
    private readonly emit: (event: LibraryEvent) => void,
    private readonly followMs?: number,
    /** Who holds the lease now (tests); by default read through one kept connection. */
    private readonly readLease: () => Promise<LeaseHolder | null> = () => (this.leaseReader ??= new WriterLeaseReader(this.lib.location)).holder(),
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
    this.leaseReader?.close();
    this.leaseReader = null;
  }

  /** Until this process writes again: other devices' commits tell the page to read again, and
   *  each look says who holds the lease (the page's banner) or that no one does. */
  private follow(): void {
    if (this.follower) return;
    // Said even when this process has just started writing again: the commit seen may be
    // another device's, made before (a page refresh too many costs nothing; one missed does).
    // The first look reads the lease; then every LEASE_EVERY_TICKS looks, or one that saw a commit.
    let unread = LEASE_EVERY_TICKS - 1; // looks since the lease was last read
    let committed = false;
    const changed = () => {
      committed = true;
      this.emit({ type: 'photos-changed', added: 0, removed: 0 });
    };
    const looked = async () => {
      if (this.stopped) return;
      if (this.lib.writing) {
        this.follower?.stop();
        this.follower = null;
        this.leaseReader?.close(); // opened again once this process gives the library back
        this.leaseReader = null;
        return this.drop();
      }
      if (++unread < LEASE_EVERY_TICKS && !committed) return;
      unread = 0;
      committed = false;
      const holder = await this.readLease();
      if (this.stopped || this.lib.writing) return;
      if (holder === null) return this.drop(); // no one holds the lock now
      if (this.named(holder)) this.saw(leaseBusyError(holder, this.lib.location.uri));
    };
    this.follower = followCommits(this.lib, changed, this.followMs, looked);
  }

  /**
   * Whether the lease's `holder` is news to the page: no line yet (this process gave the lock
   * back and another took it, with no change refused yet), or another process than the line
   * names. Not this process itself, between taking the lease and opening its store; and a line
   * naming no one (a lost lease, another process of this home taking the lock) is kept.
   */
  private named(holder: LeaseHolder): boolean {
    if (holder.host === os.hostname() && holder.pid === process.pid) return false;
    if (this.note === null) return true;
    return this.why?.reason === 'busy' && this.why.holder !== null && this.why.holder !== describeHolder(holder);
  }

  /** Writing here again, or no one holds the lock now: the page drops the line. */
  private drop(): void {
    if (this.note === null || this.stopped) return;
    this.note = null;
    this.why = null;
    this.emit({ type: 'folders-changed' }); // the page reads status() again: its banner
  }
}
