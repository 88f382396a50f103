// `shoebox settings`: the library's own settings (they travel with the library, every
// device honours them). One so far: text-in-photos, off by default because reading a
// photo's text costs about as much CPU as embedding it (the core says how much: measured on
// this device, or the bench's estimate).
import type { Command } from 'commander';
import { printJson, printLine, UsageError } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { textInPhotosLine } from '../text-in-photos-line';

function onOff(value: string): boolean {
  if (/^(on|true|yes|1)$/i.test(value)) return true;
  if (/^(off|false|no|0)$/i.test(value)) return false;
  throw new UsageError(`text-in-photos must be on or off, got "${value}"`);
}

export function registerSettings(program: Command): void {
  withLibraryOptions(program.command('settings'))
    .description('show or change the library\'s settings: text-in-photos on|off (read the text in photos, for search --text)')
    .argument('[name]', 'the setting: text-in-photos')
    .argument('[value]', 'on or off')
    .action(async (name: string | undefined, value: string | undefined, opts: LibraryCommandOptions, cmd: Command) => {
      if (name !== undefined && name !== 'text-in-photos') throw new UsageError(`unknown setting "${name}": the library has text-in-photos`);
      const on = value === undefined ? undefined : onOff(value);
      const library = await openCommandLibrary(cmd, opts, 'shoebox settings', false, 'read');
      try {
        const state = on === undefined ? await library.api.textInPhotos() : await library.api.saveTextInPhotos(on);
        if (opts.json) return printJson({ textInPhotos: state });
        printLine(textInPhotosLine(state));
      } finally {
        await library.close();
      }
    });
}
