// A path as one POSIX shell word, for a command a message suggests the user paste: left bare
// when it needs no quoting, else single-quoted (a ' inside closed, escaped and reopened). A
// path with control or text-direction characters (a tab, a newline) is written $'…' with
// escapes (bash, zsh, ksh): pasted, it names that same path, and the message stays one line.
// Each such character is escaped as its UTF-8 bytes (\xHH): \u needs bash 4.2 and a UTF-8
// locale (macOS's bash 3.2 has none), and a lone \x85 would be one byte, not U+0085.

/** Control characters and text-direction overrides: never sent raw to a terminal (the CLI's
 *  `printable` escapes them too). */
// eslint-disable-next-line no-control-regex
export const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export function shellWord(p: string): string {
  if (/^[\w@%+=:,./-]+$/.test(p)) return p;
  if (!UNSAFE.test(p)) return `'${p.replaceAll("'", `'\\''`)}'`;
  return `$'${[...p].map(escaped).join('')}'`;
}

function escaped(c: string): string {
  if (c === '\\' || c === "'") return `\\${c}`;
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  if (!UNSAFE.test(c)) return c;
  return [...Buffer.from(c, 'utf8')].map((byte) => `\\x${byte.toString(16).padStart(2, '0')}`).join('');
}
