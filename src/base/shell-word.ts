// A path as one POSIX shell word, for a command a message suggests the user paste: left bare
// when it needs no quoting, else single-quoted (a ' inside closed, escaped and reopened). A
// path with control or text-direction characters (a tab, a newline) is written $'…' with
// escapes (bash, zsh, ksh): pasted, it names that same path, and the message stays one line.

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

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
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
