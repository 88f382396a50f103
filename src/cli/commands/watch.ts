import type { Command } from 'commander';
import { printJson, printLine } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { stopOnSignals } from '../stop-signals';
import { failedLine, failedText } from '../failed-line';
import { addedText, removedCount } from '../added-count';
import { countText } from '../../shared/count-text';
import type { GlobalOptions } from '../global-options';
import { modelProviders, providerForced, writeProviderNote } from '../provider-note-line';

export function registerWatch(program: Command): void {
  withLibraryOptions(program.command('watch'), 'print one JSON summary line per sync, until stopped')
    .description('keep every library folder in sync until Ctrl-C (catches up on changes made while not watching)')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox watch', true);
      const stop = stopOnSignals();
      // A forced provider that fell back (to the CPU) is said once, with why, as `index` says
      // it: after the first sync that ran the model (a watch may embed nothing for days).
      const forced = providerForced(cmd.optsWithGlobals<GlobalOptions>().provider);
      let providerNoted: Promise<void> | null = null;
      try {
        const folders = (await library.api.listFolders()).length;
        // Said once it watches: while another process writes the library, the core waits for
        // it and says so on stderr (library-watch.ts); the first sync (the catch-up) comes after.
        let started = false;
        const watching = () => {
          if (started || opts.json) return;
          started = true;
          // None at the start: the core said how to add one (and waited for it without the lock).
          printLine(folders ? `watching ${countText(folders, 'folder')}; Ctrl-C stops` : "watching the library's folders now; Ctrl-C stops");
        };
        // A sync's failures include the known ones whose files did not change: each is said
        // once per watch (a catch-up repeating "2 failed" reads as two new failures), and one
        // recorded before this watch is counted as index counts it, not told again.
        const told = new Set<string>();
        const key = (f: { path: string; reason: string }) => `${f.path}\0${f.reason}`;
        await library.api.watchNow(stop.signal, (s) => {
          watching();
          if (forced && !providerNoted && s.embedded > 0) providerNoted = modelProviders(library.api).then(writeProviderNote);
          // --json: one JSON line per sync, so a script can follow along.
          if (opts.json) return printJson(s);
          const failed = s.failed.filter((f) => !told.has(key(f)));
          if (s.added || s.newToModel || s.updated || s.removed || failed.length) printLine(`${addedText(s)}, ${s.updated} updated, ${removedCount(s)} removed, ${failedText(failed)}`);
          for (const f of failed) {
            told.add(key(f));
            if (!f.known) process.stderr.write(failedLine(f));
          }
        });
      } finally {
        stop.release();
        await providerNoted; // never fails: asked of the library before it closes
        await library.close();
      }
    });
}
