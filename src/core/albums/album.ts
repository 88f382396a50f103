// A smart album: a saved query, the photos it matches in the library as it is now, plus the
// photos pinned into it and minus the ones excluded by hand. An album without a query (an
// empty one) is hand-picked: its photos are its pins, in the order they were pinned, with no
// threshold and no filters (isHandPicked). Stored as JSON in the `albums`
// table; membership is computed when the album is read (album-service.ts), so it always
// reflects what has been indexed or removed since.
import type { AlbumFilters } from '../../shared/api';
import { legacyAlbumDate } from './album-dates';
import { albumThresholdRefusal, isAlbumThreshold } from '../../shared/album-threshold';
import { storedCopiesBeside } from './excluded-copies';

/** The contract's type (src/shared), one per concept. */
export type { AlbumFilters };

export interface AlbumDefinition {
  name: string;
  /** Text, or the path of an image (album-query.ts); empty: a hand-picked album (isHandPicked). */
  query: string;
  /** Minimum cosine similarity between a photo and the query; null: automatic, the search's
   *  calibrated relevance cut-off for the query (src/core/search/calibration.ts), which
   *  follows the model and the library instead of being fixed when the album is made. */
  threshold: number | null;
  filters: AlbumFilters;
  /** Absolute paths, in the order they were pinned (where the photos were then). */
  pinned: string[];
  excluded: string[];
  /**
   * The content hash (SHA-256) of each pinned and excluded path when it was pinned or
   * excluded, so the pin follows the photo through a move or a folder rename, as tags do
   * (album-pins.ts). Albums stored before this have none: their paths are matched as they
   * are, and each gets its hash at the album's next edit.
   */
  hashes: Record<string, string>;
  /**
   * Of each excluded path that had identical copies beside it in the library when it was
   * excluded (shown, not excluded): their paths, and the excluded file's own mtime, which tells
   * it from them wherever they go. The exclusion follows its file to a new path, never onto one
   * of them (excluded-copies.ts). Absent for an entry with no copy beside it, and in albums
   * stored before: excluded-copies.ts says how those read.
   */
  copiesBeside?: Record<string, CopiesBeside>;
  /**
   * The working directory the query was written in: its relative image paths resolve against
   * it, so an album reads the same from any directory. null: albums stored before (absolute).
   */
  queryDir: string | null;
  /**
   * The embedding of each image of the query, per model build (the store's tables key: src/core/store/model-key.ts) and
   * absolute path, as base64 of the float32 vector, taken when the album was saved: the album
   * keeps working when the image is moved, edited or deleted. A model without one embeds the
   * image as search does (album-query.ts).
   */
  queryImages: Record<string, Record<string, string>>;
  /**
   * The pins the album's last edit took out, with the place each had in `pinned`: pinning one
   * of them again as the album's very next edit (an Undo of "Remove from album") puts it back
   * where it was, not at the end (album-pin-order.ts). Any other edit forgets them.
   */
  lastRemoved?: RemovedPin[];
  createdAt: number;
}

/** An excluded file's mtime when it was excluded, and the other paths that held its content then. */
export interface CopiesBeside {
  mtimeMs: number;
  paths: string[];
  /** The copies' own mtimes: when the excluded file's is among them, mtime cannot tell it from
   *  a copy and the exclusion follows nowhere (excluded-copies.ts); absent in records made before. */
  copyMtimes?: number[];
}

/** A pin taken out: its entry, its content hash (it may have moved since) and its index in `pinned` then. */
export interface RemovedPin {
  path: string;
  hash: string | null;
  index: number;
}

/**
 * The cut-off of an automatic album when the calibration has nothing to measure (an empty
 * library, so no photo could match anyway): CLIP ViT-B/32 gives a photo that matches a short
 * text query a cosine of about 0.25-0.35 and an unrelated one about 0.15-0.2.
 */
export const DEFAULT_ALBUM_THRESHOLD = 0.25;

export class AlbumError extends Error {
  override name = 'AlbumError';
  /** The caller gave a value that cannot work (a bad name or threshold), as opposed to a state problem. */
  constructor(
    message: string,
    readonly usage = false,
    /** The name another album holds, when that is why: each front end says its own way on (the CLI's `--replace`). */
    readonly takenName?: string,
    /** The CLI's wording when it differs (it names options and commands); `message` is the app's. */
    readonly cliText?: string,
    /** When that is why (an album given only photos the library does not hold): those paths,
     *  each said by the front end as it says such a photo (the CLI: "a folder, not a photo", …). */
    readonly missingPhotos?: readonly string[],
  ) {
    super(message);
  }
}

/**
 * The album changed (elsewhere: the CLI, another window) since the editor read it: its save
 * would overwrite that change, so it is refused (album-revision.ts). Its own name, so the app
 * can tell it from other refusals and offer Reload.
 */
export class AlbumChangedError extends AlbumError {
  override name = 'AlbumChangedError';
}

/** An album name as every lookup and save takes it: surrounding spaces never count. */
export function albumNameKey(value: string): string {
  return value.trim();
}

export function checkAlbumName(value: string): string {
  const name = value.trim();
  if (!name) throw new AlbumError('an album name must not be empty', true);
  if (name.length > 200) throw new AlbumError('an album name must be at most 200 characters', true);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f/\\]/.test(name)) throw new AlbumError(`an album name must not contain slashes or control characters: ${JSON.stringify(value)}`, true);
  return name;
}

export function checkThreshold(value: number): number {
  if (!isAlbumThreshold(value)) throw new AlbumError(albumThresholdRefusal(value), true);
  return value;
}

/**
 * An album without a query: its photos are exactly its pins (in pin order), it has no
 * threshold and no filters, and excluding a photo from it only unpins it. The one policy
 * every front end goes by (album-service.ts).
 */
export function isHandPicked(album: Pick<AlbumDefinition, 'query'>): boolean {
  return album.query.trim() === '';
}

/**
 * The filters as stored; dates stored as epoch ms by earlier versions read as the date text they
 * meant (album-dates.ts), in memory only: the row keeps what it holds until the album is saved.
 */
function storedFilters(raw: unknown): AlbumFilters {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Omit<AlbumFilters, 'after' | 'before'> & { after?: unknown; before?: unknown };
  const { after, before, ...rest } = stored;
  const date = (value: unknown) => (typeof value === 'number' ? legacyAlbumDate(value) : typeof value === 'string' ? value : undefined);
  const from = date(after);
  const until = date(before);
  return { ...rest, ...(from !== undefined ? { after: from } : {}), ...(until !== undefined ? { before: until } : {}) };
}

/** Reads a stored definition, tolerating fields added by later versions. */
export function parseAlbum(json: string): AlbumDefinition {
  const raw = JSON.parse(json) as Partial<AlbumDefinition>;
  // Albums stored before automatic thresholds always have a number.
  if (typeof raw.name !== 'string' || typeof raw.query !== 'string' || (typeof raw.threshold !== 'number' && raw.threshold !== null)) {
    throw new AlbumError(`stored album is malformed: ${json.slice(0, 80)}`);
  }
  return {
    name: raw.name,
    query: raw.query,
    threshold: raw.threshold,
    filters: storedFilters(raw.filters),
    pinned: raw.pinned ?? [],
    excluded: raw.excluded ?? [],
    hashes: raw.hashes && typeof raw.hashes === 'object' ? raw.hashes : {},
    ...withCopiesBeside(storedCopiesBeside(raw.copiesBeside)),
    queryDir: typeof raw.queryDir === 'string' ? raw.queryDir : null,
    queryImages: raw.queryImages && typeof raw.queryImages === 'object' ? raw.queryImages : {},
    ...(Array.isArray(raw.lastRemoved) ? { lastRemoved: raw.lastRemoved } : {}),
    createdAt: raw.createdAt ?? 0,
  };
}

function withCopiesBeside(records: Record<string, CopiesBeside> | undefined): Pick<AlbumDefinition, 'copiesBeside'> {
  return records ? { copiesBeside: records } : {};
}
