// `shoebox favourites`: mark photos as favourites, unmark them, list them. Favourites are the
// library's (every device of a shared library sees them) and follow a photo's content through
// renames; the policy is the core's (core/api/favourites-api.ts), the same the app uses.
import type { Command } from 'commander';
import { EXIT_FAILURE, printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';

async function mark(cmd: Command, opts: LibraryCommandOptions, photos: string[], favourite: boolean): Promise<void> {
  const verb = favourite ? 'add' : 'remove';
  const library = await openCommandLibrary(cmd, opts, `shoebox favourites ${verb}`);
  try {
    const { marked, missing } = await library.api.markFavourites(photos, favourite);
    // A path the library does not hold is reported and the rest still marked (exit 1).
    for (const p of missing) process.stderr.write(`shoebox: not in the library: ${printable(p)}\n`);
    if (missing.length) process.exitCode = EXIT_FAILURE;
    if (opts.json) return printJson({ [favourite ? 'added' : 'removed']: marked, missing });
    printLine(`${favourite ? 'marked' : 'unmarked'} ${marked.length} photo${marked.length === 1 ? '' : 's'}`);
  } finally {
    await library.close();
  }
}

export function registerFavourites(program: Command): void {
  const favourites = program.command('favourites').description('your favourite photos: mark, unmark and list them (the app shows them with a heart)');

  withLibraryOptions(favourites.command('add'))
    .description('mark photos as favourites (every copy of the same photo is one favourite)')
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => mark(cmd, opts, photos, true));

  withLibraryOptions(favourites.command('remove'))
    .description('unmark photos (the files are not touched)')
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => mark(cmd, opts, photos, false));

  withLibraryOptions(favourites.command('list'))
    .description('every favourite photo, by path (search --favourites searches among them)')
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox favourites list', false, 'read');
      try {
        const photos = await library.api.favouritePhotos();
        if (opts.json) return printJson(photos.map((p) => ({ path: p.path, folder: p.folder, takenAt: p.takenAt === null ? null : takenAtIso(p.takenAt, p.takenOffset) })));
        for (const p of photos) printLine(printable(p.path));
      } finally {
        await library.close();
      }
    });
}
