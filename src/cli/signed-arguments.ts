// Commands whose first argument may start with "-" (a shift such as "-2h", a southern latitude
// such as "-33.87,151.21") let commander pass what it does not know as arguments; a photo
// argument that looks like an option is then a mistyped one ("--libary"), refused before the
// wrong library is opened or anything is written.
import type { Command } from 'commander';
import { UsageError } from './output';

/** Lets the command's first argument start with "-" (commander reads it as an option otherwise). */
export function allowSignedArgument(command: Command): Command {
  return command.allowUnknownOption();
}

/** Refuses photo arguments that look like options: a mistyped option, not a photo. */
export function refuseOptionLike(photos: readonly string[]): void {
  const option = photos.find((p) => p.startsWith('-'));
  if (option !== undefined) throw new UsageError(`unknown option '${option}' (a photo whose name starts with '-' can be given as ./${option})`);
}
