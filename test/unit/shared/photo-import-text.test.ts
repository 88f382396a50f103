// The words of an import's result (shared/photo-import-text.ts), as the CLI prints them and the
// app's Import form shows them: photos and videos counted apart, what is held already, a second
// copy on the card and the files that are no photos or videos each in their own count, the
// copies that could not be indexed named, and a folder with nothing to import said as such.
import { describe, expect, it } from 'vitest';
import type { PhotoImportResult } from '../../../src/shared/api';
import { photoImportSummary } from '../../../src/shared/photo-import-text';

const result = (r: Partial<PhotoImportResult>): PhotoImportResult => ({ from: '/media/card', to: '/Photos', copied: [], copiedVideos: 0, already: 0, alreadyVideos: 0, alreadyUnreadable: [], trashed: [], trashedVideos: 0, duplicates: 0, skipped: [], failed: [], indexed: 0, stopped: false, ...r });
const files = (n: number, dir = '/Photos/2024/2024-06-15') => Array.from({ length: n }, (_, i) => `${dir}/IMG_${i}.JPG`);

describe('an import’s summary', () => {
  it('counts photos and videos apart, and each kind of file not copied in its own count', () => {
    expect(photoImportSummary(result({ copied: files(8), copiedVideos: 1, already: 2, duplicates: 1, skipped: [{ path: '/media/card/IMG_FAKE.JPG', reason: 'not a photo or video' }], indexed: 8 }))).toBe('copied 7 photos and 1 video into /Photos, 2 photos already in the library, 1 duplicate on the card, 1 file left on the card (not a photo or video); 8 indexed');
    expect(photoImportSummary(result({ copied: files(2), copiedVideos: 2, already: 3, alreadyVideos: 3, indexed: 2 }))).toBe('copied 2 videos into /Photos, 3 videos already in the library; 2 indexed');
  });

  it('names the copies that could not be indexed, the first few and then how many more; a file not copied is a failure', () => {
    const notIndexed = files(5).map((path) => ({ path, error: 'not an image', step: 'index' as const }));
    const notCopied = { path: '/media/card/System Volume Information', error: 'folder not read: EACCES', step: 'copy' as const };
    expect(photoImportSummary(result({ copied: files(7), failed: [notCopied, ...notIndexed], indexed: 2 }))).toBe('copied 7 photos into /Photos, 1 failed; 2 indexed, 5 could not be indexed: IMG_0.JPG, IMG_1.JPG, IMG_2.JPG and 2 more');
  });

  it('says when nothing new was there, and when there was no photo or video at all', () => {
    expect(photoImportSummary(result({ already: 6, alreadyVideos: 1, duplicates: 1 }))).toBe('no new photos or videos in /media/card: 5 photos and 1 video already in the library, 1 duplicate on the card');
    expect(photoImportSummary(result({}))).toBe('no photos or videos found in /media/card');
    expect(photoImportSummary(result({ skipped: [{ path: '/media/card/a.txt', reason: 'not a photo or video' }, { path: '/media/card/b.txt', reason: 'not a photo or video' }] }))).toBe('no photos or videos found in /media/card (2 files there are not photos or videos)');
  });

  it('names once, as recorded, the copies held already that the library could not index, and says no copy', () => {
    // The same card imported again (into another library folder too): nothing copied, nothing failed again.
    const line = photoImportSummary(result({ already: 5, alreadyUnreadable: ['/Photos/imported/2024/2024-06-15/IMG_0006.JPG', '/Photos/imported/2024/2024-06-15/IMG_0007.JPG'] }));
    expect(line).toBe('no new photos or videos in /media/card: 5 photos already in the library (2 of them recorded as unreadable: IMG_0006.JPG, IMG_0007.JPG)');
    expect(line).not.toMatch(/copied|could not be indexed/);
  });

  it('says a stop, and that what was copied stays', () => {
    expect(photoImportSummary(result({ copied: files(2), stopped: true }))).toBe('copied 2 photos into /Photos; stopped before the end: what was copied stays, and the next import or index run takes it');
    expect(photoImportSummary(result({ stopped: true }))).toBe('stopped before anything was copied from /media/card');
  });
});
