// `shoebox on-this-day`: the photos taken on today's month and day in earlier years, newest
// year first, as the app's "On this day" shows them (the core's timeline view, which leaves
// archived photos out: a day whose photos are all archived says so).
import type { Command } from 'commander';
import { printJson, printLine, printable, UsageError } from '../output';
import { openCommandLibrary, withLibraryOptions, type CommandLibrary, type LibraryCommandOptions } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';
import type { TimelinePhoto } from '../../shared/api';

const PAGE = 1000;

/** Today on this computer's calendar, as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/**
 * Why the day shows nothing: no photo was taken on it, or every one that was is archived
 * (On this day leaves the archive out, as the app's does): then how many, and where they are.
 */
async function noPhotoText(library: CommandLibrary, date: string): Promise<string> {
  // "May 1", as the app says it: "05-01" reads as 5 January in much of the world.
  const day = new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' });
  const archived = (await library.api.timeline({ onThisDay: date, archived: true, limit: 1 })).total;
  if (archived === 0) return `no photo was taken on ${day} in an earlier year`;
  return `no photo from ${day} in an earlier year outside the archive (${archived} archived: shoebox archive list lists the archive, shoebox archive remove PHOTO brings one back)`;
}

export function registerOnThisDay(program: Command): void {
  withLibraryOptions(program.command('on-this-day'))
    .description('photos taken on this day (month and day) in earlier years, newest year first')
    .option('--date <YYYY-MM-DD>', 'another day than today')
    .action(async (opts: LibraryCommandOptions & { date?: string }, cmd: Command) => {
      const date = opts.date ?? today();
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(`--date must be YYYY-MM-DD, got "${date}"`);
      const library = await openCommandLibrary(cmd, opts, 'shoebox on-this-day', false, 'read');
      try {
        const photos: TimelinePhoto[] = [];
        for (let offset = 0; ; offset += PAGE) {
          const page = await library.api.timeline({ onThisDay: date, offset, limit: PAGE }).catch((error: unknown) => {
            throw new UsageError((error as Error).message.replace(/^onThisDay/, '--date'));
          });
          photos.push(...page.photos);
          if (page.photos.length < PAGE) break;
        }
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
        if (photos.length === 0) process.stderr.write(`shoebox: ${await noPhotoText(library, date)}\n`);
      } finally {
        await library.close();
      }
    });
}
