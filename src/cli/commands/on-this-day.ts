// `shoebox on-this-day`: the photos taken on today's month and day in earlier years, newest
// year first, as the app's "On this day" shows them (the core's timeline view, which leaves
// archived photos out: a day whose photos are all archived says so, as the app does).
import type { Command } from 'commander';
import { printJson, printLine, printable, UsageError } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';
import type { TimelinePhoto } from '../../shared/api';
import { todayIso } from '../../shared/today';
import { isCalendarDay } from '../../shared/calendar-day';
import { noPhotoOnThisDayText } from '../../shared/on-this-day-text';
import { machineUtcOffset } from '../machine-utc-offset';

const PAGE = 1000;

/** How a terminal sees the archive and brings a photo back, for the line of a day whose photos are all archived. */
const ARCHIVE_HINT = 'shoebox archive list lists the archive, shoebox archive remove PHOTO brings one back';

export function registerOnThisDay(program: Command): void {
  withLibraryOptions(program.command('on-this-day'))
    .description('photos taken on this day (month and day) in earlier years, newest year first')
    .option('--date <YYYY-MM-DD>', 'another day than today')
    .action(async (opts: LibraryCommandOptions & { date?: string }, cmd: Command) => {
      const date = opts.date ?? todayIso();
      // Only a --date that is not a day is a usage error (exit 2), checked here by the shared
      // rule before the library opens; whatever fails after it (a damaged or unreachable
      // library) fails as in every other command (exit 1, its own line).
      if (!isCalendarDay(date)) throw new UsageError(`--date must be a date as YYYY-MM-DD, got "${date}"`);
      const library = await openCommandLibrary(cmd, opts, 'shoebox on-this-day', false, 'read');
      try {
        const photos: TimelinePhoto[] = [];
        let archived = 0;
        for (let offset = 0; ; offset += PAGE) {
          const page = await library.api.timeline({ onThisDay: date, offset, limit: PAGE, utcOffset: machineUtcOffset() });
          photos.push(...page.photos);
          archived = page.archivedLeftOut ?? 0;
          if (page.photos.length < PAGE) break;
        }
        // A day with nothing to show says why on stderr, with --json too (its stdout stays the
        // one document, `[]`), as `search` says its empty result.
        if (photos.length === 0) process.stderr.write(`shoebox: ${noPhotoOnThisDayText(date, archived, ARCHIVE_HINT)}\n`);
        if (opts.json) return printJson(photos.map((p) => ({ path: p.path, takenAt: takenAtIso(p.takenAt!, p.takenOffset) })));
        const year = Number(date.slice(0, 4));
        let shown = -1;
        for (const p of photos) {
          const taken = new Date(p.takenAt!).getUTCFullYear();
          if (taken !== shown) {
            printLine(`${taken} (${year - taken} year${year - taken === 1 ? '' : 's'} ago)`);
            shown = taken;
          }
          printLine(`  ${printable(p.path)}`);
        }
      } finally {
        await library.close();
      }
    });
}
