// `shoebox import FROM --to DIR`: copies the photos and videos of a camera card, a phone's
// folder or any folder outside the library that the library does not hold yet into a library
// folder, sorted by day taken, then indexes them (core/api/photo-import-api.ts, the app's).
// The source is only read.
import type { Command } from 'commander';
import { statusLine } from '../../base/status-line';
import { itemsText } from '../../shared/count-text';
import { importFailureLines } from '../../shared/import-failure-lines';
import { photoImportSummary } from '../../shared/photo-import-text';
import { EXIT_FAILURE, printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { EXIT_INTERRUPTED, stopOnSignals } from '../stop-signals';

export function registerImport(program: Command): void {
  withLibraryOptions(program.command('import'))
    .description('copy the photos and videos of a camera card or folder that the library does not hold yet into a library folder, by day taken (DIR/2024/2024-06-15/…), then index them; the source is only read, nothing is overwritten')
    .argument('<from>', 'the card or folder to import from (outside the library)')
    .requiredOption('--to <dir>', 'a library folder, or a folder in one, to copy into')
    .option('--include-trashed', 'also copy the photos and videos you moved to the trash in Shoebox (left on the card otherwise, counted)')
    .action(async (from: string, opts: LibraryCommandOptions & { to: string; includeTrashed?: boolean }, cmd: Command) => {
      // Ctrl-C stops at the next file: what was copied stays, the next import indexes it. Taken
      // before the library opens (loading a model takes seconds): a Ctrl-C then is answered with
      // the stop's line, not a silent death.
      const stop = stopOnSignals();
      let library: Awaited<ReturnType<typeof openCommandLibrary>> | null = null;
      const line = statusLine({ enabled: !opts.json && process.stderr.isTTY === true });
      try {
        library = await openCommandLibrary(cmd, opts, 'shoebox import');
        const result = await library.api.importPhotosNow(from, opts.to, { signal: stop.signal, includeTrashed: opts.includeTrashed === true, onProgress: (done, total) => line.show(`copying ${done}/${total}`, done >= total) });
        line.end();
        if (result.stopped) process.exitCode = EXIT_INTERRUPTED;
        // A file not copied is on the card; one copied that could not be indexed is in the library.
        // "copied" only for a copy this run made: one an earlier, stopped import left is only there.
        const copiedNow = new Set(result.copied);
        // A destination that cannot be written is one line per folder and cause, not one per file.
        const { destinations, perFile } = importFailureLines(result.failed);
        for (const d of destinations) process.stderr.write(`shoebox: could not import ${d.files.toLocaleString()} ${d.files === 1 ? 'file' : 'files'}: ${printable(d.error)}\n`);
        for (const f of perFile) {
          const what = f.step === 'copy' ? `could not import ${printable(f.path)}` : copiedNow.has(f.path) ? `copied ${printable(f.path)}, but could not index it` : `could not index ${printable(f.path)} (in the library folder already)`;
          process.stderr.write(`shoebox: ${what}: ${printable(f.error)}\n`);
        }
        // A copy is written under a hidden name and named only once whole and checked
        // (library/photo-import.ts): a stop leaves no half photo, and the same import resumes.
        if (result.stopped) process.stderr.write(`shoebox: stopped: ${result.copied.length ? `${printable(itemsText(result.copied.length, result.copiedVideos))} copied so far, nothing half-copied kept` : 'nothing copied'}; run the same import again to resume\n`);
        // Exit 1 only for a file left uncopied (a script must not wipe the card then); a copy that
        // could not be indexed is safe in the library and recorded, as `index` exits 0 for it.
        if (result.failed.some((f) => f.step === 'copy') && !result.stopped) process.exitCode = EXIT_FAILURE;
        if (opts.json) return printJson(result);
        printLine(printable(photoImportSummary(result))); // the folder copied into may hold control characters
      } finally {
        stop.release();
        line.end();
        await library?.close();
      }
    });
}
