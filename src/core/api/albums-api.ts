// LibraryApi's smart-album methods over src/core/albums (AlbumService does the work; this
// turns ids into paths, pages members into AlbumPhotos and definitions into AlbumInfos).
//
// Membership is computed when an album is read, so it follows indexing and removal without
// bookkeeping here. Edits of one album are read-modify-write of its JSON row: they are run
// one after another, so two quick clicks (exclude, exclude) cannot lose one of them.
import path from 'node:path';
import type { AlbumDraft, AlbumExportReport, AlbumInfo, AlbumInput, AlbumMembership, AlbumPage, AlbumPhoto, AlbumPreview, PageOptions, PhotoHit } from '../../shared/api';
import { AlbumService, type AlbumSummary } from '../albums/album-service';
import type { LibraryService } from '../library/library-service';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId, photoId } from './photo-id';
import { toHit } from './photo-views';

export type AlbumsMethods = ApiMethods<'listAlbums' | 'saveAlbum' | 'removeAlbum' | 'albumPhotos' | 'previewAlbum' | 'setAlbumMembership' | 'exportAlbum'>;

export function albumsApi(ctx: ApiContext): AlbumsMethods {
  let writes: Promise<unknown> = Promise.resolve();
  /** Runs album writes one at a time, in call order. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = writes.then(work);
    writes = next.catch(() => undefined);
    return next;
  };
  const service = async (): Promise<AlbumService> => new AlbumService(await ctx.need());

  return {
    async listAlbums(): Promise<AlbumInfo[]> {
      const lib = await ctx.open();
      if (!lib) return [];
      return (await new AlbumService(lib).list()).map(toInfo);
    },

    saveAlbum(album: AlbumInput, previousName?: string): Promise<AlbumInfo> {
      return serial(async () => {
        const albums = await service();
        const saved = await albums.save(
          { name: album.name, query: album.query, ...(album.threshold !== undefined ? { threshold: album.threshold } : {}), ...(album.filters ? { filters: album.filters } : {}) },
          previousName,
        );
        return toInfo(await albums.summary(saved.name));
      });
    },

    removeAlbum(name: string): Promise<void> {
      return serial(async () => (await service()).remove(name));
    },

    async albumPhotos(name: string, options: PageOptions = {}): Promise<AlbumPage> {
      const lib = await ctx.need();
      const { offset, limit } = ctx.page(options);
      const members = await new AlbumService(lib).members(name);
      const store = await lib.readable();
      const slice = members.slice(offset, offset + limit);
      const rows = await store.photosByPath(slice.map((m) => m.path));
      // A row gone between the two reads (deleted meanwhile) is left out of this page.
      const photos = slice.flatMap((m): AlbumPhoto[] => {
        const row = rows.get(m.path);
        return row ? [{ ...toHit(row, m.score), pinned: m.pinned }] : [];
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
      const rows = await (await lib.readable()).photosByPath(slice.map((m) => m.path));
      const photos = slice.flatMap((m): PhotoHit[] => {
        const row = rows.get(m.path);
        return row ? [toHit(row, m.score)] : [];
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

    async exportAlbum(name: string, dir: string, copy = false): Promise<AlbumExportReport> {
      const lib = await ctx.need();
      const target = dir.trim();
      if (!path.isAbsolute(target)) throw new Error(`give the export folder's full path, e.g. /home/me/Exports/${name} (got "${dir}")`);
      // A folder inside the library is refused by AlbumService.export (as for the CLI).
      const report = await new AlbumService(lib).export(name, path.resolve(target), { copy });
      // Photos already there from an earlier export count as exported: the folder holds them.
      return { dir: report.dir, exported: report.exported + report.skipped, failed: report.failed };
    },
  };
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
    // Where the pinned and excluded photos are now: a moved photo keeps its pin or exclusion.
    pinned: album.current.pinned.length,
    excluded: album.current.excluded.length,
    excludedIds: album.current.excluded.map(photoId),
    createdAt: album.createdAt,
    ...(album.error !== undefined ? { error: album.error } : {}),
  };
}
