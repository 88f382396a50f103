import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { stopOnSignals } from '../stop-signals';

export function registerWatch(program: Command): void {
  withLibraryOptions(program.command('watch'), 'print one JSON summary line per sync, until stopped')
    .description('keep every library folder in sync until Ctrl-C (catches up on changes made while not watching)')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox watch', true);
      const stop = stopOnSignals();
      try {
        const folders = (await library.api.listFolders()).length;
        if (!opts.json) printLine(`watching ${folders} ${folders === 1 ? 'folder' : 'folders'}; Ctrl-C stops`);
        await library.api.watchNow(stop.signal, (s) => {
          // --json: one JSON line per sync, so a script can follow along.
          if (opts.json) printJson(s);
          else if (s.added || s.updated || s.removed || s.failed.length) {
            printLine(`${s.added} added, ${s.updated} updated, ${s.removed} removed, ${s.failed.length} failed`);
          }
        });
      } finally {
        stop.release();
        await library.close();
      }
    });
}
