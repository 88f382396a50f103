import type { Command } from 'commander';
import type { LibraryEvent, TextReadingCounts } from '../../shared/api';
import { UsageError, printJson, printLine } from '../output';
import type { IndexSummary } from '../../core/index';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { EXIT_INTERRUPTED, stopOnSignals } from '../stop-signals';
import { failedLine, failedText } from '../failed-line';
import { addedText, removedCount } from '../added-count';
import { countText } from '../../shared/count-text';
import { jobSeconds, textReadingText } from '../../shared/text-reading-text';
import type { ExecutionProviderName, ProviderStatus } from '../../shared/api';
import { modelProviders, writeProviderNote } from '../provider-note-line';

/** What the run's reading of text did, and how long it took (its jobs' time, summed). */
type TextReading = TextReadingCounts & { seconds: number };

/**
 * Follows the 'read-text' jobs that end while the run is awaited; `counts()` then says what
 * they did and how long they took (null: none ran), `left` being null for a job stopped
 * before it started.
 */
function followTextReading(api: { subscribe(listener: (event: LibraryEvent) => void): () => void }) {
  let counts: (Omit<TextReading, 'left'> & { left: number | null }) | null = null;
  const unsubscribe = api.subscribe((event) => {
    if (event.type !== 'job' || event.job.kind !== 'read-text' || !['done', 'failed', 'cancelled'].includes(event.job.state)) return;
    const text = event.job.result?.text ?? (event.job.state === 'cancelled' ? { read: 0, unreadable: 0, left: null, interrupted: true } : null);
    if (text) counts = { read: (counts?.read ?? 0) + text.read, unreadable: (counts?.unreadable ?? 0) + text.unreadable, left: text.left, interrupted: (counts?.interrupted ?? false) || text.interrupted, seconds: (counts?.seconds ?? 0) + jobSeconds(event.job) };
  });
  return { unsubscribe, counts: () => counts };
}

export function registerIndex(program: Command): void {
  withLibraryOptions(program.command('index'))
    .description('add folders to the library and index them (all library folders when none is given)')
    .argument('[folder...]', 'folders to add and index')
    // A shared library keeps the photos missing from this device's copy of a mapped folder
    // (another device may still hold them): the user who knows they were deleted says so here.
    .option('--remove-missing', "with FOLDER: remove the photos missing from this device's copy of that mapped folder of a shared library (kept otherwise)")
    .action(async (folders: string[], opts: LibraryCommandOptions & { removeMissing?: boolean }, cmd: Command) => {
      // Only for the folders named: every lagging copy at once is not what the user checked.
      if (opts.removeMissing && folders.length === 0) throw new UsageError('--remove-missing needs the FOLDER whose missing photos you know were deleted');
      const { FolderRefusedError } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox index', true);
      const stop = stopOnSignals();
      let s: IndexSummary;
      // The reading of text in photos that the run queued, and awaited after the embedding.
      const reading = followTextReading(library.api);
      let text: TextReading | null = null;
      // Where the model ran, asked before the library closes: only when it ran (photos embedded).
      let providers: ProviderStatus | null = null;
      try {
        // A job of the library host, as the app's indexing is, awaited here with its summary.
        try {
          s = await library.api.indexNow(folders, { signal: stop.signal, removeMissing: opts.removeMissing === true });
        } finally {
          // Closing cancels what is still queued: not this run's reading.
          reading.unsubscribe();
        }
        const counts = s.interrupted ? null : reading.counts();
        // Stopped before it began: what is left is what the library has still to read.
        if (counts) text = { ...counts, left: counts.left ?? (await library.api.textInPhotos()).left };
        if (s.embedded > 0) providers = await modelProviders(library.api);
      } catch (error) {
        // A folder that cannot be a library folder (/proc, the data folder) is a usage error.
        throw error instanceof FolderRefusedError ? new UsageError(error.message) : error;
      } finally {
        // Closing ends the progress bar's line: the summary then starts on a line of its own.
        // The handlers stay until it is done: a Ctrl-C while the library closes (its last commit,
        // the lock) would otherwise kill the process half-closed instead of being answered.
        try {
          await library.close();
        } finally {
          stop.release();
        }
      }
      // Stopped before the end, embedding or reading text, is not a finished run: 130, the
      // shell's code for Ctrl-C.
      if (s.interrupted || text?.interrupted) process.exitCode = EXIT_INTERRUPTED;
      // A forced provider that fell back (to the CPU) is said, with why, on stderr: the run
      // succeeded, but not where the user asked it to run.
      writeProviderNote(providers);
      const provider = providers?.inUse ?? undefined;
      // `interrupted` says the run was stopped, in either part; `left` stays the photos left to embed.
      if (opts.json) return printJson({ ...s, ...(provider ? { provider } : {}), ...(text ? { interrupted: s.interrupted || text.interrupted, textReading: text } : {}) });
      printLine(summaryLine(s, text, provider));
      // Failures recorded before this run (an earlier index, watch or the app), their files
      // unchanged, are counted and pointed to (status lists them), not told again.
      for (const f of s.failed) if (!f.known) process.stderr.write(failedLine(f));
    });
}

/** Files that are no photo or video, so that the counts add up to the files found. */
function otherFilesText(others: number): string {
  return others === 0 ? '' : `, ${others} not a photo or video`;
}

/** `provider`: what the model ran on, when it ran: "(1.5 s on cpu)", so that a GPU asked for and not used shows in the summary too. */
function summaryLine(s: IndexSummary, reading: TextReading | null, provider?: ExecutionProviderName): string {
  // A move said once, as moved, and "removed" only the photos gone (added-count.ts), as `shoebox watch` says it.
  const line = `${countText(s.scanned, 'file')}: ${addedText(s)}, ${s.updated} updated, ${s.unchanged} unchanged, ${removedCount(s)} removed, ${s.embedded} embedded, ${failedText(s.failed)}${otherFilesText(s.otherFiles)} (${s.seconds.toFixed(1)} s${provider ? ` on ${provider}` : ''})`;
  const kept = s.unavailable.length ? `; ${s.unavailable.length} unavailable (photos kept)` : '';
  if (s.interrupted) return `${line}${kept}; interrupted: ${countText(s.left, 'photo')} left for the next run`;
  if (reading?.interrupted) return `${line}${kept}; text in photos interrupted: read ${reading.read}, ${reading.unreadable} unreadable, ${countText(reading.left, 'photo')} left for the next run`;
  // The reading after the embedding, with its own time: the run's "(0.0 s)" is the embedding's,
  // and a first run after turning text on spends most of its time here.
  if (reading && reading.read + reading.unreadable > 0) return `${line}${kept}; ${textReadingText(reading, reading.seconds)}`;
  return `${line}${kept}`;
}
