// LibraryApi's smart-album methods over src/core/albums (AlbumService does the work; this
// turns ids into paths, pages members into AlbumPhotos and definitions into AlbumInfos).
//
// Membership is computed when an album is read, so it follows indexing and removal without
// bookkeeping here. Edits of one album are read-modify-write of its JSON row: they are run
// one after another, so two quick clicks (exclude, exclude) cannot lose one of them.
// AlbumsForeground is the CLI's share (`shoebox albums`): by path, with every member.
import { typedFolder } from './typed-folder';
import type { AlbumDraft, BatchResult, AlbumExportReport, AlbumInfo, AlbumInput, AlbumMembership, AlbumPage, AlbumPhoto, AlbumPreview, PageOptions, PhotoHit } from '../../shared/api';
import { AlbumError, type AlbumFilters } from '../albums/album';
import { editFields, type ExportReport } from '../albums/album-export';
import { AlbumService, noPhotoToPin, type AlbumMember, type AlbumSummary } from '../albums/album-service';
import { albumDate } from '../albums/album-dates';
import { albumRevision } from '../albums/album-revision';
import { notEmbeddedNote } from '../search/embedding-coverage';
import type { LibraryService } from '../library/library-service';
import { otherModelOfferIn } from './models-info';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId, photoId } from './photo-id';
import { readMarks, toHit } from './photo-views';

export type AlbumsMethods = ApiMethods<'listAlbums' | 'saveAlbum' | 'removeAlbum' | 'albumPhotos' | 'previewAlbum' | 'setAlbumMembership' | 'setAlbumMemberships' | 'exportAlbum'>;

export type { AlbumFilters, AlbumMember, AlbumSummary, ExportReport };

/** An album as typed on a command line: dates as text, read by search's one date parser. */
export interface AlbumRequest {
  name: string;
  /** Empty: a hand-picked album (its photos are the ones pinned to it). */
  query: string;
  threshold?: number;
  folder?: string;
  tag?: string;
  /** Only the favourites. */
  favourite?: boolean;
  /** Only photos taken there (a town, a country, or "town, country"). */
  place?: string;
  /** `2021`, `2021-06`, `2021-06-15`, ... as search's --after/--before (src/core/search/dates.ts);
   *  an impossible date (2021-02-30) is a QueryError. */
  after?: string;
  before?: string;
  /** The clock the dates read a file time on (AlbumFilters.utcOffset): the command line's machine's. */
  utcOffset?: number;
  /** Replace an album of the same name (keeping its pins and exclusions) instead of failing. */
  replace?: boolean;
  /** Photo paths pinned into it in the same write, in this order (AlbumService.createPinned). */
  pins?: string[];
}

/** An album with every member, best first. */
export interface AlbumView {
  album: AlbumSummary;
  /** None when the album is broken (`album.error` says why): it still opens, to be mended or removed. */
  members: AlbumMember[];
  /** Of `members`, the videos: the album's count says photos and videos apart ("4 photos, 1 video"). */
  videos: number;
  /** After an edit (pin, exclude, unpin): whether it changed the album's pins or exclusions. */
  changed?: boolean;
}

export interface AlbumsForeground {
  /** `missing`: of `request.pins`, the paths the library does not hold (left out); when it holds
   *  none of them, nothing is made (an AlbumError with `missingPhotos`). */
  createAlbum(request: AlbumRequest): Promise<AlbumView & { missing: string[] }>;
  /** Every album with its member count (a broken one with its error). */
  albumSummaries(): Promise<AlbumSummary[]>;
  albumView(name: string): Promise<AlbumView>;
  /** Pins, excludes or unpins a photo given by path. */
  editAlbum(name: string, photoPath: string, edit: 'pin' | 'exclude' | 'unpin'): Promise<AlbumView>;
  /** exportAlbum with the whole report (links or copies made, already there, failed). */
  exportAlbumTo(name: string, dir: string, copy: boolean): Promise<ExportReport>;
  /** Why smart albums may miss photos: some or all not embedded with the model in use (one
   *  line, search's wording), or null when every photo is. */
  notEmbeddedNote(): Promise<string | null>;
}

/** The filters of a request as an album keeps them, dates read by search's one date parser
 *  (a bad one is a QueryError naming the option, before the library opens). */
export function albumFilters(request: Pick<AlbumRequest, 'folder' | 'tag' | 'favourite' | 'place' | 'after' | 'before' | 'utcOffset'>): AlbumFilters {
  const after = request.after === undefined ? undefined : albumDate(request.after, '--after');
  const before = request.before === undefined ? undefined : albumDate(request.before, '--before');
  return {
    ...(request.folder !== undefined ? { folder: request.folder } : {}),
    ...(request.tag !== undefined ? { tag: request.tag } : {}),
    ...(request.favourite ? { favourite: true } : {}),
    ...(request.place !== undefined ? { place: request.place } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(request.utcOffset !== undefined ? { utcOffset: request.utcOffset } : {}),
  };
}

export function albumsApi(ctx: ApiContext): AlbumsMethods & AlbumsForeground {
  /** Runs album writes one at a time, in call order (with the duplicates trash's hand-over). */
  const serial = ctx.writes.albums;
  const service = async (): Promise<AlbumService> => new AlbumService(await ctx.need());

  return {
    async listAlbums(): Promise<AlbumInfo[]> {
      const lib = await ctx.open();
      if (!lib) return [];
      return (await new AlbumService(lib).list()).map(toInfo);
    },

    saveAlbum(album: AlbumInput, previousName?: string, revision?: string): Promise<AlbumInfo> {
      // In the album writes' one queue: the revision is checked against the album as this write
      // finds it, so a CLI edit that landed first is never overwritten (album-revision.ts).
      return serial(async () => {
        const albums = await service();
        const fields = { name: album.name, query: album.query, ...(album.threshold !== undefined ? { threshold: album.threshold } : {}), ...(album.filters ? { filters: album.filters } : {}) };
        if (album.pins !== undefined) {
          // A new album with its first photos, in one write (the selection's "New album").
          if (previousName !== undefined) throw new AlbumError('pins are given to a new album only: an existing one is pinned to with setAlbumMemberships', true);
          const paths = album.pins.flatMap((id) => pathFromPhotoId(id) ?? []);
          const unreadable = new Set(album.pins).size - new Set(paths).size;
          if (album.pins.length > 0 && paths.length === 0) throw noPhotoToPin([]);
          const created = await albums.createPinned(fields.name, fields.query, paths, fields);
          const missingPins = created.missing.length + unreadable;
          return { ...toInfo(await albums.summary(created.album.name)), ...(missingPins ? { missingPins } : {}) };
        }
        const saved = await albums.save(fields, previousName, revision);
        return toInfo(await albums.summary(saved.name));
      });
    },

    removeAlbum(name: string): Promise<void> {
      return serial(async () => (await service()).remove(name));
    },

    async albumPhotos(name: string, options: PageOptions = {}): Promise<AlbumPage> {
      const lib = await ctx.need();
      const { offset, limit } = ctx.page(options);
      const albums = new AlbumService(lib);
      // A broken album opens empty (listAlbums gives its `error`, which the app shows), as in the CLI.
      // One whose photos are not embedded with the model in use opens with its pins (album-service.ts notEmbedded).
      if (opensEmpty(await albums.summary(name))) return { total: 0, offset, photos: [] };
      const members = await albums.members(name);
      const store = await lib.readable();
      const slice = members.slice(offset, offset + limit);
      const [rows, marks] = await Promise.all([store.photosByPath(slice.map((m) => m.path)), readMarks(store)]);
      // A row gone between the two reads (deleted meanwhile) is left out of this page.
      const photos = slice.flatMap((m): AlbumPhoto[] => {
        const row = rows.get(m.path);
        return row ? [{ ...toHit(row, m.score, marks), pinned: m.pinned }] : [];
      });
      return { total: members.length, offset, photos };
    },

    async previewAlbum(draft: AlbumDraft, options: PageOptions = {}): Promise<AlbumPreview> {
      const lib = await ctx.need();
      const { offset, limit } = ctx.page(options);
      const { members, threshold } = await new AlbumService(lib).preview({
        query: draft.query,
        ...(draft.threshold !== undefined ? { threshold: draft.threshold } : {}),
        ...(draft.filters ? { filters: draft.filters } : {}),
      });
      const slice = members.slice(offset, offset + limit);
      const store = await lib.readable();
      const [rows, marks] = await Promise.all([store.photosByPath(slice.map((m) => m.path)), readMarks(store)]);
      const photos = slice.flatMap((m): PhotoHit[] => {
        const row = rows.get(m.path);
        return row ? [toHit(row, m.score, marks)] : [];
      });
      return { total: members.length, threshold, photos };
    },

    setAlbumMembership(name: string, id: string, membership: AlbumMembership): Promise<AlbumInfo> {
      return serial(async () => {
        const lib = await ctx.need();
        const photoPath = await libraryPhoto(lib, id, membership);
        const albums = new AlbumService(lib);
        if (membership === 'pinned') await albums.pin(name, photoPath);
        else if (membership === 'excluded') await albums.exclude(name, photoPath);
        else await albums.unpin(name, photoPath);
        return toInfo(await albums.summary(name));
      });
    },

    setAlbumMemberships(name: string, ids: string[], membership: AlbumMembership): Promise<BatchResult & { album: AlbumInfo }> {
      return serial(async () => {
        const albums = new AlbumService(await ctx.need());
        const paths = [...new Set(ids.flatMap((id) => pathFromPhotoId(id) ?? []))];
        const { missing, unchanged = 0 } = await albums.setMembership(name, paths, membership === 'auto' ? 'none' : membership);
        const unreadable = new Set(ids).size - paths.length;
        // `unchanged` (absent: none): of `done`, the photos so already (pinned, excluded or free), said apart as the CLI says them.
        return { album: toInfo(await albums.summary(name)), done: paths.length - missing.length, missing: missing.length + unreadable, ...(unchanged ? { unchanged } : {}) };
      });
    },

    async exportAlbum(name: string, dir: string, copy = false): Promise<AlbumExportReport> {
      const lib = await ctx.need();
      const target = typedFolder(dir, "the export folder's full path", `/home/me/Exports/${name}`);
      // A folder inside the library is refused by AlbumService.export (as for the CLI).
      const report = await new AlbumService(lib).export(name, target, { copy });
      // Photos already there from an earlier export count as exported: the folder holds them.
      return { dir: report.dir, exported: report.exported + report.skipped, videos: report.exportedVideos + report.skippedVideos, alreadyThere: report.skipped, failed: report.failed, turned: report.turned, unturned: report.unturned, ...editFields(report) };
    },

    async createAlbum(request: AlbumRequest): Promise<AlbumView & { missing: string[] }> {
      const filters = albumFilters(request); // before the library opens: a bad date needs no model
      return serial(async () => {
        const albums = await service();
        // The album and its first photos in one write: a wrong path never leaves an empty album.
        const { album, missing } = await albums.createPinned(request.name, request.query, request.pins ?? [], {
          filters,
          ...(request.threshold !== undefined ? { threshold: request.threshold } : {}),
          ...(request.replace ? { replace: true } : {}),
        });
        return { ...(await view(albums, album.name)), missing };
      });
    },

    async albumSummaries(): Promise<AlbumSummary[]> {
      return (await service()).list();
    },

    async albumView(name: string): Promise<AlbumView> {
      return view(await service(), name);
    },

    editAlbum(name: string, photoPath: string, edit: 'pin' | 'exclude' | 'unpin'): Promise<AlbumView> {
      return serial(async () => {
        const albums = await service();
        const { changed } = await albums.setOne(name, photoPath, edit);
        return { ...(await view(albums, name)), changed };
      });
    },

    async notEmbeddedNote(): Promise<string | null> {
      const lib = await ctx.need();
      // No model on this device: only text in photos is searched, in every photo (search/text-without-model.ts).
      if (lib.modelMissing) return null;
      // Another model has embedded the library, this one few: that model is named (models-info.ts).
      const store = await lib.readable();
      const tables = await store.modelTables().catch(() => []);
      return notEmbeddedNote(store, lib.modelId, otherModelOfferIn(ctx.home, tables, lib.modelId));
    },

    async exportAlbumTo(name: string, dir: string, copy: boolean): Promise<ExportReport> {
      return (await service()).export(name, dir, { copy });
    },
  };
}

async function view(albums: AlbumService, name: string): Promise<AlbumView> {
  const album = await albums.summary(name);
  // A broken album opens empty, its reason in `album.error`, as the README promises (its
  // members would only throw that reason again).
  const members = opensEmpty(album) ? [] : await albums.members(name);
  return { album, members, videos: album.videos };
}

/**
 * Whether the album's members cannot be found now (broken): its members would only throw why
 * again. One not embedded with the model in use is not: its pins are its members until an index run.
 */
function opensEmpty(album: AlbumSummary): boolean {
  return album.error !== undefined;
}

/** The library path an id names; pinning needs a photo still in the library, undoing does not. */
async function libraryPhoto(lib: LibraryService, id: string, membership: AlbumMembership): Promise<string> {
  const photoPath = pathFromPhotoId(id);
  if (!photoPath) throw new Error('not a photo id');
  if (membership !== 'auto' && !(await (await lib.readable()).getPhoto(photoPath))) throw new Error('that photo is not in the library (any more)');
  return photoPath;
}

function toInfo(album: AlbumSummary): AlbumInfo {
  return {
    name: album.name,
    query: album.query,
    threshold: album.effectiveThreshold,
    thresholdAutomatic: album.threshold === null,
    filters: album.filters,
    members: album.members,
    // Said apart by the app as by the CLI ("4 photos, 1 video"): a video is never counted as a photo.
    ...(album.videos ? { videos: album.videos } : {}),
    handPicked: album.handPicked,
    // Where the pinned and excluded photos are now: a moved photo keeps its pin or exclusion.
    pinned: album.current.pinned.length,
    excluded: album.current.excluded.length,
    excludedIds: album.current.excluded.map(photoId),
    // An album left empty by its exclusions says so, not that nothing matches.
    ...(album.excludedMatches ? { excludedMatches: album.excludedMatches } : {}),
    createdAt: album.createdAt,
    revision: albumRevision(album),
    // The app's wording of why it is broken (no command-line options or commands in it).
    ...(album.error !== undefined ? { error: album.reason ?? album.error } : {}),
  };
}
