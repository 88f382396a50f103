// Why this device only searches and views the library, worded for the page from what the
// engine decided (status().writer: who writes, and why this device does not), and which
// failed calls were refused for that reason (by the error's name). Never read back out of the
// engine's message text: its wording is for people, and a lost connection, say, is worded by
// the S3 client, not as "library busy".
import type { LibraryStatus } from '../../shared/api';

export type WriterNote = NonNullable<LibraryStatus['writer']>;

/** Without a note (an engine that does not say why): another process writes, unnamed. */
const UNKNOWN: WriterNote = { holder: null, reason: 'busy' };

/** Who writes the library, for a sentence: the process the engine named, or nobody in particular. */
export function writerName(writer: WriterNote | null | undefined): string {
  return writer?.holder ?? 'another device or program';
}

/** The banner's first sentence: what keeps this device from writing. */
export function writerElsewhereTitle(writer: WriterNote | null | undefined): string {
  const note = writer ?? UNKNOWN;
  if (note.reason === 'connection') return 'Search and view only: the connection to this library was lost.';
  if (note.reason === 'lease-lost') return "Search and view only: this device's turn to write to this library lapsed, and another device may be writing to it now.";
  return `Search and view only: ${writerName(note)} is writing to this library.`;
}

/** The rest of the banner: what works, that changes wait, and that nothing needs doing. */
export function writerElsewhereDetail(writer: WriterNote | null | undefined): string {
  const changes = 'Changes (favourites, tags, albums, new folders…) wait';
  const note = writer ?? UNKNOWN;
  // Either way this device takes the library back by itself (its watcher tries every 10 s,
  // and each change asks for the writer lock), so the note says so instead of offering a button.
  if (note.reason === 'connection') return `What was saved is kept, and the photos already shown can still be looked through. ${changes}: this device tries again by itself, and this note goes once it can write again, without a restart.`;
  if (note.reason === 'lease-lost') return `Searching and looking through the photos work as usual. ${changes} until this device can write again: it tries by itself, and this note then goes without a restart.`;
  return `Searching and looking through the photos work as usual. ${changes} until it is done or quiet for a moment; this note then goes by itself, without a restart.`;
}

/** The engine's errors for a change refused because this device may not write now (another
 *  process writes, its turn lapsed, or the library stopped answering): stale once it writes again. */
const REFUSALS: ReadonlySet<string> = new Set(['LibraryBusyError', 'LeaseLostError', 'LibraryUnreachableError']);

/** Whether a failed call was refused because this device may not write (by the error's name). */
export function isWriterRefusal(error: { name?: string }): boolean {
  return error.name !== undefined && REFUSALS.has(error.name);
}
