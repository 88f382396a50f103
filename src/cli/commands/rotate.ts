// `shoebox rotate right|left|180|reset PHOTO...`: turns photos as they show in Shoebox, a quarter
// turn at a time, or puts them back as their files show them. The file is never touched; the
// library keeps the rotation by content (core/api/rotations-api.ts, the same the app uses).
import type { Command } from 'commander';
import { EXIT_FAILURE, printJson, printLine, printable, UsageError } from '../output';
import { reportMissingPhotos } from '../missing-photos';
import { allowSignedArgument, refuseOptionLike } from '../signed-arguments';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { countText } from '../../shared/count-text';

const WORDS: Record<string, number | 'reset'> = { right: 1, left: -1, reset: 'reset' };

/** "right", "left", "reset" or clockwise degrees in quarter turns (90, -90, 180, 270) → turns. */
export function parseRotation(how: string): number | 'reset' {
  const word = WORDS[how.trim().toLowerCase()];
  if (word !== undefined) return word;
  const degrees = /^[+-]?\d+$/.test(how.trim()) ? Number(how) : NaN;
  if (Number.isInteger(degrees) && degrees % 90 === 0 && Math.abs(degrees) <= 270 && degrees !== 0) return degrees / 90;
  throw new UsageError(`not a rotation: '${how}' (right, left, 180, reset, or clockwise degrees: 90, -90, 270)`);
}

const DONE: Record<string, string> = { '1': 'a quarter turn right', '-1': 'a quarter turn left', '2': 'upside down', '3': 'three quarter turns right', '-2': 'upside down', '-3': 'three quarter turns left' };

export function registerRotate(program: Command): void {
  // "-90" is the rotation, not an option.
  allowSignedArgument(withLibraryOptions(program.command('rotate')))
    .description('turn photos as Shoebox shows them (every copy of the same photo; the file is not touched), or put them back as their files show them')
    .argument('<how>', 'right, left, 180, reset, or clockwise degrees (90, -90, 270)')
    .argument('<photo...>', 'photos in the library')
    .action(async (how: string, photos: string[], opts: LibraryCommandOptions, cmd: Command) => {
      refuseOptionLike(photos);
      const turns = parseRotation(how); // a rotation that does not parse fails before the library opens
      const library = await openCommandLibrary(cmd, opts, 'shoebox rotate');
      try {
        const { changed, missing, videos, upright } = await library.api.rotateByPath(photos, turns);
        await reportMissingPhotos(library.api, missing);
        for (const p of videos) process.stderr.write(`shoebox: a video is not rotated: ${printable(p)}\n`);
        if (missing.length || videos.length) process.exitCode = EXIT_FAILURE;
        if (opts.json) return printJson({ changed, missing, videos, upright });
        const count = countText(changed.length, 'photo');
        if (turns !== 'reset') printLine(`turned ${count} ${DONE[String(turns)]}`);
        else if (changed.length || !upright.length) printLine(`put ${count} back as ${changed.length === 1 ? 'its file shows it' : 'their files show them'}`);
        if (upright.length) printLine(`${countText(upright.length, 'photo')} ${upright.length === 1 ? 'was' : 'were'} shown as ${upright.length === 1 ? 'its file shows it' : 'their files show them'} already`);
      } finally {
        await library.close();
      }
    });
}
