// A terminal command a page shows (`shoebox models install ID`), made to act on the data
// folder the app or `shoebox serve` uses. `shoebox` started from another terminal takes its
// own default (or SHOEBOX_HOME): a page served with --home showed commands that installed the
// model into another folder, and "Check again" still found none. The engine's info() names the
// folder; it is passed as `--home`, one POSIX shell word, so that the line pastes as is.

export function servedHomeCommand(command: string, home: string | null | undefined): string {
  if (!home || !command.startsWith('shoebox ')) return command;
  return `shoebox --home ${shellQuoted(home)} ${command.slice('shoebox '.length)}`;
}

/** Bare when it needs no quoting, else single-quoted (a ' inside closed, escaped, reopened),
 *  as src/base/shell-word.ts quotes paths for the CLI's messages (Node only, not for a page). */
function shellQuoted(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replaceAll("'", `'\\''`)}'`;
}
