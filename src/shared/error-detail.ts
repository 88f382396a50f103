// What an engine refusal is, told by a code rather than by its message, for the front ends that
// word it their own way (the app: shared/app-wording.ts). The core's QueryError carries it
// (core/search/query-error.ts); the RPC carries it across as plain JSON (shared/rpc.ts, and over
// Electron's IPC shared/ipc-error-detail.ts), so the page decides by the code, never by parsing
// the command line's sentence.

/**
 * A refusal a front end words itself. 'unknown-tag': the core's QueryErrorDetail; 'no-model':
 * no model on this device at all, none chosen and none named (core/library/model-choice.ts
 * NoModelError), which the app's banner offers one for.
 */
export type ErrorDetail = { code: 'unknown-tag'; /** The label as asked for. */ label: string } | { code: 'no-model' };

/** Labels are short; anything longer did not come from the core and is not carried. */
const MAX_LABEL_CHARS = 1000;

/**
 * The detail in `value` when it is one this side knows, rebuilt field by field (nothing else an
 * object holds travels: no stack, no prototype); undefined for anything else. Used on both
 * sides: what is sent, and what is received from a peer that may be a script.
 */
export function errorDetailOf(value: unknown): ErrorDetail | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { code, label } = value as { code?: unknown; label?: unknown };
  if (code === 'unknown-tag' && typeof label === 'string' && label.length > 0 && label.length <= MAX_LABEL_CHARS) return { code, label };
  if (code === 'no-model') return { code };
  return undefined;
}

/** The detail an error carries (the core's QueryError, or one rebuilt from the RPC), if any. */
export function detailOfError(error: unknown): ErrorDetail | undefined {
  return typeof error === 'object' && error !== null ? errorDetailOf((error as { detail?: unknown }).detail) : undefined;
}
