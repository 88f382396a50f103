// `shoebox date set|shift|restore`: a photo's date taken set by hand (a scan, a camera with a
// wrong clock, a photo sent without its EXIF), moved by an offset (a camera an hour or a day
// off), or each file's own date put back. The file is never
// touched; the library keeps the date by content (core/api/taken-at-api.ts, the same the app uses).
import type { Command } from 'commander';
import { parseTakenAt, parseTakenShift, shiftText } from '../../shared/taken-at';
import { EXIT_FAILURE, UsageError, printJson, printLine, printable } from '../output';
import { allowSignedArgument, refuseOptionLike } from '../signed-arguments';
import { reportMissingPhotos } from '../missing-photos';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { countText } from '../../shared/count-text';
import { editDoneLine } from '../edit-done-line';

/** `parse(text)`; what it refuses is a usage error (exit 2), said before the library opens. */
function asUsage<T>(parse: (text: string) => T, text: string): T {
  try {
    return parse(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function setDate(cmd: Command, opts: LibraryCommandOptions, photos: string[], takenAt: string | null): Promise<void> {
  if (takenAt !== null) asUsage(parseTakenAt, takenAt); // 2024-02-30, "yesterday": refused before the library opens
  const library = await openCommandLibrary(cmd, opts, `shoebox date ${takenAt === null ? 'restore' : 'set'}`);
  try {
    // Typed without an offset, each photo keeps its own; a photo showing that date already is
    // `unchanged` (nothing written: the file's own date is no edit).
    const { changed, unchanged, missing } = await library.api.setTakenAtByPath(photos, takenAt);
    // A path the library does not hold (a folder said as one) is reported and the rest still changed (exit 1).
    await reportMissingPhotos(library.api, missing);
    if (opts.json) return printJson({ changed, unchanged, missing });
    const count = countText(changed.length, 'photo');
    const already = unchanged.length ? ` (${countText(unchanged.length, 'photo')} already ${unchanged.length === 1 ? 'was' : 'were'})` : '';
    if (takenAt !== null) return printLine(`set the date taken of ${count} to ${takenAt}${already}`);
    // A photo showing its file's own date already is said apart, never counted as restored.
    printLine(editDoneLine(changed.length, unchanged.length, (n) => `restored the file's own date on ${n}`, (n) => (n === 1 ? "has its file's own date already" : "have their files' own dates already")));
  } finally {
    await library.close();
  }
}

async function shiftDate(cmd: Command, opts: LibraryCommandOptions, shift: string, photos: string[]): Promise<void> {
  refuseOptionLike(photos);
  const seconds = asUsage(parseTakenShift, shift); // a shift that does not parse is refused before the library opens
  const library = await openCommandLibrary(cmd, opts, 'shoebox date shift');
  try {
    const { changed, missing, undated } = await library.api.shiftTakenAtByPath(photos, seconds);
    await reportMissingPhotos(library.api, missing);
    for (const p of undated) process.stderr.write(`shoebox: no date taken to shift (set one with 'shoebox date set'): ${printable(p)}\n`);
    if (missing.length || undated.length) process.exitCode = EXIT_FAILURE;
    if (opts.json) return printJson({ changed, missing, undated, seconds });
    printLine(`shifted the date taken of ${countText(changed.length, 'photo')} by ${shiftText(seconds)}`);
  } finally {
    await library.close();
  }
}

export function registerDate(program: Command): void {
  const command = program.command('date').description("a photo's date taken, set by hand (the file is not touched) or put back to the file's own");

  withLibraryOptions(command.command('set'))
    .description("set the date taken of photos (every copy of the same photo): 2024-03-07T18:05, seconds optional; each keeps its time zone unless an offset such as +02:00 is given")
    .argument('<date>', 'the date and time taken, as the camera would show it')
    .argument('<photo...>', 'photos in the library')
    .action(async (date: string, photos: string[], opts: LibraryCommandOptions, cmd: Command) => setDate(cmd, opts, photos, date));

  allowSignedArgument(withLibraryOptions(command.command('shift')))
    .description('move the date taken of photos by the same amount, each keeping its time zone: +1h, -2d, +1d2h30m (a camera whose clock was off)')
    .argument('<shift>', 'a sign, then days (d), hours (h), minutes (m) or seconds (s)')
    .argument('<photo...>', 'photos in the library')
    .action(async (shift: string, photos: string[], opts: LibraryCommandOptions, cmd: Command) => shiftDate(cmd, opts, shift, photos));

  withLibraryOptions(command.command('restore'))
    .description("put each photo's own date (from its file) back")
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => setDate(cmd, opts, photos, null));
}
