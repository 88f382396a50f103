// Keep-best counts the EXIF the camera wrote, not a date or place the user set by hand: an
// edit is the content's and shows on its rows, so counted it would tie a PNG re-save the user
// dated and placed with the camera JPEG, and the PNG's size would win. The review's page
// (dupes-members.ts) ranks its members again to say why the keeper: the same rule.
import { describe, expect, it } from 'vitest';
import { withMemberDetails } from '../../../src/core/api/dupes-members';
import { exifCompleteness, fileExif, type HandEdits } from '../../../src/core/dupes/keep-best';
import type { DuplicateReport } from '../../../src/shared/api';
import type { LibraryStore, PhotoSummary } from '../../../src/core/store/types';

const row = (over: Partial<PhotoSummary>): PhotoSummary =>
  ({ folder: '/lib', mtimeMs: 1000, width: 640, height: 480, takenAt: null, takenOffset: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, ...over }) as PhotoSummary;

// The camera's JPEG: date, camera, no GPS. Its PNG re-save: no EXIF, more bytes; the user gave
// it a date and a place by hand, which its row now carries.
const jpeg = row({ path: '/lib/cam/IMG_1001.JPG', hash: 'j', size: 60_000, takenAt: 1_714_557_600_000, cameraMake: 'Canon', cameraModel: 'Canon EOS 40D' });
const png = row({ path: '/lib/IMG_1001_export.png', hash: 'p', size: 400_000, takenAt: 1_714_557_600_000, gpsLat: 43.4633, gpsLon: 11.8797 });
const edits: HandEdits = {
  dates: new Map([['p', { fileTakenAt: null }]]),
  places: new Map([['p', { fileGpsLat: null, fileGpsLon: null }]]),
};

describe("keep-best's EXIF: the file's own", () => {
  it('counts the date and place the file had, not those set by hand', () => {
    expect(exifCompleteness(png)).toBe(2);
    expect(exifCompleteness(fileExif(png, edits))).toBe(0);
    expect(fileExif(jpeg, edits)).toBe(jpeg);
    // A place removed by hand from a file that had one still counts the file's.
    const placed = row({ hash: 'q', gpsLat: null, gpsLon: null });
    expect(exifCompleteness(fileExif(placed, { dates: new Map(), places: new Map([['q', { fileGpsLat: 1, fileGpsLon: 2 }]]) }))).toBe(1);
  });

  it("the review says the camera JPEG is kept for its EXIF, though the PNG was dated and placed by hand", async () => {
    const member = (r: PhotoSummary) => ({ id: r.path, path: r.path, width: r.width, height: r.height, bytes: r.size });
    const page = { scannedAt: 0, kinds: ['near'], photos: 2, seconds: 0, total: 1, removable: 1, offset: 0, decided: 0, pictures: [], groups: [{ kind: 'near', keep: jpeg.path, members: [member(jpeg), member(png)] }] } as unknown as DuplicateReport;
    const store = {
      favouriteHashes: async () => new Set(),
      archivedHashes: async () => new Set(),
      descriptions: async () => new Map(),
      listAlbums: async () => [],
      getSignatures: async () => [],
      photosByPath: async () => new Map(),
      libraryPathsByHash: async () => new Map(),
      listFolders: async () => [{ path: '/lib' }],
      takenEdits: async () => edits.dates,
      placeEdits: async () => edits.places,
    } as unknown as LibraryStore;
    const rows = new Map([jpeg, png].map((r) => [r.path, r]));
    const shown = await withMemberDetails(page, rows, store);
    expect(shown.groups[0]!.why).toEqual(['exif']);
  });
});
