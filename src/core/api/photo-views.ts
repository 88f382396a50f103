// Store records as LibraryApi shows them: plain JSON, named by id, without the vector.
import type { Photo, PhotoDetails, PhotoHit, PhotoPlace, PhotoTag, SearchPage } from '../../shared/api';
import type { PhotoTextMatch } from '../../shared/search';
import type { LibraryStore, PhotoRecord, PhotoSummary, TagRecord } from '../store/types';
import { photoId } from './photo-id';
import { rememberThumbKey } from './thumb-keys';
import { folderReachable } from './folder-reach';
import { placeOf } from '../places/located-photos';
import { placeLabel } from '../../shared/place-name';
import { turnTextMatch, turnedSize, turnsToDegrees } from '../../shared/rotation';

/** The marks the user puts on contents by hand, by content hash: read once per page (readMarks). */
export interface PhotoMarks {
  favourites: ReadonlySet<string>;
  archived: ReadonlySet<string>;
  /** Clockwise quarter turns (Rotate). */
  rotations: ReadonlyMap<string, number>;
}

/** The store methods a page of photos reads its marks with. */
export type MarksSource = Pick<LibraryStore, 'favouriteHashes' | 'archivedHashes' | 'rotations'>;

/** No marks: a library without any. */
export const NO_MARKS: PhotoMarks = { favourites: new Set(), archived: new Set(), rotations: new Map() };

/** The favourites, the archive and the rotations, for a page of photos (each cached per table version by the store). */
export async function readMarks(store: MarksSource): Promise<PhotoMarks> {
  const [favourites, archived, rotations] = await Promise.all([store.favouriteHashes(), store.archivedHashes(), store.rotations()]);
  return { favourites, archived, rotations };
}

/** `marks` required: a photo shown without its rotation would have its thumbnail remembered upright (thumb-keys.ts). */
export function toPhoto(p: PhotoSummary, marks: PhotoMarks): Photo {
  const turns = marks.rotations.get(p.hash) ?? 0;
  rememberThumbKey(p.path, p.thumbKey, turns); // its thumbnail is asked for next (thumb-keys.ts)
  const rotation = turnsToDegrees(turns);
  return {
    id: photoId(p.path),
    path: p.path,
    folder: p.folder,
    // As the user sees it: turned sideways, a landscape photo is a portrait one.
    ...turnedSize(p, turns),
    takenAt: p.takenAt,
    ...(typeof p.takenOffset === 'number' ? { takenOffset: p.takenOffset } : {}),
    ...(typeof p.durationMs === 'number' ? { kind: 'video' as const, duration: p.durationMs / 1000 } : {}),
    ...(folderReachable(p.folder) ? {} : { unreachable: true as const }),
    ...(marks.favourites.has(p.hash) ? { favourite: true as const } : {}),
    ...(marks.archived.has(p.hash) ? { archived: true as const } : {}),
    ...(rotation ? { rotation } : {}),
  };
}

export function toHit(p: PhotoSummary, score: number, marks: PhotoMarks): PhotoHit {
  return { ...toPhoto(p, marks), score };
}

/** Tags as the API shows them, best score first. */
export function toTags(tags: readonly TagRecord[]): PhotoTag[] {
  return tags.map((t) => ({ set: t.set, label: t.label, score: t.score, state: t.state })).sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
}

export function toDetails(p: PhotoRecord | PhotoSummary, tags: readonly TagRecord[], marks: PhotoMarks): PhotoDetails {
  return {
    ...toPhoto(p, marks),
    size: p.size,
    mtimeMs: p.mtimeMs,
    cameraMake: p.cameraMake,
    cameraModel: p.cameraModel,
    gpsLat: p.gpsLat,
    gpsLon: p.gpsLon,
    ...withPlace(p),
    modelId: p.modelId,
    indexedAt: p.indexedAt,
    tags: toTags(tags),
  };
}

function withPlace(p: Pick<PhotoSummary, 'gpsLat' | 'gpsLon'>): { place?: PhotoPlace } {
  const place = placeOf(p);
  return place ? { place } : {};
}

/** A photo with the metadata `shoebox list` prints: the API's photo without its id, plus
 *  camera, GPS and its place ("Arezzo, Italy"), size and content hash (the store's row without the vector). */
export type PhotoListing = Omit<Photo, 'id'> & Pick<PhotoDetails, 'cameraMake' | 'cameraModel' | 'gpsLat' | 'gpsLon' | 'size'> & { place?: string; hash: string };

export function toListing(p: PhotoSummary, marks: PhotoMarks): PhotoListing {
  const { id: _id, ...photo } = toPhoto(p, marks);
  const place = placeOf(p);
  return { ...photo, cameraMake: p.cameraMake, cameraModel: p.cameraModel, gpsLat: p.gpsLat, gpsLon: p.gpsLon, ...(place ? { place: placeLabel(place) } : {}), size: p.size, hash: p.hash };
}

/** Vector hits as a page of photos; a hit whose row vanished meanwhile (deleted) is dropped. */
export async function hitsPage(store: Pick<LibraryStore, 'photosByPath'> & MarksSource, hits: readonly { path: string; score: number; time?: number; photoText?: PhotoTextMatch }[], offset: number, limit: number): Promise<SearchPage> {
  const [rows, marks] = await Promise.all([store.photosByPath(hits.map((h) => h.path)), readMarks(store)]);
  const photos = hits.flatMap((h) => {
    const row = rows.get(h.path);
    // A `text:` search's match travels with the hit: the viewer highlights its words.
    if (!row) return [];
    // A video's best moment travels with it: the viewer plays from there.
    const hit = h.time !== undefined ? { ...toHit(row, h.score, marks), time: h.time } : toHit(row, h.score, marks);
    // Its boxes on the photo as it shows, turned or not.
    return [h.photoText ? { ...hit, photoText: turnTextMatch(h.photoText, marks.rotations.get(row.hash) ?? 0) } : hit];
  });
  return { offset, photos, hasMore: hits.length === limit };
}
