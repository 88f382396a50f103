// A library folder that goes away under a watch (moved away, unmounted, replaced by a file) is
// said as `index` and `serve` say it (`folder not found (unmounted?): DIR — its N photos are
// kept`, index-summary.ts), as soon as the watch notices (folder-presence.ts), rather than
// only once it is back. A batch or catch-up that meets the folder missing says the same line
// through the indexer: while the folder stays away each line is said once per watch.
import type { LibraryEvent } from '../../shared/api';
import { unavailableLines } from './index-summary';
import { folderProblem } from './scan';

export class GoneFolderLines {
  /** The line said for each folder gone, until it is back. */
  private readonly said = new Map<string, string>();

  constructor(private readonly emit: (event: LibraryEvent) => void) {}

  /** Says why `folder` cannot be followed now, with the photos kept there; nothing if it is back already. */
  async gone(folder: string, keptPhotos: (folder: string) => Promise<number>): Promise<void> {
    const reason = await folderProblem(folder);
    if (reason === null) return; // back before it could be said: the next check follows it
    // Uncounted (the library unreachable too): said without a count rather than not at all.
    const kept = await keptPhotos(folder).catch(() => 0);
    const [line] = unavailableLines({ unavailable: [{ path: folder, reason, kept }] });
    if (line === undefined || this.said.get(folder) === line) return;
    this.said.set(folder, line);
    this.emit({ type: 'log', level: 'warn', message: line });
  }

  /** A sync's summary said these lines already (the indexer met the folders missing). */
  saidBy(unavailable: readonly { path: string; reason: string; kept: number }[], libraryFolders: readonly string[]): void {
    for (const u of unavailable) {
      if (!libraryFolders.includes(u.path)) continue;
      const [line] = unavailableLines({ unavailable: [u] });
      if (line !== undefined) this.said.set(u.path, line);
    }
  }

  /** `folder` is followed again: its next going is said again. */
  back(folder: string): void {
    this.said.delete(folder);
  }

  /** `emit`, leaving out a line said already for a folder still gone (a batch meeting it missing). */
  quieting(emit: (event: LibraryEvent) => void): (event: LibraryEvent) => void {
    return (event) => {
      if (event.type === 'log' && event.level === 'warn' && [...this.said.values()].includes(event.message)) return;
      emit(event);
    };
  }
}
