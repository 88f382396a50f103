// The core's refusals are written for the command line first (search's "--tag cat: no label
// set has the label "cat" (shoebox labels list)"): the app must not name options or commands.
// One place turns such a line into the app's wording, used by the core where it words a
// reason for the app (albums) and by the renderer for search errors, so both say it alike.

/** `--tag cat: no label set has … (shoebox labels list)` -> `no label set has …`. */
export function appWording(cliText: string): string {
  return cliText
    .replace(/^--[a-z-]+(?: [^:]*)?: /, '')
    .replace(/ \((?:see )?shoebox [^)]*\)$/, '')
    .trim();
}
