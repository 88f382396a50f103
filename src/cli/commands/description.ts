// `shoebox description set|remove|find|import`: a photo's description in the user's own words
// ("Grandma's 80th"), removed, the photos whose description says what was typed, or the captions
// other apps wrote imported as descriptions (and their keywords as tags). The file is never touched; the library keeps it by
// content (core/api/descriptions-api.ts, the same the app uses).
import type { Command } from 'commander';
import type { TimelinePhoto } from '../../shared/api';
import { EXIT_FAILURE, UsageError, printJson, printLine, printable } from '../output';
import { reportMissingPhotos } from '../missing-photos';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { importSummary } from '../../shared/description-import-text';
import { allowSignedArgument, refuseOptionLike } from '../signed-arguments';
import { editDoneLine } from '../edit-done-line';
import { machineUtcOffset } from '../machine-utc-offset';

const PAGE = 1000;

async function setDescription(cmd: Command, opts: LibraryCommandOptions, photos: string[], text: string | null): Promise<void> {
  refuseOptionLike(photos);
  const library = await openCommandLibrary(cmd, opts, `shoebox description ${text === null ? 'remove' : 'set'}`);
  try {
    // `unchanged`: described so already (a removal: had none); the core wrote nothing for them.
    const { changed, unchanged, missing } = await library.api.setDescriptionByPath(photos, text);
    await reportMissingPhotos(library.api, missing);
    if (opts.json) return printJson({ changed, unchanged, missing });
    const line =
      text === null || text.trim() === ''
        ? editDoneLine(changed.length, unchanged.length, (count) => `removed the description of ${count}`, () => 'had no description')
        : editDoneLine(changed.length, unchanged.length, (count) => `described ${count}`, (n) => `${n === 1 ? 'was' : 'were'} described so already`);
    printLine(line);
  } finally {
    await library.close();
  }
}

export function registerDescription(program: Command): void {
  const command = program.command('description').description("a photo's description in your own words (the file is not touched), and the photos it finds");

  // "-5 degrees at dawn" is the text, not an option.
  allowSignedArgument(withLibraryOptions(command.command('set')))
    .description('describe photos (every copy of the same photo), at most 2,000 characters: "Grandma\'s 80th, in the garden"')
    .argument('<text>', 'the description')
    .argument('<photo...>', 'photos in the library')
    .action(async (text: string, photos: string[], opts: LibraryCommandOptions, cmd: Command) => setDescription(cmd, opts, photos, text));

  withLibraryOptions(command.command('remove'))
    .description("remove photos' description")
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => setDescription(cmd, opts, photos, null));

  withLibraryOptions(command.command('import'))
    .description("bring in the captions other apps wrote (Lightroom, digiKam, Photoshop: an XMP sidecar, the photo's XMP or IPTC, a real EXIF ImageDescription) as the descriptions of the photos that have none, and their keywords (XMP dc:subject, IPTC Keywords) as accepted tags of the label set \"keywords\"; never overwrites a description or a tag decision; run again for the photos indexed since (--all: every photo)")
    .option('--all', 'read every photo again, not only those indexed since the last import (a caption or keyword changed in a sidecar alone; a description you removed may come back)')
    .action(async (opts: LibraryCommandOptions & { all?: boolean }, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox description import');
      try {
        const result = await library.api.importDescriptionsNow({ everything: opts.all === true });
        for (const p of result.unreadable) process.stderr.write(`shoebox: cannot be read here: ${printable(p)}\n`);
        if (result.unreadable.length) process.exitCode = EXIT_FAILURE;
        if (opts.json) return printJson(result);
        printLine(importSummary(result));
      } finally {
        await library.close();
      }
    });

  withLibraryOptions(command.command('find'))
    .description('the photos whose description has every word typed (each the start of one of its words; case and accents ignored), newest first')
    // Words typed unquoted (`find gran cake`) are one query, as `search` takes its words.
    .argument('<words...>', 'words to look for: grandma birth finds "Grandma\'s 80th birthday"')
    .action(async (words: string[], opts: LibraryCommandOptions, cmd: Command) => {
      const text = words.join(' ');
      const { QueryError } = await import('../../core/index');
      const library = await openCommandLibrary(cmd, opts, 'shoebox description find', false, 'read');
      try {
        const photos: TimelinePhoto[] = [];
        for (let offset = 0; ; offset += PAGE) {
          // Text with no word in it ("", "!!") is the core's refusal, as the app's: a usage error.
          const page = await library.api.timeline({ described: text, offset, limit: PAGE, utcOffset: machineUtcOffset() }).catch((error: unknown) => {
            throw error instanceof QueryError ? new UsageError(error.message) : error;
          });
          photos.push(...page.photos);
          if (page.photos.length < PAGE || offset + PAGE >= page.total) break;
        }
        if (opts.json) printJson(photos.map((p) => ({ path: p.path, folder: p.folder })));
        else for (const p of photos) printLine(printable(p.path));
        // None found is exit 1 with --json too (stdout then holds `[]`): the exit code never
        // depends on the output format.
        if (photos.length === 0) {
          process.stderr.write(`shoebox: no photo is described as "${printable(text)}"\n`);
          process.exitCode = EXIT_FAILURE;
        }
      } finally {
        await library.close();
      }
    });
}
