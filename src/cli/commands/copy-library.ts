// `shoebox copy-library TARGET`: copies the library (`--library`, else the home's) to an empty
// folder or S3 prefix, everything the user made included, so other devices can share it
// (api/copy-library.ts has the policy). The library itself is left as it was; use the copy
// with `--library TARGET` (or SHOEBOX_LIBRARY, or the app's Settings → Library).
import type { Command } from 'commander';
import { formatBytes } from '../../shared/bytes-text';
import { itemsText } from '../../shared/count-text';
import { statusLine } from '../../base/status-line';
import type { CopyReport } from '../../core/index';
import { UsageError, printJson, printLine, printable } from '../output';
import { checkedLibraryUri } from '../global-options';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { EXIT_INTERRUPTED, stopOnSignals } from '../stop-signals';

export function registerCopyLibrary(program: Command): void {
  withLibraryOptions(program.command('copy-library'))
    .description('copy the library to an empty folder or s3://bucket/prefix (tags, albums and thumbnails included; nothing is embedded again)')
    .argument('<target>', 'an empty folder, or s3://bucket/prefix (credentials as for --library)')
    .addHelpText('after', '\nThe library is left as it was; run the same command again to finish a copy that was cut short.\nWith --json: {"from", "to", "tables": [{"name", "rows"}], "photos" (videos included), "videos", "files", "bytes", "alreadyThere", "skipped", "resumed", "seconds"}.')
    .action(async (target: string, opts: LibraryCommandOptions, cmd: Command) => {
      // A malformed target is a usage error (exit 2), as a malformed --library is, before anything opens.
      checkedLibraryUri(target);
      const { CopyRefusedError } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox copy-library', false, 'nothing'); // no model needed: nothing is embedded
      const line = statusLine({ enabled: !opts.json });
      const stop = stopOnSignals();
      try {
        let report: CopyReport;
        try {
          report = await library.api.copyLibraryNow(target, {
            signal: stop.signal,
            onProgress: (p) => line.show(`copying: ${p.done}/${p.total} files, ${formatBytes(p.bytes)}`, p.done === p.total),
          });
        } catch (error) {
          if (!stop.signal.aborted) throw error instanceof CopyRefusedError ? new UsageError(error.message) : error;
          line.end();
          process.stderr.write(`shoebox: copy stopped; run the same command again to finish it (the library here is unchanged)\n`);
          process.exitCode = EXIT_INTERRUPTED;
          return;
        }
        line.end();
        if (opts.json) return printJson(report);
        const skipped = report.skipped ? ` (${report.skipped} stray files left behind: hidden, or Lance's temporary ones)` : '';
        const there = report.alreadyThere ? ` (${report.alreadyThere} more were there from the earlier attempt)` : '';
        printLine(`${report.resumed ? 'finished the copy' : 'copied'} ${printable(report.from)} to ${printable(report.to)}: ${report.tables.length} tables (${itemsText(report.photos, report.videos)}), ${report.files} files${there}${skipped}, ${formatBytes(report.bytes)} in ${report.seconds.toFixed(1)} s; checked: every table reads whole there, at the same version with the same rows`);
        printLine(`use it with: shoebox --library ${printable(report.to)} …  (the library here is unchanged)`);
      } finally {
        stop.release();
        line.end();
        await library.close();
      }
    });
}
