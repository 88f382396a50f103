// LibraryApi's actions on a selection of photos in a grid that no feature module owns:
// export to a folder and move to the trash. Tagging and album membership go through
// setTagState and setAlbumMembership, one photo at a time, as in the viewer.
//
// The trash is the duplicates trash's path (src/core/dupes/trash-duplicates.ts trashPhotos,
// through DupesService): the same checks right before each move (the indexed bytes, inside
// a library folder, never the real file of a photo that stays), the sidecar along, and the
// photo out of the library, its row kept a while for its return and its content noted, so an import does not bring it back (keepTrashedRows). It runs as a job, so it waits for the writer like every write.
import type { AlbumExportReport, TrashReport } from '../../shared/api';
import { checkExportDir, editFields, exportPhotos } from '../albums/album-export';
import { editsByPath } from '../albums/export-edits';
import { turnsByPath } from '../albums/export-turns';
import { videosAmong } from '../albums/export-videos';
import { DupesService } from '../dupes/dupes-service';
import { keepTrashedRows } from '../library/trashed-contents';
import type { ApiContext, ApiMethods } from './api-context';
import { pathFromPhotoId } from './photo-id';
import { itemsText } from '../../shared/count-text';
import { typedFolder } from './typed-folder';

export interface SelectionOptions {
  /** A freedesktop-layout trash folder instead of the OS trash (SHOEBOX_TRASH_DIR). */
  trashDir?: string;
}

/** The library paths the ids name, in order, once each; ids naming no photo are reported. */
async function photoPaths(ctx: ApiContext, ids: readonly string[]): Promise<{ paths: string[]; unknown: string[] }> {
  const lib = await ctx.need();
  const wanted = [...new Set(ids)].map((id) => ({ id, file: pathFromPhotoId(id) }));
  const rows = await (await lib.readable()).photosByPath(wanted.flatMap((w) => w.file ?? []));
  const paths: string[] = [];
  const unknown: string[] = [];
  for (const { id, file } of wanted) {
    if (file && rows.has(file)) paths.push(file);
    else unknown.push(file ?? id);
  }
  return { paths, unknown };
}

export function selectionApi(ctx: ApiContext, options: SelectionOptions = {}): ApiMethods<'exportPhotos' | 'trashPhotos'> {
  return {
    async exportPhotos(ids: string[], dir: string, copy = false): Promise<AlbumExportReport> {
      const lib = await ctx.need();
      const target = typedFolder(dir, "the export folder's full path", '/home/me/Exports');
      const folders = (await (await lib.readable()).listFolders()).map((f) => f.path);
      // Links or copies inside a library folder would be indexed as new photos.
      checkExportDir(target, folders);
      const { paths, unknown } = await photoPaths(ctx, ids);
      const turns = await turnsByPath(await lib.readable(), paths);
      const videos = await videosAmong(await lib.readable(), paths);
      const edits = await editsByPath(await lib.readable(), paths);
      const report = exportPhotos(paths, target, { mode: copy ? 'copy' : 'symlink', turns, videos, edits });
      return {
        dir: report.dir,
        exported: report.exported + report.skipped,
        videos: report.exportedVideos + report.skippedVideos,
        alreadyThere: report.skipped,
        turned: report.turned,
        unturned: report.unturned,
        ...editFields(report),
        failed: [...report.failed, ...unknown.map((p) => ({ path: p, error: 'not in the library (any more)' }))],
      };
    },

    async trashPhotos(ids: string[]): Promise<TrashReport> {
      const lib = await ctx.need();
      let answer: TrashReport | null = null;
      const job = ctx.jobs.enqueue('trash', '', async () => {
        const { paths, unknown } = await photoPaths(ctx, ids);
        // Read before the move: a trashed video leaves the library with its row.
        const videos = await videosAmong(await lib.readable(), paths);
        const result = paths.length ? await new DupesService(lib).trash(paths, { keepRemoved: keepTrashedRows(lib), ...(options.trashDir ? { trashDir: options.trashDir } : {}) }) : { moved: [], failed: [], refused: [] };
        const movedVideos = result.moved.filter((p) => videos.has(p)).length;
        answer = {
          moved: result.moved,
          ...(movedVideos ? { movedVideos } : {}),
          // The real file of a photo that stays is left alone, as the user's keepers are.
          skipped: [...unknown.map((p) => ({ path: p, reason: 'not in the library (any more)' })), ...result.refused],
          failed: result.failed.map((f) => ({ path: f.path, error: f.reason })),
        };
        const n = result.moved.length;
        return { added: 0, updated: 0, removed: n, embedded: 0, failed: result.failed.length, summary: `moved ${itemsText(n, movedVideos)} to the trash` };
      });
      await ctx.jobs.whenDone(job.id);
      if (!answer) throw new Error(ctx.jobs.list().find((j) => j.id === job.id)?.error ?? 'the trash was stopped');
      const report: TrashReport = answer;
      if (report.moved.length) ctx.emit({ type: 'photos-changed', added: 0, removed: report.moved.length });
      return report;
    },
  };
}
