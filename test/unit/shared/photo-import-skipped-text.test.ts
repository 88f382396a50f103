// The files an import left on the card, each kind said in its own words (shared/photo-import-text.ts,
// the CLI's line and the app's Import form alike): an empty file, a link and a name that is not
// UTF-8 are not "not photos or videos", which --json's reasons already told apart; and what the
// user moved to the trash from Shoebox is said with how to import it anyway.
import { describe, expect, it } from 'vitest';
import type { PhotoImportResult } from '../../../src/shared/api';
import { SKIPPED_EMPTY, SKIPPED_LINK, SKIPPED_NAME_NOT_UTF8, SKIPPED_NOT_MEDIA } from '../../../src/shared/import-skipped';
import { APP_TRASHED_HINT, photoImportSummary } from '../../../src/shared/photo-import-text';

const result = (r: Partial<PhotoImportResult>): PhotoImportResult => ({ from: '/media/card', to: '/Photos', copied: [], copiedVideos: 0, already: 0, alreadyVideos: 0, alreadyUnreadable: [], trashed: [], trashedVideos: 0, duplicates: 0, skipped: [], failed: [], indexed: 0, stopped: false, ...r });
const skipped = (reason: string, ...names: string[]) => names.map((n) => ({ path: `/media/card/DCIM/${n}`, reason }));

describe('an import’s summary of what stayed on the card', () => {
  it('says empty files, links and names to rename apart from the files that are no photos or videos', () => {
    const r = result({
      copied: ['/Photos/2024/2024-06-15/IMG_0001.JPG'],
      indexed: 1,
      skipped: [...skipped(SKIPPED_NOT_MEDIA, 'notes.txt'), ...skipped(SKIPPED_EMPTY, 'IMG_0033.JPG'), ...skipped(SKIPPED_LINK, 'IMG_0034.JPG')],
    });
    expect(photoImportSummary(r)).toBe('copied 1 photo into /Photos, 1 file left on the card (not a photo or video), 1 empty file left on the card, 1 link left on the card (not followed); 1 indexed');
    expect(photoImportSummary(result({ skipped: skipped(SKIPPED_EMPTY, 'IMG_0033.JPG') }))).toBe('no photos or videos found in /media/card, 1 empty file left on the card');
  });

  it('says a name that is not UTF-8 as a file not imported, never "no photos or videos found"', () => {
    const bad = (...names: string[]) => names.map((n) => ({ path: `/media/card/DCIM/${n}`, error: SKIPPED_NAME_NOT_UTF8, step: 'copy' as const }));
    expect(photoImportSummary(result({ failed: bad('IMG_\uFFFD7002.JPG') }))).toBe('nothing copied from /media/card, 1 file not imported: its name is not valid UTF-8 (rename it, then import again)');
    expect(photoImportSummary(result({ copied: ['/Photos/2024/2024-06-15/IMG_0001.JPG'], indexed: 1, failed: bad('IMG_\uFFFD7002.JPG', 'IMG_\uFFFD7003.JPG') }))).toBe(
      'copied 1 photo into /Photos, 2 files not imported: their names are not valid UTF-8 (rename them, then import again); 1 indexed',
    );
  });

  it('says the photos moved to the trash in Shoebox that were not imported again, and how to have them', () => {
    expect(photoImportSummary(result({ already: 29, trashed: ['/media/card/DCIM/IMG_0002.JPG', '/media/card/DCIM/MVI_0003.MP4'], trashedVideos: 1 }))).toBe(
      'no new photos or videos in /media/card: 29 photos already in the library, 1 photo and 1 video you moved to the trash in Shoebox not imported again (to import them anyway: restore them from the trash, or run shoebox import --include-trashed)',
    );
    // The app's import has no --include-trashed: its line says only what the app can do.
    expect(photoImportSummary(result({ trashed: ['/media/card/DCIM/IMG_0002.JPG'] }), APP_TRASHED_HINT)).toBe(
      'no new photos or videos in /media/card: 1 photo you moved to the trash in Shoebox not imported again (to import it anyway: restore it from the trash)',
    );
  });
});
