// The engine's one line for a damaged store file (src/core/store/store-health.ts: "library
// damaged: favourites cannot be read (...); run 'shoebox repair'"): status() says it once the
// library knows, and every read of a damaged table fails with it.
const DAMAGE_LINE = /^library damaged:/;

/** Whether an engine's error is the library's damage (its panel offers the repair). */
export function isDamageLine(message: string | null | undefined): message is string {
  return message != null && DAMAGE_LINE.test(message);
}

/** The first of these errors that says the library is damaged, or null. */
export function damageLineOf(...errors: (string | null | undefined)[]): string | null {
  return errors.find(isDamageLine) ?? null;
}
