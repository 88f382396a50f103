// Another process writes the library: `shoebox watch` on the family's GPU box, the app on
// another laptop, a `shoebox watch` of this very home. The app and `serve` show the library
// anyway, for searching and viewing, rather than failing every call with "library busy":
// each change asks for the writer lock and is refused with that process's line meanwhile;
// other devices' commits are followed, so the page shows what they add; and the watcher
// (BackgroundSync, every WATCH_RETRY_MS) takes the library over once it is free.
import type { LibraryEvent } from '../../shared/api';
import type { LibraryService } from '../library/library-service';
import { LibraryBusyError } from '../library/writer-lock';
import { LeaseLostError } from '../store/writer-lease';
import { followCommits, type CommitFollower } from './commit-follower';

export class WriterElsewhere {
  /** The last "library busy" (or "lease lost") line, while this process does not write. */
  private note: string | null = null;
  private follower: CommitFollower | null = null;

  constructor(
    private readonly lib: LibraryService,
    private readonly emit: (event: LibraryEvent) => void,
    private readonly followMs?: number,
  ) {}

  /** What status() says: null while this process writes the library. */
  get current(): string | null {
    return this.lib.writing ? null : this.note;
  }

  /** Takes note of a failed open or sync; false when `error` is not another writer's doing. */
  saw(error: unknown): boolean {
    if (!(error instanceof LibraryBusyError || error instanceof LeaseLostError)) return false;
    const line = error.message.split('\n')[0]!;
    if (line !== this.note) {
      this.note = line;
      this.emit({ type: 'folders-changed' }); // the page reads status() again: its banner
    }
    this.follow();
    return true;
  }

  stop(): void {
    this.follower?.stop();
    this.follower = null;
  }

  /** Until this process writes again: other devices' commits tell the page to read again. */
  private follow(): void {
    if (this.follower) return;
    const changed = () => {
      if (!this.lib.writing) this.emit({ type: 'photos-changed', added: 0, removed: 0 });
    };
    const tookOver = async () => {
      if (!this.lib.writing) return;
      this.stop();
      this.note = null;
      this.emit({ type: 'folders-changed' });
    };
    this.follower = followCommits(this.lib, changed, this.followMs, tookOver);
  }
}
