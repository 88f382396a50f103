// How many photos (and, of them, videos) a library holds, read from its tables alone (no
// model chosen, no store opened): what a copy of a library reports (api/copy-library.ts).
// Each model has a photos table of its own (photos__<key>, model-key.ts), and a photo
// embedded by two models is a row in each, so adding those tables' rows counts it twice.
// The library's photos are those tables' union by path (library-photos.ts), and so is this
// count; a row with a length (durationMs) is a video, as the timeline's Videos view says.
import { ColumnReader } from './arrow-rows';
import type { StoreLocation } from './connection';
import { isPhotosTable } from './model-key';
import { withOwnConnection } from './own-connection';

export interface LibraryPhotoCount {
  /** Every photo and video, each once. */
  photos: number;
  /** Of `photos`, the videos. */
  videos: number;
}

export async function countLibraryPhotos(where: StoreLocation): Promise<LibraryPhotoCount> {
  return withOwnConnection(where, { photos: 0, videos: 0 }, async (conn, names) => {
    const video = new Map<string, boolean>();
    for (const name of names.filter(isPhotosTable)) {
      const table = await conn.openTable(name);
      try {
        // Tables older than videos (schema v4) have no durationMs column: photos only.
        const withLength = (await table.schema()).fields.some((f) => f.name === 'durationMs');
        const rows = new ColumnReader(await table.query().select(withLength ? ['path', 'durationMs'] : ['path']).toArrow());
        for (let i = 0; i < rows.length; i++) {
          const path = rows.string('path', i);
          if (!video.has(path)) video.set(path, withLength && rows.optionalNumber('durationMs', i) !== null);
        }
      } finally {
        table.close();
      }
    }
    return { photos: video.size, videos: [...video.values()].filter(Boolean).length };
  });
}
