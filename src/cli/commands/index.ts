import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { libraryFor, withLibraryOptions, type LibraryCommandOptions } from '../library-options';

export function registerIndex(program: Command): void {
  withLibraryOptions(program.command('index'))
    .description('add folders to the library and index them (all library folders when none is given)')
    .argument('[folder...]', 'folders to add and index')
    .action(async (folders: string[], opts: LibraryCommandOptions, cmd: Command) => {
      const library = libraryFor(cmd, opts, 'shoebox index', true);
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      try {
        const s = await library.index(folders, stop.signal);
        if (opts.json) return printJson(s);
        printLine(`${s.scanned} files: ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.removed} removed, ${s.embedded} embedded, ${s.failed.length} failed (${s.seconds.toFixed(1)} s)`);
        for (const f of s.failed) process.stderr.write(`failed: ${f.path}: ${f.reason}\n`);
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await library.close();
      }
    });
}
