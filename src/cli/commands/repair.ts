// `shoebox repair`: reads every table of the library whole and brings the damaged ones back
// (core/api/repair-library.ts); the one-line "library damaged" error of every other command
// points here. Exit 0 when the library reads whole afterwards.
import type { Command } from 'commander';
import { repairLibrary, repairSummary } from '../../core/api/repair-library';
import { printJson, printLine } from '../output';
import { libraryFor, withLibraryOptions, type LibraryCommandOptions } from '../library-options';

export function registerRepair(program: Command): void {
  withLibraryOptions(program.command('repair'))
    .description('check every library table and bring damaged ones back to their last readable version')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = libraryFor(cmd, opts, 'shoebox repair');
      try {
        const report = await repairLibrary(library);
        if (opts.json) return printJson(report);
        for (const line of repairSummary(report)) printLine(line);
      } finally {
        await library.close();
      }
    });
}
