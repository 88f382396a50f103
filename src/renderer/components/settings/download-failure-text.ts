import { keptResumeText, type KeptDownload } from './kept-download';

// The core's download errors end with the command line's advice, or with a verification
// failure's clause (src/core/models/download.ts); JobState carries the sentence only.
/** "…; install again to resume": the terminal's way. In the app Try again is the way, said after. */
const TERMINAL_RESUME_ADVICE = /;\s*install again to resume\s*$/;
/** A file whose bytes failed verification was deleted: Try again fetches that file from its start. */
const BAD_COPY_DELETED = /the bad copy was deleted\.?\s*$/;

/**
 * A failed download's line under its model: the core's sentence, ended with a full stop and
 * without the terminal's "install again to resume", then what Try again does: resumes from
 * the bytes kept, or (the bad copy deleted) downloads that file again. Never the two sentences
 * run together.
 */
export function downloadFailureText(error: string | null, kept: KeptDownload | null): string {
  const core = (error ?? 'unknown error').trim();
  const said = core.replace(TERMINAL_RESUME_ADVICE, '').replace(/[\s;,:]+$/, '');
  const sentence = /[.!?]$/.test(said) ? said : `${said}.`;
  const next = BAD_COPY_DELETED.test(core) ? 'Try again downloads it again.' : kept ? keptResumeText(kept) : null;
  return `Download failed: ${sentence}${next ? ` ${next}` : ''}`;
}
