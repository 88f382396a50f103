// What an empty grid says, by view: why nothing is there, and how something gets there.
import type { FolderInfo, JobState } from '../../shared/api';
import type { SearchEmpty } from '../../shared/search-empty';
import { noPhotoOnThisDayText } from '../../shared/on-this-day-text';
import { todayIso } from '../../shared/today';
import { EMPTY_ARCHIVE_TEXT } from './archive';
import { formatCount, pathInFolder } from './format';
import { writerName, type WriterNote } from './writer-elsewhere';
import type { View } from './view';

/** What the library's folders are doing: an empty folder being indexed is not an empty folder. */
export interface IndexingState {
  folders: readonly FolderInfo[];
  jobs: readonly JobState[];
  /** The watcher is catching up. */
  syncing: boolean;
  /** Photos in the Archive (out of every timeline but the Archive's), when known. */
  archived?: number | null;
  /** Why this device does not write the library, and who does (status().writer). */
  writer?: WriterNote | null;
}

/** What the engine said with an empty answer: why a search found nothing (SearchPage.empty), the photos On this day left out as archived (TimelinePage.archivedLeftOut). */
export interface EmptyAnswer {
  search?: SearchEmpty;
  archivedLeftOut?: number;
}

/** How the app lists the archive and brings a photo back, for a day whose photos are all archived. */
const ARCHIVE_HINT = 'the Archive, in the sidebar, shows them; Unarchive brings one back';

export function emptyViewText(view: View, indexing: IndexingState = { folders: [], jobs: [], syncing: false }, answer: EmptyAnswer = {}): string {
  if (view.kind !== 'library') return answer.search ? searchEmptyText(answer.search) : 'Nothing matched.';
  if (view.archived) return EMPTY_ARCHIVE_TEXT;
  if (view.favourites) return 'No favourites yet: press F in the viewer, or select photos and choose Favourite.';
  if (view.onThisDay) return sentence(noPhotoOnThisDayText(todayIso(), answer.archivedLeftOut ?? 0, ARCHIVE_HINT));
  if (view.place !== undefined) return `No photos taken in ${view.place} (any more).`;
  if (view.withoutPlace) return 'Every photo has a place.';
  if (view.farFromTowns) return 'No photo has a position far from any town (any more).';
  if (view.videos) return 'No videos in the library (any more).';
  if (view.described !== undefined) return `No photo is described as “${view.described}” (any more).`;
  return emptyFolderText(view.folder, indexing);
}

/** The engine's reason for an empty search, in the app's words (`shoebox search` words the same reasons). */
export function searchEmptyText(empty: SearchEmpty): string {
  switch (empty.reason) {
    case 'not-embedded':
      return 'Nothing matched: no photo is indexed with the model in use yet.';
    case 'text-not-read':
      // Text is found only in photos whose text was read: say so, and where to turn it on.
      return 'Nothing matched: text in photos is not read yet. Turn on Text in photos in Settings, and the library’s photos are read in the background.';
    case 'filters':
      return 'Nothing matched: no photo passes the filters.';
    case 'filters-among-text':
      return 'Nothing matched: no photo whose text holds these words passes the filters.';
    case 'no-text': {
      const { on, read, left, readingNow } = empty.text;
      // Off now, the text read before is still searched: only the rest is not read.
      if (!on) return `Nothing matched: no photo’s text holds these words. Text in photos is off: the text of ${formatCount(read, 'photo')} read before is searched, no other photo’s is read.`;
      if (left > 0 && readingNow) return `Nothing matched yet: the photos’ text is being read now (${left} left).`;
      if (left > 0) return `Nothing matched yet: the text of ${formatCount(left, 'photo')} is still to be read.`;
      return 'Nothing matched: no photo’s text holds these words.';
    }
    case 'cut-off':
      return 'Nothing matched: no photo scores above the relevance cut-off.';
  }
}

/** A line as a sentence: its first letter capitalised, a full stop after it. */
function sentence(line: string): string {
  return `${line.charAt(0).toUpperCase()}${line.slice(1)}.`;
}

function emptyFolderText(folder: string | null, { folders, jobs, syncing, archived, writer }: IndexingState): string {
  const shown = folder === null ? folders : folders.filter((f) => f.path === folder);
  // Indexing the folder, or importing into it (or into a folder inside it: an import's folder is where it copies to).
  const into = (j: JobState) => folder === null || j.folder === folder || (j.kind === 'import-photos' && pathInFolder(folder, j.folder) !== j.folder);
  const active = (j: JobState) => (j.kind === 'index' || j.kind === 'import-photos') && (j.state === 'queued' || j.state === 'running') && into(j);
  if (syncing || jobs.some(active)) return 'No photos here yet: indexing shows them as it goes.';
  // Another device indexes the shared library (its first run: nothing of it is here yet), and
  // this page shows what it commits as it goes: not "no photos", which reads as a fault.
  // (Not for a folder whose files all failed, or paused: those say so below. Nor over a lost
  // connection: nobody is known to write then, and the banner says what happened.)
  if (writer && writer.reason !== 'connection' && shown.length > 0 && shown.every((f) => f.photos === 0 && f.failed === 0 && !f.paused)) {
    const who = writer.reason === 'busy' ? `${writerName(writer)} is` : 'another device may be';
    return `No photos here yet: ${who} indexing this library, and its photos appear here as it adds them.`;
  }
  if (shown.length > 0 && shown.every((f) => f.paused)) return 'Indexing is paused here: Resume indexing, beside the folder, shows its photos.';
  // Everything archived (Ctrl+A, Shift+A): the photos are there, in the Archive.
  if (folder === null && archived) return `Every photo is archived: ${formatCount(archived, 'photo')} in the Archive (in the sidebar), still found by search.`;
  const unreadable = shown.reduce((n, f) => n + f.failed, 0);
  const where = folder === null ? 'in the library\'s folders' : 'in this folder';
  return unreadable > 0 ? `No photos ${where}: ${formatCount(unreadable, 'file')} could not be read (listed under the folder).` : `No photos or videos ${where}.`;
}
