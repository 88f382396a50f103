// `shoebox repair`: reads every table of the library whole and brings the damaged ones back
// (the library host's repairNow, as the app's repair job does, without the re-index: the
// summary says to run `shoebox index`); the one-line "library damaged" error of every other
// command points here. Exit 0 when the library reads whole afterwards.
import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';

export function registerRepair(program: Command): void {
  withLibraryOptions(program.command('repair'))
    .description('check every library table and bring damaged ones back to their last readable version')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const { repairSummary } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox repair');
      try {
        const report = await library.api.repairNow();
        if (opts.json) return printJson(report);
        for (const line of repairSummary(report)) printLine(line);
      } finally {
        await library.close();
      }
    });
}
