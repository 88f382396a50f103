// The `add`, `remove` and `list` subcommands of the marks a user puts on photos by hand and the
// library keeps by content (`shoebox favourites`, `shoebox archive`): the policy is the core's
// (core/api/content-marks.ts), the same the app uses.
import type { Command } from 'commander';
import { printJson, printLine, printable } from '../output';
import { reportMissingPhotos } from '../missing-photos';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions, type CommandLibrary } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';
import type { PhotoListing } from '../../core';
import { countText, itemsText } from '../../shared/count-text';

export interface MarkCommandSpec {
  /** The command's name: `shoebox <name> add|remove|list`. */
  name: string;
  description: string;
  /** `done`: "marked"; `already(n)`: what n photos asked for already were, "were favourites already". */
  add: { description: string; done: string; already: (n: number) => string };
  /** `already(n)`: "were not favourites". */
  remove: { description: string; done: string; already: (n: number) => string };
  listDescription: string;
  /** What `list` says on stderr when it lists nothing, with how to mark a photo: an empty
   *  stdout alone read as a command that did nothing (on-this-day and places say theirs). */
  listEmpty: string;
  /** `changed`: of `marked`, the paths this call changed (the others were so already);
   *  `copies`: the library's other paths of their content, not asked for, changed with them;
   *  `changedVideos` / `unchangedVideos`: how many of those are videos (said as videos). */
  mark(library: CommandLibrary, paths: string[], on: boolean): Promise<{ marked: string[]; missing: string[]; changed: string[]; copies: string[]; changedVideos: number; unchangedVideos: number }>;
  list(library: CommandLibrary): Promise<PhotoListing[]>;
}

async function mark(spec: MarkCommandSpec, cmd: Command, opts: LibraryCommandOptions, photos: string[], on: boolean): Promise<void> {
  const verb = on ? 'add' : 'remove';
  const library = await openCommandLibrary(cmd, opts, `shoebox ${spec.name} ${verb}`);
  try {
    const { marked, missing, changed, copies, changedVideos, unchangedVideos } = await spec.mark(library, photos, on);
    // A photo that was so already (a favourite marked again) is said, never counted as done.
    const changedSet = new Set(changed);
    const unchanged = marked.filter((p) => !changedSet.has(p));
    // A path the library does not hold (a folder said as one) is reported and the rest still marked (exit 1).
    await reportMissingPhotos(library.api, missing);
    if (opts.json) return printJson({ [on ? 'added' : 'removed']: changed, unchanged, missing, copies });
    const how = on ? spec.add : spec.remove;
    // The mark is the content's: the copies of a photo not asked for changed with it, and are
    // said, so "archived 2 photos" does not hide a third that left the timeline.
    const notes = [
      ...(copies.length ? [`and ${countText(copies.length, 'copy', 'copies')} of ${changed.length === 1 ? 'it' : 'them'}`] : []),
      ...(unchanged.length ? [`${unchanged.length} ${how.already(unchanged.length)}`] : []),
    ];
    // "marked 1 photo (1 was a favourite already)", "archived 2 photos (and 1 copy of them)";
    // none changed: "1 photo was not a favourite". Videos are said as videos, as status counts
    // them: "archived 1 video", "archived 2 photos, 1 video".
    if (changed.length === 0 && unchanged.length > 0) printLine(`${itemsText(unchanged.length, unchangedVideos)} ${how.already(unchanged.length)}`);
    else printLine(`${how.done} ${itemsText(changed.length, changedVideos)}${notes.length ? ` (${notes.join('; ')})` : ''}`);
  } finally {
    await library.close();
  }
}

export function registerMarkCommand(program: Command, spec: MarkCommandSpec): void {
  const command = program.command(spec.name).description(spec.description);

  withLibraryOptions(command.command('add'))
    .description(spec.add.description)
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => mark(spec, cmd, opts, photos, true));

  withLibraryOptions(command.command('remove'))
    .description(spec.remove.description)
    .argument('<photo...>', 'photos in the library')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => mark(spec, cmd, opts, photos, false));

  withLibraryOptions(command.command('list'))
    .description(spec.listDescription)
    .action(async (opts: LibraryCommandOptions, cmd: Command) => {
      const library = await openCommandLibrary(cmd, opts, `shoebox ${spec.name} list`, false, 'read');
      try {
        const photos = await spec.list(library);
        // Said with --json too (its stdout stays `[]`), as on-this-day says an empty day.
        if (photos.length === 0) process.stderr.write(`shoebox: ${spec.listEmpty}\n`);
        if (opts.json) return printJson(photos.map((p) => ({ path: p.path, folder: p.folder, takenAt: p.takenAt === null ? null : takenAtIso(p.takenAt, p.takenOffset) })));
        for (const p of photos) printLine(printable(p.path));
      } finally {
        await library.close();
      }
    });
}
