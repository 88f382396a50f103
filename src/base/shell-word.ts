// A path as one POSIX shell word, for a command a message suggests the user paste: left bare
// when it needs no quoting, else single-quoted (a ' inside closed, escaped and reopened).

export function shellWord(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`;
}
