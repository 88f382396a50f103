import type { Command } from 'commander';
import { printJson, printLine, printable } from '../output';
import { openCommandLibrary, positiveInt, wholeNumber, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';
import { unreachableNote } from '../unreachable-note';
import { noPhotoInFolderNote } from '../folder-filter-note';

export function registerList(program: Command): void {
  withLibraryOptions(program.command('list'))
    .description('list indexed photos with their metadata')
    .option('--folder <dir>', 'only photos under this folder')
    .option('--limit <n>', 'at most this many')
    .option('--offset <n>', 'skip this many', '0')
    .action(async (opts: LibraryCommandOptions & { folder?: string; limit?: string; offset: string }, cmd: Command) => {
      const page = {
        ...(opts.folder ? { folder: opts.folder } : {}),
        ...(opts.limit ? { limit: positiveInt(opts.limit, '--limit') } : {}),
        offset: wholeNumber(opts.offset, '--offset', 0),
      };
      const library = await openCommandLibrary(cmd, opts, 'shoebox list', false, 'read');
      try {
        const photos = await library.api.listPhotoRecords(page);
        const rows = photos.map((p) => ({
          path: p.path,
          width: p.width,
          height: p.height,
          // The camera's clock: no `Z` (it is no UTC time), its EXIF offset when it had one.
          takenAt: p.takenAt === null ? null : takenAtIso(p.takenAt, p.takenOffset),
          cameraMake: p.cameraMake,
          cameraModel: p.cameraModel,
          gps: p.gpsLat === null || p.gpsLon === null ? null : { lat: p.gpsLat, lon: p.gpsLon },
          // "Arezzo, Italy": the town its position belongs to (GeoNames, offline), null when none.
          place: p.place ?? null,
          size: p.size,
          hash: p.hash,
          folder: p.folder,
          // A video: its length in seconds.
          ...(p.kind === 'video' ? { kind: p.kind, duration: p.duration } : {}),
          ...(p.unreachable ? { unreachable: true } : {}),
          ...(p.favourite ? { favourite: true } : {}),
          ...(p.archived ? { archived: true } : {}),
          // Turned by the user (`shoebox rotate`), clockwise degrees; width and height are as it shows.
          ...(p.rotation ? { rotation: p.rotation } : {}),
        }));
        if (opts.json) printJson(rows);
        else {
          for (const r of rows) printLine(`${printable(r.path)}\t${r.width}x${r.height}\t${r.takenAt ?? '-'}`);
          unreachableNote(rows);
        }
        // Nothing under --folder (not past the end of the list): said in one line, as search says it.
        if (rows.length === 0 && opts.folder !== undefined && page.offset === 0) await noPhotoInFolderNote(library.api, opts.folder, `--folder ${opts.folder}`);
      } finally {
        await library.close();
      }
    });
}
