// SearchFilters (plain JSON from the CLI or the UI) -> the store's PhotoFilter: dates parsed,
// the folder made absolute, the tag, the favourites and the place resolved to the photos they name.
// Everything a user can get wrong is a QueryError naming the option.
import path from 'node:path';
import type { SearchFilters } from '../../shared/search';
import type { SearchLibrary } from './search-library';
import type { PhotoFilter } from '../store/types';
import { dateBound } from './dates';
import { QueryError } from './query-error';
import type { TagFilter } from './tag-filter';
import { hashesAtPlace } from './place-filter';
import { unknownPlace } from './unknown-place';

export async function toPhotoFilter(library: SearchLibrary, filters: SearchFilters, tagFilter: TagFilter): Promise<PhotoFilter> {
  const out: PhotoFilter = {};
  // Camera-clock dates compare with takenAt, dates with a zone with each photo's instant (dates.ts).
  const after = filters.after !== undefined ? dateBound(filters.after, '--after') : undefined;
  const before = filters.before !== undefined ? dateBound(filters.before, '--before') : undefined;
  if (after) out[after.instant ? 'takenFromInstant' : 'takenFrom'] = after.ms;
  if (before) out[before.instant ? 'takenBeforeInstant' : 'takenBefore'] = before.ms;
  // The viewer's clock the camera-clock dates read a file time on (absent: this machine's).
  if (filters.utcOffset !== undefined) out.utcOffset = filters.utcOffset;
  if (after && before && after.instant === before.instant && after.ms >= before.ms) {
    throw new QueryError(`--after ${filters.after} is not earlier than --before ${filters.before}: no photo can match`);
  }
  if (filters.folder !== undefined) {
    if (filters.folder.trim() === '') throw new QueryError('--folder: empty folder');
    out.folder = path.resolve(filters.folder);
  }
  if (filters.camera !== undefined) {
    const camera = filters.camera.replace(/\s+/g, ' ').trim();
    if (camera === '') throw new QueryError('--camera: empty camera name');
    out.camera = camera;
  }
  if (filters.hasGps !== undefined) out.hasGps = filters.hasGps;
  if (filters.tag !== undefined) {
    const label = filters.tag.trim();
    if (label === '') throw new QueryError('--tag: empty label');
    const allowed = await tagFilter(library, label);
    if (allowed.paths !== undefined) out.paths = allowed.paths;
    if (allowed.hashes !== undefined) out.hashes = allowed.hashes;
    if (allowed.paths === undefined && allowed.hashes === undefined) out.paths = [];
  }
  if (filters.favourite === true) {
    // Favourites are content hashes; with a tag's hashes, the photos that are both.
    const favourites = await (await library.readable()).favouriteHashes();
    out.hashes = out.hashes ? out.hashes.filter((h) => favourites.has(h)) : [...favourites];
  }
  if (filters.place !== undefined) {
    const there = await hashesAtPlace(await library.readable(), filters.place);
    const unknown = there.size === 0 ? unknownPlace(filters.place) : null;
    if (unknown !== null) throw new QueryError(unknown);
    out.hashes = out.hashes ? out.hashes.filter((h) => there.has(h)) : [...there];
  }
  return out;
}
