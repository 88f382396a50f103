// What the engine says has gone wrong, kept for the page to show until dismissed: its
// error-level 'log' events (the app's engine process stopped and was restarted, or could not
// start again; following the folders failed). Such a failure also ends what was under way (a
// crash takes a running index job with it), so the user must be told, not the console only.
// Info and warnings stay in the log: the page shows their effects elsewhere.
import type { LibraryEvent } from '../../shared/api';

/** The newest few lines are kept: a burst of the same failure must not fill the screen. */
export const MAX_ENGINE_NOTICES = 3;

/** `lines` with `event`'s line added when it is an error (a repeat moves to the end); else `lines` itself. */
export function withEngineNotice(lines: readonly string[], event: LibraryEvent): readonly string[] {
  if (event.type !== 'log' || event.level !== 'error') return lines;
  return [...lines.filter((line) => line !== event.message), event.message].slice(-MAX_ENGINE_NOTICES);
}
