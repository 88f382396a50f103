// Smart albums: create, list, show, pin/exclude, remove, export. Membership is computed at
// read time against the library as it is (lazy), not stored: a photo indexed a second ago
// is in every album whose query it matches, and a removed one is in none, with no
// bookkeeping to drift. The cost is one text embedding and one vector search per album
// read (milliseconds; at 100k photos the search is the IVF index's).
import path from 'node:path';
import type { PhotoFilter, VectorHit } from '../store/types';
import type { AlbumLibrary, AlbumStore } from './album-library';
import { dot } from '../clip/vectors';
import { photosWithTag } from '../search/tag-filter';
import { hashesTakenAt } from '../places/photos-at-place';
import { hashesAtPlace } from '../search/place-filter';
import { QueryError } from '../search/query-error';
import { NotEmbeddedError } from '../store/not-embedded-error';
import { unknownPlace } from '../search/unknown-place';
import { AlbumError, DEFAULT_ALBUM_THRESHOLD, albumNameKey, checkAlbumName, checkThreshold, isHandPicked, parseAlbum, type AlbumDefinition, type AlbumFilters } from './album';
import { checkRevision } from './album-revision';
import { appWording, unknownTagAppText, unknownTagReasonText } from '../../shared/app-wording';
import { removedPins, withPinsAdded } from './album-pin-order';
import { albumQuery, queryImageVectors } from './album-query';
import { canonicalDates, dateScope, emptyDateRange } from './album-dates';
import { checkExportDir, exportPhotos, type ExportReport } from './album-export';
import { editsByPath } from './export-edits';
import { turnsByPath } from './export-turns';
import { videosAmong } from './export-videos';
import { namesAny, resolvePins } from './album-pins';
import { alreadySo } from './membership-already';
import { forgetFreedRecords, recordCopiesBeside } from './excluded-copies';

export interface AlbumMember {
  path: string;
  /** Cosine similarity to the album's query (0 in a hand-picked album, which has none). */
  score: number;
  pinned: boolean;
}

export interface AlbumSummary extends AlbumDefinition {
  members: number;
  /** Of `members`, the videos: every front end's count says them apart ("4 photos, 1 video"). */
  videos: number;
  /** No query: its photos are its pins (album.ts isHandPicked). */
  handPicked: boolean;
  /** Where the pinned and excluded photos are now (moves followed), those still in the library. */
  current: { pinned: string[]; excluded: string[] };
  /** The threshold in effect: the album's own, or the calibrated cut-off of an automatic one (0 when hand-picked). */
  effectiveThreshold: number;
  /**
   * How many photos the query matches (within the filters) that are excluded by hand: an album
   * left empty by its exclusions says so (shared/excluded-matches-text.ts), not that nothing
   * matches. 0 in a hand-picked or broken album.
   */
  excludedMatches: number;
  /**
   * Why the album's members cannot be computed now (its query image is gone and the album
   * keeps no embedding of it for this model, say), one line; it then has 0 members. One
   * broken album never hides the others, and it can still be opened, edited and removed.
   * Worded for the command line (options, commands); `reason` is the same for the app.
   */
  error?: string;
  /** `error` without command-line options or commands (shared/app-wording.ts): what the app shows. */
  reason?: string;
  /**
   * Set instead of `error` when the query's matches cannot be found because the model in use
   * has embedded none of the photos (store/not-embedded-error.ts: the vectors there are another
   * model's): the album is as good as ever, and an index run, not an edit, mends it. One line.
   * Its members are then its pinned photos still in the library (pins need no embedding).
   */
  notEmbedded?: string;
}

/** What the user edits: everything but the hand-made pins and exclusions. */
export interface AlbumFields {
  name: string;
  query: string;
  /** A cosine; undefined or null: automatic (the search's calibrated cut-off). */
  threshold?: number | null;
  filters?: AlbumFilters;
}

export interface CreateAlbumOptions {
  threshold?: number;
  filters?: AlbumFilters;
  /** Replace an album of the same name (keeping its pins and exclusions) instead of failing. */
  replace?: boolean;
}

/** A new album and, of the photos given to pin into it, those the library does not hold (left out). */
export interface CreatedAlbum {
  album: AlbumDefinition;
  missing: string[];
}

/**
 * `notEmbedded`: the model in use has embedded none of the photos, so the query matched none
 * (members are the pins alone: pinned by hand, they need no embedding).
 */
type FoundMembers = { members: AlbumMember[]; threshold: number; current: AlbumSummary['current']; excludedMatches: number; notEmbedded?: NotEmbeddedError };
/** The members as found, and how many of them are videos (cached with them). */
type Members = FoundMembers & { videos: number };

/** What a pin, exclusion or unpinning did: `missing`, paths not in the library; `changed`, whether the album's pins or exclusions changed. */
export interface MembershipChange {
  album: AlbumDefinition;
  missing: string[];
  changed: boolean;
  /** Of the photos in the library, those that were so already (membership-already.ts): left as they were. */
  unchanged?: number;
}

/** The photo an edit is about: its path, and its content hash when it is in the library. */
type EditedPhoto = { path: string; hash: string | null };

/** Per open library (so per model), each album's members with the key they were computed under. */
const membersCache = new WeakMap<AlbumLibrary, Map<string, { key: string; members: Promise<Members> }>>();

/** First page of a threshold search; grows 4x while the page is full of matches. */
const FIRST_PAGE = 256;

export class AlbumService {
  constructor(private readonly library: AlbumLibrary) {}

  /** A new album; without a threshold it is automatic (album-query.ts); with an empty query, hand-picked. */
  async create(name: string, query: string, options: CreateAlbumOptions = {}): Promise<AlbumDefinition> {
    return (await this.createPinned(name, query, [], options)).album;
  }

  /**
   * A new album with `pins` pinned into it, in that order, saved in the one write that makes it:
   * a wrong path, or a crash, never leaves an empty album behind whose name then blocks the retry.
   * Paths the library does not hold are left out and returned; when it holds none of them,
   * nothing is made (an AlbumError with `missingPhotos`).
   */
  async createPinned(name: string, query: string, pins: readonly string[], options: CreateAlbumOptions = {}): Promise<CreatedAlbum> {
    const fields: AlbumFields = { name, query, ...(options.threshold !== undefined ? { threshold: options.threshold } : {}), ...(options.filters ? { filters: options.filters } : {}) };
    // The store write() takes: the CLI's readable() would open a second, read-only one first.
    const store = await this.library.writable();
    const { photos, missing } = await photosIn(store, pins, true);
    if (pins.length > 0 && photos.length === 0) throw noPhotoToPin(missing);
    const existing = options.replace ? await store.getAlbum(albumNameKey(checkAlbumName(name))) : null;
    return { album: await this.write(fields, existing ? checkAlbumName(name) : undefined, undefined, photos), missing };
  }

  /**
   * Creates an album, or with `previousName` edits that album (renaming it when the name
   * changed), keeping its pinned and excluded photos: they are the user's handwork, and a
   * tweaked query or threshold must not throw them away. With `revision` (what the editor got
   * in AlbumInfo), refused when the album changed since (album-revision.ts): checked here, in
   * the same serialised call as the write (albums-api.ts), so nothing can slip in between.
   */
  async save(fields: AlbumFields, previousName?: string, revision?: string): Promise<AlbumDefinition> {
    return this.write(fields, previousName, revision, []);
  }

  /** save, with `pins` (library photos) pinned into the album in the same write. */
  private async write(fields: AlbumFields, previousName: string | undefined, revision: string | undefined, pins: readonly EditedPhoto[]): Promise<AlbumDefinition> {
    const store = await this.library.writable();
    const name = checkAlbumName(fields.name);
    const previous = previousName === undefined ? null : await this.get(previousName);
    if (previous) checkRevision(previous, revision);
    if (name !== previous?.name) await refuseTakenName(store, name, previous?.name);
    const album: AlbumDefinition = {
      ...(await this.checkedFields(fields, previous)),
      name,
      pinned: previous?.pinned ?? [],
      excluded: previous?.excluded ?? [],
      hashes: previous?.hashes ?? {},
      ...(previous?.copiesBeside ? { copiesBeside: previous.copiesBeside } : {}),
      createdAt: previous?.createdAt ?? Date.now(),
    };
    if (pins.length) {
      applyMembership(album, pins, 'pinned');
      await this.withHashes(store, album, pins);
    }
    // The new record first: a crash in between leaves both names, never neither.
    await this.put(store, album);
    if (previous && previous.name !== name) await store.removeAlbum(previous.name);
    return album;
  }

  /**
   * The members an album with these fields would have now, before pins and exclusions,
   * without saving anything: the editor's live count. Not cached (a draft changes per key).
   */
  async preview(fields: Omit<AlbumFields, 'name'>): Promise<{ members: AlbumMember[]; threshold: number }> {
    const draft: AlbumDefinition = { ...(await this.checkedFields(fields)), name: 'preview', pinned: [], excluded: [], hashes: {}, createdAt: 0 };
    const found = await this.computeMembers(draft);
    // A draft has no pins: "0 photos" would hide why; the editor says the model's line instead.
    if (found.notEmbedded) throw found.notEmbedded;
    return found;
  }

  /**
   * Query, threshold and filters as an album keeps them, with the directory relative image
   * paths resolve against and the images' embeddings (those `previous` kept stay); a query
   * that cannot run fails now.
   */
  private async checkedFields(
    fields: Omit<AlbumFields, 'name'>,
    previous?: AlbumDefinition | null,
  ): Promise<Pick<AlbumDefinition, 'query' | 'threshold' | 'filters' | 'queryDir' | 'queryImages'>> {
    const query = fields.query.trim();
    // A query cleared in the editor (or `edit --query ''`) would silently swap the photos the
    // album matched for its pins, dropping its threshold and filters: a hand-picked album is
    // made as one, never by emptying a smart one.
    if (!query && previous?.query.trim()) throw new AlbumError(`"${previous.name}" finds its photos by its query: it keeps one (an album of photos picked by hand is made new, without a query)`, true);
    if (!query) {
      // Hand-picked: its pins are its photos; a cut-off or a filter would have nothing to act on.
      if (fields.threshold != null) throw new AlbumError('a hand-picked album (no query) has no threshold: give a query, or leave the threshold out', true);
      if (hasFilters(fields.filters)) throw new AlbumError('a hand-picked album (no query) has no filters: give a query, or leave the filters out', true);
      return { query: '', threshold: null, filters: {}, queryDir: null, queryImages: {} };
    }
    const threshold = fields.threshold == null ? null : checkThreshold(fields.threshold);
    // The directory its image paths (`./beach.jpg`) resolve against: where it was written. An
    // album renamed or refiltered elsewhere with its query unchanged keeps it (those paths
    // would name other files, or none, from there).
    const queryDir = previous && previous.query === query ? previous.queryDir : process.cwd();
    const queryImages = await queryImageVectors(this.library, { query, queryDir, queryImages: previous?.queryImages ?? {} });
    await albumQuery(this.library, { query, threshold, queryDir, queryImages }); // a query that cannot run fails now, not at every read
    // Dates in the one form an album keeps (album-dates.ts): a bad one is search's QueryError.
    const filters = canonicalDates({ ...(fields.filters ?? {}) });
    if (filters.folder !== undefined) filters.folder = path.resolve(filters.folder);
    // A label no set has is refused now, as search's --tag refuses it (its QueryError, worded
    // for each front end: shared/app-wording.ts).
    if (filters.tag !== undefined) await inAppWords(photosWithTag(this.library, filters.tag.trim()));
    if (filters.favourite !== true) delete filters.favourite; // stored only when it narrows
    if (filters.place !== undefined) {
      filters.place = filters.place.replace(/\s+/g, ' ').trim();
      await this.refuseEmptyOrUnknownPlace(filters.place);
    }
    if (emptyDateRange(filters)) {
      throw new AlbumError('the date range is empty: "after" must be earlier than "before"', true);
    }
    return { query, threshold, filters, queryDir, queryImages };
  }

  /**
   * Search's --place rules, the one rule for filters (search/filters.ts): a place that names
   * nothing (" , ") is refused in search's words (search/place-filter.ts), and a place no photo
   * was taken at that is no town or country at all is a typo, refused, not an album of 0 photos.
   */
  private async refuseEmptyOrUnknownPlace(place: string): Promise<void> {
    const there = await inAppWords(hashesAtPlace(await this.library.readable(), place));
    const unknown = there.size === 0 ? unknownPlace(place) : null;
    if (unknown !== null) throw new AlbumError(appWording(unknown), true, undefined, unknown);
  }

  /** The album a name names, its surrounding spaces ignored (as every name is saved). */
  async get(name: string): Promise<AlbumDefinition> {
    const key = albumNameKey(name);
    const record = await (await this.library.readable()).getAlbum(key);
    if (!record) throw new AlbumError(`no album named "${key}"`, false, undefined, `no album named "${key}" (shoebox albums list)`);
    return parseAlbum(record.json);
  }

  async list(): Promise<AlbumSummary[]> {
    const records = await (await this.library.readable()).listAlbums();
    const out: AlbumSummary[] = [];
    for (const r of records) out.push(await this.summarise(parseAlbum(r.json)));
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** One album with its member count and the threshold in effect. */
  async summary(name: string): Promise<AlbumSummary> {
    return this.summarise(await this.get(name));
  }

  async members(name: string): Promise<AlbumMember[]> {
    return (await this.membersOf(await this.get(name))).members;
  }

  /** Pins a library photo into the album (and un-excludes it). */
  async pin(name: string, photoPath: string): Promise<AlbumDefinition> {
    return (await this.setOne(name, photoPath, 'pin')).album;
  }

  /** Keeps a photo out of the album whatever its score (and un-pins it). */
  async exclude(name: string, photoPath: string): Promise<AlbumDefinition> {
    return (await this.setOne(name, photoPath, 'exclude')).album;
  }

  /** Undoes a pin or an exclusion. */
  async unpin(name: string, photoPath: string): Promise<AlbumDefinition> {
    return (await this.setOne(name, photoPath, 'unpin')).album;
  }

  /** pin, exclude or unpin one photo, saying whether that changed the album's pins or exclusions. */
  async setOne(name: string, photoPath: string, edit: 'pin' | 'exclude' | 'unpin'): Promise<MembershipChange> {
    const membership = edit === 'pin' ? 'pinned' : edit === 'exclude' ? 'excluded' : 'none';
    const change = await this.setMembership(name, [photoPath], membership);
    if (change.missing.length && membership !== 'none') throw new AlbumError(`not in the library: ${change.missing[0]}`);
    return change;
  }

  /**
   * Pins, excludes or frees many photos in one change of the album (a selection of thousands
   * is one write, not one per photo). `missing`: the paths not in the library; pinned and
   * excluded photos must be in it (those are left out), freeing takes any path.
   */
  async setMembership(name: string, photoPaths: readonly string[], membership: 'pinned' | 'excluded' | 'none'): Promise<MembershipChange> {
    return this.edit(name, photoPaths, membership, (album, photos, excludedNow) => applyMembership(album, photos, membership, excludedNow));
  }

  async remove(name: string): Promise<void> {
    const album = await this.get(name);
    await (await this.library.writable()).removeAlbum(album.name);
  }

  /** Exports the current members as symbolic links (default) or copies into `dir`. */
  async export(name: string, dir: string, options: { copy?: boolean } = {}): Promise<ExportReport> {
    const abs = path.resolve(dir);
    // Before anything is written: the CLI and the API refuse the same folders, the same way.
    checkExportDir(abs, (await (await this.library.readable()).listFolders()).map((f) => f.path));
    const paths = (await this.members(name)).map((m) => m.path);
    const turns = await turnsByPath(await this.library.readable(), paths);
    const videos = await videosAmong(await this.library.readable(), paths);
    const edits = await editsByPath(await this.library.readable(), paths);
    return exportPhotos(paths, abs, { mode: options.copy ? 'copy' : 'symlink', turns, videos, edits });
  }

  private async edit(
    name: string,
    photoPaths: readonly string[],
    membership: 'pinned' | 'excluded' | 'none',
    change: (album: AlbumDefinition, photos: EditedPhoto[], excludedNow?: ReadonlySet<string>) => void,
  ): Promise<MembershipChange> {
    const store = await this.library.writable();
    const album = await this.get(name);
    const { photos, missing } = await photosIn(store, photoPaths, membership !== 'none');
    if (photos.length === 0) return { album, missing, changed: false, unchanged: 0 };
    const before = JSON.stringify([album.pinned, album.excluded]);
    // Where the album's exclusions are now, read only by an edit that excludes (a pin or an
    // unpinning needs no resolving of every entry); a hand-picked album's exclusion is an unpinning.
    const excludes = membership === 'excluded' && !isHandPicked(album);
    const excludedNow = excludes ? (await resolvePins(store, album)).excluded : undefined;
    // Read from the album before the change: photos so already are said apart.
    const unchanged = alreadySo(album, photos, membership, excludedNow);
    change(album, photos, excludedNow);
    // Unpinning a photo that was neither pinned nor excluded changes nothing, which the caller says.
    const changed = JSON.stringify([album.pinned, album.excluded]) !== before;
    await this.withHashes(store, album, photos);
    // With the copies beside each new exclusion (they stay shown when it is trashed); any other
    // edit only drops the records of the entries it freed.
    if (excludes) await recordCopiesBeside(store, album);
    else forgetFreedRecords(album);
    await this.put(store, album);
    return { album, missing, changed, unchanged };
  }

  /**
   * Keeps a hash for every pinned and excluded path (the edited photos' as they are now, the
   * others' as they were; an old album's entries get theirs from their rows) and none for
   * paths no longer listed.
   */
  private async withHashes(store: AlbumStore, album: AlbumDefinition, edited: readonly EditedPhoto[]): Promise<void> {
    const entries = new Set([...album.pinned, ...album.excluded]);
    const hashes: Record<string, string> = {};
    for (const p of entries) if (album.hashes[p] !== undefined) hashes[p] = album.hashes[p];
    for (const photo of edited) if (photo.hash !== null && entries.has(photo.path)) hashes[photo.path] = photo.hash;
    const missing = [...entries].filter((p) => hashes[p] === undefined);
    if (missing.length) for (const [p, row] of await store.photosByPath(missing)) hashes[p] = row.hash;
    album.hashes = hashes;
  }

  private async summarise(album: AlbumDefinition): Promise<AlbumSummary> {
    try {
      const { members, videos, threshold, current, excludedMatches, notEmbedded } = await this.membersOf(album);
      // Not embedded: its pins are its members for now, and an index run brings its matches.
      return { ...album, members: members.length, videos, handPicked: isHandPicked(album), effectiveThreshold: threshold, current, excludedMatches, ...(notEmbedded ? { notEmbedded: firstLine(notEmbedded) } : {}) };
    } catch (error) {
      // This album alone: the list, the sidebar and `albums list` still show every other one.
      const message = firstLine(error);
      // Not broken: nothing to edit or remove, only photos to embed with this model.
      const broken = error instanceof NotEmbeddedError ? { notEmbedded: message } : { error: message, reason: brokenReason(error, message) };
      return { ...album, members: 0, videos: 0, handPicked: isHandPicked(album), effectiveThreshold: isHandPicked(album) ? 0 : (album.threshold ?? DEFAULT_ALBUM_THRESHOLD), current: { pinned: [], excluded: [] }, excludedMatches: 0, ...broken };
    }
  }

  private async put(store: AlbumStore, album: AlbumDefinition): Promise<void> {
    await store.putAlbum({ name: album.name, json: JSON.stringify(album), updatedAt: Date.now() });
  }

  /**
   * The members, computed once per state of the library: every grid page and every sidebar
   * refresh reads them, and a large album costs a few filtered vector searches. Keyed by the album's definition and the store's data version
   * (and the label sets, for a tag filter), so an edit, an indexed or removed photo, a tag change or a label set removed computes them again.
   */
  private async membersOf(album: AlbumDefinition): Promise<Members> {
    const store = await this.library.readable();
    // A tag filter also depends on the label sets: a set removed (or imported again) without a
    // tag changing leaves the data version as it was, and the filter must be read again.
    const sets = album.filters.tag === undefined ? [] : (await store.listLabelSets()).map((r) => [r.name, r.updatedAt]);
    const key = `${await store.dataVersion()}|${JSON.stringify(sets)}|${JSON.stringify(album)}`;
    let cache = membersCache.get(this.library);
    if (!cache) membersCache.set(this.library, (cache = new Map()));
    const cached = cache.get(album.name);
    if (cached?.key === key) return cached.members;
    const members = this.computeMembers(album).then((found) => withVideoCount(store, found));
    cache.set(album.name, { key, members });
    members.catch(() => {
      if (cache.get(album.name)?.members === members) cache.delete(album.name);
    });
    return members;
  }

  private async computeMembers(album: AlbumDefinition): Promise<FoundMembers> {
    const store = await this.library.readable();
    if (isHandPicked(album)) {
      // Its pins where the photos are now, in the order they were pinned; no query, no filters.
      const { pinned, excluded } = await resolvePins(store, album);
      const paths = [...pinned.keys()].filter((p) => !excluded.has(p));
      return { members: paths.map((p) => ({ path: p, score: 0, pinned: true })), threshold: 0, current: { pinned: paths, excluded: [] }, excludedMatches: 0 };
    }
    let matched: { vector: Float32Array; threshold: number; hits: VectorHit[] };
    try {
      matched = await this.matches(store, album);
    } catch (error) {
      // Nothing embedded with the model in use: the query matches nothing yet, but the pins are
      // the user's handwork and need no embedding: they stay (in pin order, with no score).
      if (!(error instanceof NotEmbeddedError)) throw error;
      const { pinned, excluded } = await resolvePins(store, album);
      const paths = [...pinned.keys()].filter((p) => !excluded.has(p));
      const threshold = album.threshold ?? DEFAULT_ALBUM_THRESHOLD;
      return { members: paths.map((p) => ({ path: p, score: 0, pinned: true })), threshold, current: { pinned: paths, excluded: [...excluded] }, excludedMatches: 0, notEmbedded: error };
    }
    const { vector, threshold, hits } = matched;
    // Pins and exclusions where the photos are now (they follow moves and renames), then the
    // pins below the cut-off: two queries for all of them (a lookup each cost ~5 ms at 100k).
    // A pinned photo whose content left the library leaves the album.
    const { pinned, excluded } = await resolvePins(store, album);
    const members = new Map<string, AlbumMember>();
    for (const h of hits) if (!excluded.has(h.path)) members.set(h.path, { path: h.path, score: h.score, pinned: pinned.has(h.path) });
    const outside = [...pinned].filter(([p]) => !members.has(p) && !excluded.has(p));
    const vectors = outside.length ? await store.vectorsByHash([...new Set(outside.map(([, hash]) => hash))]) : new Map<string, Float32Array>();
    // A pin the model in use has not embedded yet (indexed under another model) stays, with no
    // score (0): pinned by hand, it needs no embedding to be in the album.
    for (const [p, hash] of outside) {
      const v = vectors.get(hash);
      members.set(p, { path: p, score: v ? dot(vector, v) : 0, pinned: true });
    }
    const sorted = [...members.values()].sort((a, b) => b.score - a.score || (a.path < b.path ? -1 : 1));
    const excludedMatches = hits.filter((h) => excluded.has(h.path)).length;
    return { members: sorted, threshold, current: { pinned: [...pinned.keys()].filter((p) => !excluded.has(p)), excluded: [...excluded] }, excludedMatches };
  }

  /** The query's vector, the cut-off in effect and the photos above it within the filters (a NotEmbeddedError when the model in use embedded none). */
  private async matches(store: AlbumStore, album: AlbumDefinition): Promise<{ vector: Float32Array; threshold: number; hits: VectorHit[] }> {
    const { vector, threshold } = await albumQuery(this.library, album);
    const { filters } = album;
    // Folder, dates and the cut-off go into the vector query itself (LanceDB prefilters):
    // reading every photo's date to filter afterwards cost a full scan at 100k photos.
    const scope: PhotoFilter = {
      ...(filters.folder !== undefined ? { folder: filters.folder } : {}),
      ...dateScope(filters),
      // The tag as search's --tag reads it (one policy: any set, case-insensitive), the
      // favourites and the place, prefiltered (together: the photos that are all of them).
      ...(await albumHashes(this.library, store, filters)),
    };
    return { vector, threshold, hits: await hitsAbove(store, vector, threshold, scope) };
  }
}

/** The refusal of a new album given only photos the library does not hold (`missing`): nothing is made. */
export function noPhotoToPin(missing: readonly string[]): AlbumError {
  return new AlbumError('none of these photos is in the library (any more): no album made', false, undefined, undefined, missing);
}

/** What pinning, excluding or freeing `photos` does to the album's lists (setMembership's one rule, a new album's pins too). */
function applyMembership(album: AlbumDefinition, photos: readonly EditedPhoto[], membership: 'pinned' | 'excluded' | 'none', excludedNow?: ReadonlySet<string>): void {
  const named = namesAny(album, photos);
  // The places of the pins the previous edit took out serve this edit only (album-pin-order.ts).
  const lastRemoved = album.lastRemoved;
  delete album.lastRemoved;
  const unpin = () => {
    const removed = removedPins(album, named);
    if (removed.length) album.lastRemoved = removed;
    album.pinned = album.pinned.filter((p) => !named(p));
  };
  // A hand-picked album holds only its pins: excluding a photo from it is unpinning it.
  if (membership === 'none' || (membership === 'excluded' && isHandPicked(album))) {
    unpin();
    album.excluded = album.excluded.filter((p) => !named(p));
    return;
  }
  if (membership === 'pinned') album.excluded = album.excluded.filter((p) => !named(p));
  else unpin();
  const into = membership === 'pinned' ? 'pinned' : 'excluded';
  // A pin already listed (by its path, or by a copy's with the same contents) is not listed again:
  // copies pinned are one entry. An exclusion stays with its own path (excluded-copies.ts), so
  // each path excluded is its own entry, copies in one edit too (the app's selection holding both
  // copies excludes both); a path is not listed again where an entry excludes it now
  // (`excludedNow`: an excluded photo moved there).
  const byPath = into === 'excluded';
  const listedPaths = new Set(byPath ? [...album.excluded, ...(excludedNow ?? [])] : album.pinned);
  const listedHashes = new Set(byPath ? [] : album.pinned.flatMap((p) => album.hashes[p] ?? []));
  const added: EditedPhoto[] = [];
  for (const photo of photos) {
    if (listedPaths.has(photo.path) || (photo.hash !== null && listedHashes.has(photo.hash))) continue;
    added.push(photo);
    listedPaths.add(photo.path);
    if (photo.hash !== null && !byPath) listedHashes.add(photo.hash);
  }
  // Pins put back by the next edit (an Undo) go back to their places; the others at the end.
  album[into] = into === 'pinned' ? withPinsAdded(album.pinned, added, lastRemoved) : [...album.excluded, ...added.map((p) => p.path)];
}

/** The photos at `photoPaths` (each once) with their content hashes, and the paths the library
 *  does not hold (`missing`), which are left out when they must be indexed. */
async function photosIn(store: AlbumStore, photoPaths: readonly string[], mustBeIndexed: boolean): Promise<{ photos: EditedPhoto[]; missing: string[] }> {
  const wanted = [...new Set(photoPaths.map((p) => path.resolve(p)))];
  const rows = wanted.length ? await store.photosByPath(wanted) : new Map<string, { hash: string }>();
  const missing = wanted.filter((p) => !rows.has(p));
  const photos = wanted.filter((p) => !mustBeIndexed || rows.has(p)).map((p) => ({ path: p, hash: rows.get(p)?.hash ?? null }));
  return { photos, missing };
}

/** An error's first line (the one line a summary says). */
function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

/**
 * Why a broken album holds no photo, in the app's words, for its notice to say with its remedy
 * after it: an unknown tag by its error's code, in the words the album editor and the filter
 * bar use (shared/app-wording.ts), anything else as appWording has it.
 */
function brokenReason(error: unknown, message: string): string {
  return error instanceof QueryError && error.detail?.code === 'unknown-tag' ? unknownTagReasonText(error.detail.label) : appWording(message);
}

/** The members with how many of them the library holds as videos (one lookup, cached with them). */
async function withVideoCount(store: AlbumStore, found: FoundMembers): Promise<Members> {
  const paths = found.members.map((m) => m.path);
  return { ...found, videos: paths.length === 0 ? 0 : (await videosAmong(store, paths)).size };
}

/** Every photo in `scope` whose cosine to `vector` is at least `threshold`, best first. */
async function hitsAbove(store: AlbumStore, vector: Float32Array, threshold: number, scope: PhotoFilter): Promise<VectorHit[]> {
  const total = await store.countPhotos(scope.folder === undefined ? {} : { folder: scope.folder });
  for (let limit = FIRST_PAGE; ; limit *= 4) {
    const hits = await store.searchVectors({ ...scope, vector, limit: Math.min(limit, Math.max(total, 1)), minScore: threshold });
    if (hits.length < limit || limit >= total) return hits.filter((h) => h.score >= threshold);
  }
}

/** Whether any filter narrows (a `favourite: false` or an undefined field does not). */
function hasFilters(filters: AlbumFilters | undefined): boolean {
  // The clock alone narrows nothing (it only reads the dates: album-dates.ts).
  return Object.entries(filters ?? {}).some(([key, value]) => value !== undefined && key !== 'utcOffset' && !(key === 'favourite' && value !== true));
}

/** The content hashes the tag, favourites and place filters allow together; {} when none is set. */
async function albumHashes(library: AlbumLibrary, store: AlbumStore, filters: AlbumFilters): Promise<{ hashes?: string[] }> {
  let hashes: string[] | null = filters.tag !== undefined ? ((await photosWithTag(library, filters.tag.trim())).hashes ?? []) : null;
  const narrow = (allowed: ReadonlySet<string>) => {
    hashes = hashes ? hashes.filter((h) => allowed.has(h)) : [...allowed];
  };
  if (filters.favourite) narrow(await store.favouriteHashes());
  if (filters.place !== undefined) narrow((await hashesTakenAt(store, filters.place)) ?? new Set());
  return hashes ? { hashes } : {};
}

/**
 * Refuses `name` when another album has it, or has it but for case ("reds" beside "Reds" reads
 * as the same album in a list): the one already there is named. `previous`, the album being
 * renamed, does not count. Pairs made before this rule stay, each opened by its exact name.
 */
async function refuseTakenName(store: AlbumStore, name: string, previous: string | undefined): Promise<void> {
  if (await store.getAlbum(name)) throw new AlbumError(`an album named "${name}" already exists`, false, name);
  const folded = name.toLocaleLowerCase();
  const other = (await store.listAlbums()).find((r) => r.name !== previous && r.name.toLocaleLowerCase() === folded);
  if (other) throw new AlbumError(`an album named "${other.name}" already exists (names that differ only in case are one name): choose another name`, true);
}

/** A filter's QueryError (search's, worded for the command line) as an AlbumError that words it for each front end. */
async function inAppWords<T>(check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    // An unknown tag by its code, in the words the filter bar uses (shared/app-wording.ts).
    const appText = error.detail?.code === 'unknown-tag' ? unknownTagAppText(error.detail.label) : appWording(error.message);
    throw new AlbumError(appText, true, undefined, error.message);
  }
}
