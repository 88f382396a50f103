// The one error a library location gives: a bad URI, no credentials, a bucket that cannot be
// reached. Its message is one line, safe to print: it never holds a secret.
export class LibraryLocationError extends Error {
  override name = 'LibraryLocationError';
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
