// How every command talks to scripts and people (rclip/Czkawka style): with --json exactly
// one JSON document on stdout; errors as one line on stderr; exit 0 ok, 1 failure, 2 usage.
import path from 'node:path';
import { statusLine } from '../base/status-line';
import { UNSAFE } from '../base/shell-word';

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** An error the user caused by how they called us (exit 2). */
export class UsageError extends Error {
  override name = 'UsageError';
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function printLine(line: string): void {
  process.stdout.write(`${line}\n`);
}

/**
 * The one stderr line for an error: `shoebox: ` and the message on one line, control
 * characters escaped. A newline the message itself holds separates it from a cause on the
 * next line (commander's "(Did you mean search?)", a library's detail): the lines are joined
 * with a space. A newline inside something the user typed (`typed`: the command line's
 * arguments; a path, an album name) is part of it and shown escaped, `\n`, as in any other
 * output, also where the message names it as an absolute path.
 */
export function errorLine(err: unknown, typed: readonly string[] = []): string {
  const message = err instanceof Error ? err.message : String(err);
  // Newlines in what was typed become a mark no argument or message holds, then come back.
  const mark = unusedCharacter(message);
  let marked = message;
  for (const text of typedTexts(typed)) marked = marked.split(text).join(text.replaceAll('\n', mark));
  const oneLine = marked
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ')
    .replaceAll(mark, '\n');
  return `shoebox: ${printable(withoutUriSecrets(oneLine))}`;
}

/**
 * The texts typed on the command line that hold a newline, as a message may quote them: each
 * argument, an option's value (`--to=DIR`), and the absolute path a relative one stands for;
 * longest first, so a path is marked whole before a part of it.
 */
function typedTexts(typed: readonly string[]): string[] {
  const texts = new Set<string>();
  for (const arg of typed) {
    const value = /^--[^=\s]+=/.exec(arg) ? arg.slice(arg.indexOf('=') + 1) : arg;
    for (const text of [arg, value, path.resolve(value)]) if (text.includes('\n')) texts.add(text);
  }
  return [...texts].sort((a, b) => b.length - a.length);
}

/** A character `text` does not hold: NUL (never in an argument or a path), else a private-use one. */
function unusedCharacter(text: string): string {
  for (let code = 0xe000; ; code++) {
    const c = code === 0xe000 ? '\u0000' : String.fromCharCode(code);
    if (!text.includes(c)) return c;
  }
}

/**
 * `text` with what may hold a secret in a URI cut out: whatever follows a `?` or `#`
 * (`s3://bucket/lib?X-Amz-Signature=…`, `https://host/#token`) cut to `…`, and a user name
 * and password before the host (`http://user:secret@host/`) left out (`http://…@host/`): a
 * key pasted there is never repeated, whichever message (ours, commander's, a library's)
 * quoted the URI.
 */
export function withoutUriSecrets(text: string): string {
  return text
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#'"]*@/gi, '$1…@')
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s?#'"]*)[?#][^\s'"]*/gi, '$1…');
}

/**
 * Text for a terminal: control characters (a file may be named with an escape sequence or a
 * newline) and bidirectional overrides are shown escaped, `\x1b`, `\n`, `\u202e`, never sent
 * raw. JSON output is exact and needs none of this.
 */
const UNPRINTABLE = new RegExp(UNSAFE.source, 'g');

export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    if (c === '\n') return '\\n';
    if (c === '\r') return '\\r';
    if (c === '\t') return '\\t';
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** Embeddings as plain arrays, with float32 precision kept short enough to stay readable. */
export function vectorToJson(v: Float32Array): number[] {
  return Array.from(v, (x) => Math.fround(x));
}

/** A one-line progress display on stderr, only when a person is watching. */
export function progressLine(enabled: boolean): { update(done: number, total: number): void; end(): void } {
  const line = statusLine({ enabled });
  const start = Date.now();
  return {
    update(done, total) {
      const rate = done / Math.max(1e-3, (Date.now() - start) / 1000);
      line.show(`${done}/${total} photos  ${rate.toFixed(1)}/s`, done >= total);
    },
    end: () => line.end(),
  };
}
