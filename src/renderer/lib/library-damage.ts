// The engine's error for a damaged store file (core/store/store-health.ts LibraryDamagedError:
// "library damaged: favourites cannot be read (...); run 'shoebox repair'"): status() says it
// once the library knows, and every read of a damaged table fails with it. A read's error is
// told by its name, which the RPC and Electron's IPC keep (shared/rpc.ts, client/ipc-errors.ts),
// never by the line's words.
const DAMAGE = 'LibraryDamagedError';

/** Whether an engine's error is the library's damage (its panel offers the repair). */
export function isDamage(error: unknown): error is Error {
  return error instanceof Error && error.name === DAMAGE;
}

/** The line of the first of these errors that is the library's damage, or null. */
export function damageLineOf(...errors: unknown[]): string | null {
  return errors.find(isDamage)?.message ?? null;
}
