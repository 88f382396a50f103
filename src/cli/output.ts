// How every command talks to scripts and people (rclip/Czkawka style): with --json exactly
// one JSON document on stdout; errors as one line on stderr; exit 0 ok, 1 failure, 2 usage.
import { statusLine } from '../base/status-line';

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

export function errorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return `shoebox: ${printable(withoutUriSecrets(message.split('\n').map((s) => s.trim()).filter(Boolean).join(' ')))}`;
}

/**
 * `text` with whatever follows a `?` or `#` in a URI (`s3://bucket/lib?X-Amz-Signature=…`,
 * `https://host/#token`) cut to `…`: a key pasted there is never repeated, whichever message
 * (ours, commander's, a library's) quoted the URI.
 */
export function withoutUriSecrets(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/[^\s?#'"]*)[?#][^\s'"]*/gi, '$1…');
}

/**
 * Text for a terminal: control characters (a file may be named with an escape sequence or a
 * newline) and bidirectional overrides are shown escaped, `\x1b`, `\n`, `\u202e`, never sent
 * raw. JSON output is exact and needs none of this.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
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
