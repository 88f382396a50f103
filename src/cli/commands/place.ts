// `shoebox place set|remove|restore|find`: a photo's place set by hand (a camera that recorded
// no position, a scan) or removed (a GPS glitch), each file's own position put back, or the
// towns a name stands for. The
// file is never touched; the library keeps the place by content (core/api/place-edit-api.ts,
// the same the app uses).
import type { Command } from 'commander';
import { positionOutOfRange } from '../../shared/place-name';
import { EXIT_FAILURE, printJson, printLine, printable } from '../output';
import { reportMissingPhotos } from '../missing-photos';
import { allowSignedArgument, refuseOptionLike } from '../signed-arguments';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { countText } from '../../shared/count-text';
import { editDoneLine } from '../edit-done-line';

/** "Florence, Italy (43.76960, 11.25580)"; a position typed is said once, as it is its own label. */
function placeChosenText(choice: { label: string; lat: number; lon: number }): string {
  const at = `${choice.lat.toFixed(5)}, ${choice.lon.toFixed(5)}`;
  return choice.label === at ? at : `${choice.label} (${at})`;
}

/** A town or position to set (`place set`), or 'remove' / 'restore'. */
type PlaceCommand = { set: string } | 'remove' | 'restore';

async function setPlace(cmd: Command, opts: LibraryCommandOptions, photos: string[], how: PlaceCommand): Promise<void> {
  refuseOptionLike(photos);
  const library = await openCommandLibrary(cmd, opts, `shoebox place ${typeof how === 'string' ? how : 'set'}`);
  try {
    // A name that is no town fails before anything is written.
    const choice = typeof how === 'string' ? null : library.api.choosePlace(how.set);
    // `unchanged`: so already (a restore: showing the file's own place; a removal: none); the
    // core decides and wrote nothing for them, and they are said apart, not counted as done.
    const { changed, unchanged, missing } = await library.api.setPlaceByPath(photos, choice ? { lat: choice.lat, lon: choice.lon } : how === 'remove' ? 'none' : null);
    // A path the library does not hold is reported and the rest still changed (exit 1).
    await reportMissingPhotos(library.api, missing);
    if (opts.json) return printJson({ changed, unchanged, missing, ...(choice ? { place: choice } : {}) });
    if (choice) return printLine(`set the place of ${countText(changed.length, 'photo')} to ${placeChosenText(choice)}`);
    printLine(
      how === 'remove'
        ? editDoneLine(changed.length, unchanged.length, (count) => `removed the place of ${count} (the files keep theirs)`, () => 'had no place')
        : editDoneLine(changed.length, unchanged.length, (count) => `restored the file's own place on ${count}`, (n) => (n === 1 ? "has its file's own place already" : "have their files' own places already")),
    );
  } finally {
    await library.close();
  }
}

export function registerPlace(program: Command): void {
  const command = program.command('place').description("a photo's place, set or removed by hand (the file is not touched) or put back to the file's own GPS position");

  // A southern latitude ("-33.87,151.21") is the place, not an option.
  allowSignedArgument(withLibraryOptions(command.command('set')))
    .description('set the place of photos (every copy of the same photo): a town ("Florence", "Florence, Italy", "Florence, IT": the most populous of that name) or a position "43.7696,11.2558"')
    .argument('<place>', 'a town, "town, country", or "latitude,longitude"')
    .argument('<photo...>', 'photos in the library')
    .action(async (place: string, photos: string[], opts: LibraryCommandOptions, cmd: Command) => setPlace(cmd, opts, photos, { set: place }));

  withLibraryOptions(command.command('remove'))
    .description("show photos without a place, whatever their files' GPS says (every copy of the same photo; `restore` undoes it)")
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => setPlace(cmd, opts, photos, 'remove'));

  withLibraryOptions(command.command('restore'))
    .description("put each photo's own position (from its file, or none) back")
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => setPlace(cmd, opts, photos, 'restore'));

  allowSignedArgument(withLibraryOptions(command.command('find')))
    .description('the towns a name stands for, as the app suggests them while typing (`place set` takes a town of exactly that name first)')
    .argument('<query>', 'a town, "town, country", or "latitude,longitude"')
    .action(async (query: string, opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, 'shoebox place find', false, 'read');
      try {
        const choices = await library.api.findPlaces(query);
        if (opts.json) printJson(choices);
        else for (const c of choices) printLine(`${c.label}\t${c.lat.toFixed(5)}, ${c.lon.toFixed(5)}`);
        // None found is exit 1 with --json too (`[]`), as `description find`.
        if (choices.length === 0) {
          process.stderr.write(`shoebox: ${positionOutOfRange(query) ?? `no town called "${printable(query)}"`}\n`);
          process.exitCode = EXIT_FAILURE;
        }
      } finally {
        await library.close();
      }
    });
}
