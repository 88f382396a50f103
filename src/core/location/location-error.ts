// The one error a library location gives: a bad URI, no credentials, a bucket that cannot be
// reached. Its message is one line, safe to print: it never holds a secret.
/**
 * What a location's refusal is, for a front end that adds its own advice to it (the CLI's note
 * on the desktop app's saved library: cli/saved-library-note.ts), told by this code, never by
 * the message's words: 'no-keys', none found; 'half-keys', one of the key pair's variables is
 * set without the other; 'keys-refused', the server refused the keys given; 'unreachable', the
 * server did not answer (its line says "cannot reach" or, reached before in this run, "lost the
 * connection"): a watcher or a background sync waits for it (store/lost-connection.ts).
 */
export type LibraryLocationCode = 'no-keys' | 'half-keys' | 'keys-refused' | 'unreachable';

export class LibraryLocationError extends Error {
  override name = 'LibraryLocationError';
  constructor(
    message: string,
    /** Set for the refusals a front end tells apart (above); absent for every other. */
    readonly code?: LibraryLocationCode,
  ) {
    super(message);
  }
}

/** `text` with every secret replaced by "***" (an SDK's message may echo what it was given). */
export function withoutSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text;
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join('***');
  return out;
}

/** `error` with every secret scrubbed from its message and stack, in place (the same error,
 *  its class kept): LanceDB's object-store errors can name the request they signed. */
export function errorWithoutSecrets(error: unknown, secrets: readonly (string | undefined)[]): unknown {
  if (!(error instanceof Error) || !secrets.some(Boolean)) return error;
  error.message = withoutSecrets(error.message, secrets);
  if (error.stack) error.stack = withoutSecrets(error.stack, secrets);
  return error;
}

/** Whether `error` is the one line of a library whose S3 server stopped answering mid-run
 *  (s3-client.ts lostConnectionLine: from the store, the library's files or the writer lease):
 *  a caller whose run fails with it anyway need not say it a second time. */
export function isLostConnection(error: unknown): boolean {
  const message = (error as Error | undefined)?.message;
  return typeof message === 'string' && message.startsWith('lost the connection to ');
}
