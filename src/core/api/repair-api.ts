// The app's side of a damaged library (issue 16.5): when the store cannot be opened because
// a table is damaged, the host keeps answering (status() says `damaged`, other calls fail
// with the same one line) instead of failing to start, and repairLibrary() repairs it as a
// job (repair-library.ts), reopens the library and indexes every folder again, which embeds
// exactly the photos the repair lost.
import type { LibraryService } from '../library/library-service';
import { LibraryDamagedError, damageSeen } from '../store';
import type { ApiContext, ApiMethods } from './api-context';
import { repairLibrary, repairSummary, takeRepairWriter } from './repair-library';
import { probeLibraryDamage } from './library-damage-probe';

export class LibraryRepair {
  /** The library whose open failed on damage; kept open so it keeps the writer lock for the repair. */
  private held: LibraryService | null = null;
  private error: LibraryDamagedError | null = null;

  /** Damage that stops the library from opening; the host answers without a library meanwhile. */
  get damaged(): string | null {
    return this.error?.message ?? null;
  }

  /** The same damage as the error itself, for the calls it refuses: its name (LibraryDamagedError)
   *  crosses the RPC, and the app shows its repair by that name, never by the line's words. */
  get damage(): LibraryDamagedError | null {
    return this.error;
  }

  /** The cheap look at every table (library-damage-probe.ts), started once per library opened. */
  private probed = new WeakSet<LibraryService>();
  /** Tells the front ends to read the status again (set by methods(), which gets the host's events). */
  private statusChanged: () => void = () => {};

  /** Damage of an open library: met by an earlier read (store-health.ts), or by a look at every
   *  table once it opens (a damaged favourites table is read by no open, and the page would
   *  show the grid), so that the app says what `shoebox status` says. The look opens every table
   *  (seconds on S3): the first status does not wait for it, it answers what is known now; damage
   *  the look finds then says 'folders-changed', on which the page reads the status again (and
   *  the page's first failed read shows the damage meanwhile: useLibraryDamage.ts). */
  async seen(lib: LibraryService): Promise<string | null> {
    if (!this.probed.has(lib)) {
      this.probed.add(lib);
      void probeLibraryDamage(lib.location).then(
        (damage) => {
          if (damage) this.statusChanged();
        },
        () => {}, // a look that cannot connect says nothing: the reads will
      );
    }
    return damageSeen(lib.location.databaseUri)?.message ?? null;
  }

  /** The host's open attempt failed on damage: hold the candidate; the library stays closed. */
  hold(candidate: LibraryService, error: LibraryDamagedError): null {
    this.held = candidate;
    this.error = error;
    return null;
  }

  async close(): Promise<void> {
    await this.held?.close();
    this.held = null;
  }

  methods(ctx: ApiContext, indexFolders: (lib: LibraryService, folders: readonly string[]) => Promise<void>): ApiMethods<'repairLibrary'> {
    // The event the app already reads its status again on (useLibrary.ts), as writer-elsewhere.ts does.
    this.statusChanged = () => ctx.emit({ type: 'folders-changed' });
    return {
      repairLibrary: async () => {
        // Refused at once while another process writes (or with no model), not as a failed job.
        await takeRepairWriter(this.held ?? (await ctx.need()));
        return ctx.jobs.enqueue('repair', '', async () => {
          const lib = this.held ?? (await ctx.need());
          const report = await repairLibrary(lib);
          if (this.held) await this.close();
          this.error = null;
          const reopened = await ctx.need();
          await indexFolders(reopened, (await (await reopened.readable()).listFolders()).map((f) => f.path));
          ctx.emit({ type: 'folders-changed' });
          ctx.emit({ type: 'photos-changed', added: 0, removed: 0 });
          // The lines `shoebox repair` prints, in the app's case (it indexes again itself): the
          // first as the job's summary, the others as its details, without the terminal's indent.
          const [summary, ...details] = repairSummary(report, { indexesAgain: true });
          return { added: 0, updated: 0, removed: 0, embedded: 0, failed: 0, summary: summary!, details: details.map((line) => line.trim()) };
        });
      },
    };
  }
}
