import { keptResumeText, type KeptDownload } from './kept-download';

// The core's download errors end with the command line's advice (src/core/models/download.ts).
// What Try again does is told by the failure's code (JobState.errorCode, the core's ModelError
// code), never by the sentence's words.
/** "…; install again to resume": the terminal's way. In the app Try again is the way, said after.
 *  Only dropped from the words shown: worded otherwise, the advice stays, and nothing is decided by it. */
const TERMINAL_RESUME_ADVICE = /;\s*install again to resume\s*$/;
/** A file whose bytes failed verification ('verify'): its bad copy was deleted, so Try again fetches that file from its start. */
const BAD_COPY_DELETED = 'verify';

/**
 * A failed download's line under its model: the core's sentence, ended with a full stop and
 * without the terminal's "install again to resume", then what Try again does: resumes from
 * the bytes kept, or (the bad copy deleted) downloads that file again. Never the two sentences
 * run together. `code`: the failure's code (JobState.errorCode).
 */
export function downloadFailureText(error: string | null, kept: KeptDownload | null, code?: string): string {
  const core = (error ?? 'unknown error').trim();
  const said = core.replace(TERMINAL_RESUME_ADVICE, '').replace(/[\s;,:]+$/, '');
  const sentence = /[.!?]$/.test(said) ? said : `${said}.`;
  const next = code === BAD_COPY_DELETED ? 'Try again downloads it again.' : kept ? keptResumeText(kept) : null;
  return `Download failed: ${sentence}${next ? ` ${next}` : ''}`;
}
