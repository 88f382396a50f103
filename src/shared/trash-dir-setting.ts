// SHOEBOX_TRASH_DIR: a trash folder of the user's choosing (freedesktop layout) for "Move to
// trash" and `dupes --trash`, instead of the OS trash. Every front end that opens a library
// (the CLI's commands, `shoebox serve`, the desktop app's engine) reads it here and hands it
// to createLibraryApi, so one setting sends the same button's files to one place everywhere.
// Pure: the caller passes its environment (process.env where it starts).

/** The `trashDir` option for createLibraryApi from an environment; {} (the OS trash) when unset or empty. */
export function trashDirSetting(env: Readonly<Record<string, string | undefined>>): { trashDir?: string } {
  const dir = env['SHOEBOX_TRASH_DIR'];
  return dir ? { trashDir: dir } : {};
}
