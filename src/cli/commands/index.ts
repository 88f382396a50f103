import type { Command } from 'commander';
import { UsageError, printJson, printLine } from '../output';
import type { IndexSummary } from '../../core/index';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { EXIT_INTERRUPTED, stopOnSignals } from '../stop-signals';
import { failedLine, failedText } from '../failed-line';
import { addedText } from '../added-count';
import { countText } from '../../shared/count-text';

export function registerIndex(program: Command): void {
  withLibraryOptions(program.command('index'))
    .description('add folders to the library and index them (all library folders when none is given)')
    .argument('[folder...]', 'folders to add and index')
    .action(async (folders: string[], opts: LibraryCommandOptions, cmd: Command) => {
      const { FolderRefusedError } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox index', true);
      const stop = stopOnSignals();
      let s: IndexSummary;
      try {
        // A job of the library host, as the app's indexing is, awaited here with its summary.
        s = await library.api.indexNow(folders, { signal: stop.signal });
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
      // Stopped before the end is not a finished run: 130, the shell's code for Ctrl-C.
      if (s.interrupted) process.exitCode = EXIT_INTERRUPTED;
      if (opts.json) return printJson(s);
      printLine(summaryLine(s));
      // Failures recorded before this run (an earlier index, watch or the app), their files
      // unchanged, are counted and pointed to (status lists them), not told again.
      for (const f of s.failed) if (!f.known) process.stderr.write(failedLine(f));
    });
}

function summaryLine(s: IndexSummary): string {
  // A move or copy said as such (added-count.ts), as `shoebox watch` says it.
  const line = `${countText(s.scanned, 'file')}: ${addedText(s)}, ${s.updated} updated, ${s.unchanged} unchanged, ${s.removed} removed, ${s.embedded} embedded, ${failedText(s.failed)} (${s.seconds.toFixed(1)} s)`;
  const kept = s.unavailable.length ? `; ${s.unavailable.length} unavailable (photos kept)` : '';
  return s.interrupted ? `${line}${kept}; interrupted: ${countText(s.left, 'photo')} left for the next run` : `${line}${kept}`;
}
