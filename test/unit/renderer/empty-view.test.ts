// What an empty folder's grid says: indexing under way, paused, files that could not be read,
// or simply nothing Shoebox reads there; never "indexing shows them" when nothing indexes.
import { describe, expect, it } from 'vitest';
import type { FolderInfo, JobState } from '../../../src/shared/api';
import type { SearchEmpty } from '../../../src/shared/search-empty';
import { dayOfYearText } from '../../../src/shared/on-this-day-text';
import { todayIso } from '../../../src/shared/today';
import { emptyViewText } from '../../../src/renderer/lib/empty-view';

const folder = (path: string, extra: Partial<FolderInfo> = {}): FolderInfo => ({ path, addedAt: 0, photos: 0, failed: 0, ...extra });
const job = (folderPath: string, state: JobState['state']): JobState => ({ id: 'j', kind: 'index', folder: folderPath, state, progress: null, result: null, error: null, queuedAt: 0, startedAt: null, finishedAt: null });
const view = (path: string | null) => ({ kind: 'library' as const, folder: path });

describe('an empty folder view', () => {
  it('says indexing shows the photos only while the folder is indexed or the watcher catches up', () => {
    const folders = [folder('/a'), folder('/b')];
    expect(emptyViewText(view('/a'), { folders, jobs: [job('/a', 'running')], syncing: false })).toBe('No photos here yet: indexing shows them as it goes.');
    expect(emptyViewText(view('/a'), { folders, jobs: [], syncing: true })).toBe('No photos here yet: indexing shows them as it goes.');
    expect(emptyViewText(view('/a'), { folders, jobs: [job('/b', 'running'), job('/a', 'done')], syncing: false })).toBe('No photos or videos in this folder.');
    expect(emptyViewText(view(null), { folders, jobs: [job('/b', 'queued')], syncing: false })).toBe('No photos here yet: indexing shows them as it goes.');
    const importing: JobState = { ...job('/a/Imported', 'running'), kind: 'import-photos' };
    expect(emptyViewText(view('/a'), { folders, jobs: [importing], syncing: false })).toBe('No photos here yet: indexing shows them as it goes.');
    expect(emptyViewText(view('/ab'), { folders: [folder('/ab')], jobs: [importing], syncing: false })).toBe('No photos or videos in this folder.');
  });

  it('says a paused folder is paused, and counts the files that could not be read', () => {
    expect(emptyViewText(view('/a'), { folders: [folder('/a', { paused: true })], jobs: [], syncing: false })).toBe('Indexing is paused here: Resume indexing, beside the folder, shows its photos.');
    expect(emptyViewText(view('/a'), { folders: [folder('/a', { failed: 2 })], jobs: [], syncing: false })).toBe('No photos in this folder: 2 files could not be read (listed under the folder).');
    expect(emptyViewText(view(null), { folders: [folder('/a'), folder('/b', { failed: 1 })], jobs: [], syncing: false })).toBe("No photos in the library's folders: 1 file could not be read (listed under the folder).");
  });
});

describe('an empty library another device is indexing', () => {
  const LINE = { holder: 'shoebox watch on gpubox (pid 4242)', reason: 'busy' } as const;

  it('says the photos are being indexed there, naming the writer as the banner does, not "No photos"', () => {
    const folders = [folder('/a')];
    const text = 'No photos here yet: shoebox watch on gpubox (pid 4242) is indexing this library, and its photos appear here as it adds them.';
    expect(emptyViewText(view(null), { folders, jobs: [], syncing: false, writer: LINE })).toBe(text);
    expect(emptyViewText(view('/a'), { folders, jobs: [], syncing: false, writer: LINE })).toBe(text);
    // A writer the engine names not: the banner's words.
    expect(emptyViewText(view(null), { folders, jobs: [], syncing: false, writer: { holder: null, reason: 'busy' } })).toBe(
      'No photos here yet: another device or program is indexing this library, and its photos appear here as it adds them.',
    );
    // This device's turn lapsed: another device may be writing, not surely.
    expect(emptyViewText(view(null), { folders, jobs: [], syncing: false, writer: { holder: null, reason: 'lease-lost' } })).toBe(
      'No photos here yet: another device may be indexing this library, and its photos appear here as it adds them.',
    );
  });

  it('does not say another device indexes when the connection was lost', () => {
    expect(emptyViewText(view(null), { folders: [folder('/a')], jobs: [], syncing: false, writer: { holder: null, reason: 'connection' } })).toBe("No photos or videos in the library's folders.");
  });

  it('says "No photos" as before when nobody else writes, or when the folders have photos (all archived)', () => {
    expect(emptyViewText(view(null), { folders: [folder('/a')], jobs: [], syncing: false, writer: null })).toBe("No photos or videos in the library's folders.");
    expect(emptyViewText(view(null), { folders: [folder('/a', { photos: 3 })], jobs: [], syncing: false, archived: 3, writer: LINE })).toBe('Every photo is archived: 3 photos in the Archive (in the sidebar), still found by search.');
  });

  it('still says a folder whose files could not be read, or that is paused, and not indexing for a folder not in the library', () => {
    expect(emptyViewText(view(null), { folders: [folder('/a', { failed: 2 })], jobs: [], syncing: false, writer: LINE })).toBe("No photos in the library's folders: 2 files could not be read (listed under the folder).");
    expect(emptyViewText(view(null), { folders: [folder('/a', { paused: true })], jobs: [], syncing: false, writer: LINE })).toMatch(/^Indexing is paused here/);
    expect(emptyViewText(view('/gone'), { folders: [folder('/a')], jobs: [], syncing: false, writer: LINE })).not.toMatch(/is indexing this library/);
  });
});

describe('an empty timeline with everything archived', () => {
  it('points to the Archive, not to files that could not be read', () => {
    const folders = [folder('/a', { failed: 1 })];
    expect(emptyViewText(view(null), { folders, jobs: [], syncing: false, archived: 3 })).toBe('Every photo is archived: 3 photos in the Archive (in the sidebar), still found by search.');
    expect(emptyViewText(view(null), { folders, jobs: [], syncing: false, archived: 0 })).toBe("No photos in the library's folders: 1 file could not be read (listed under the folder).");
  });
});

describe('a search that finds nothing', () => {
  const none = { folders: [], jobs: [], syncing: false };
  const search = (query: string) => ({ kind: 'search' as const, query });
  const noText = (on: boolean, read: number, left: number): SearchEmpty => ({ reason: 'no-text', text: { on, read, left, contents: read + left } });

  it('says the engine\'s reason: text never read, still to be read, or not held', () => {
    expect(emptyViewText(search('text:"STOP"'), none, { search: { reason: 'text-not-read' } })).toMatch(/not read yet\. Turn on Text in photos in Settings/);
    expect(emptyViewText(search('text:"STOP" + red'), none, { search: noText(true, 6, 4) })).toBe('Nothing matched yet: the text of 4 photos is still to be read.');
    // Being read now (the app's own reading job, or an index run elsewhere): said as such, with what is left.
    expect(emptyViewText(search('text:"STOP"'), none, { search: { reason: 'no-text', text: { on: true, read: 80, left: 137, contents: 217, readingNow: true } } })).toBe('Nothing matched yet: the photos’ text is being read now (137 left).');
    expect(emptyViewText(search('text:"STOP"'), none, { search: noText(true, 10, 0) })).toBe('Nothing matched: no photo’s text holds these words.');
    // No reason given (a search the engine answered before it gave reasons): nothing made up.
    expect(emptyViewText(search('a stop sign'), none)).toBe('Nothing matched.');
  });

  it('with Text in photos switched off after its text was read, says the text read is searched, not that none is read', () => {
    const text = emptyViewText(search('text:"zzz"'), none, { search: noText(false, 10, 0) });
    expect(text).toBe('Nothing matched: no photo’s text holds these words. Text in photos is off: the text of 10 photos read before is searched, no other photo’s is read.');
    expect(text).not.toMatch(/not read yet/);
  });

  it('blames the filters when they caused it, not the reading of the text', () => {
    expect(emptyViewText(search('text:"zzz"'), none, { search: { reason: 'filters' } })).toBe('Nothing matched: no photo passes the filters.');
    expect(emptyViewText(search('text:"open"'), none, { search: { reason: 'filters-among-text' } })).toBe('Nothing matched: no photo whose text holds these words passes the filters.');
  });
});

describe('an empty On this day', () => {
  const onThisDay = { kind: 'library' as const, folder: null, onThisDay: true as const };
  const today = dayOfYearText(todayIso());

  it('says no photo was taken on the day, or that the day\'s photos are all archived and where they are', () => {
    expect(emptyViewText(onThisDay, undefined, { archivedLeftOut: 0 })).toBe(`No photo was taken on ${today} in an earlier year.`);
    expect(emptyViewText(onThisDay, undefined, { archivedLeftOut: 2 })).toBe(`No photo from ${today} in an earlier year outside the archive (2 archived: the Archive, in the sidebar, shows them; Unarchive brings one back).`);
  });
});
