// `shoebox show PHOTO...`: what the app's viewer shows about a photo (its size, date taken,
// camera, place, marks, description, tags, the text read in it, …), one "key: value" line per
// field, or with --json one array of objects. A reading command: the library host's getPhoto and photoShot
// (core/api/library-api.ts, the viewer's own calls) answer, named by the core's photoId of the
// path; nothing is decided here.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { PhotoDetails, PhotoShot } from '../../shared/api';
import { EXIT_FAILURE, printJson, printLine, printable } from '../output';
import { openCommandLibrary, withLibraryOptions, type LibraryCommandOptions } from '../library-options';
import { takenAtIso } from '../../shared/taken-at';
import { placeLabel } from '../../shared/place-name';
import { formatBytes } from '../../shared/bytes-text';
import { formatDuration } from '../../shared/video-time';
import { cameraName } from '../../shared/camera-text';
import { exposureText } from '../../shared/exposure-text';
import { reportMissingPhotos } from '../missing-photos';
import { tagNamer, tagsText } from './tag';

const round = (x: number) => Number(x.toFixed(6));
const position = (lat: number, lon: number) => `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
const iso = (ms: number) => new Date(ms).toISOString();
/** Characters of a photo's text the text form shows: a screenshot's or a document's page would bury the other fields. */
const TEXT_SHOWN = 200;

/** A photo's text on one line: its line breaks escaped as any field's, cut after TEXT_SHOWN characters (`--json` has it all). */
function photoTextLine(text: string): string {
  const chars = [...text];
  if (chars.length <= TEXT_SHOWN) return printable(text);
  return `${printable(chars.slice(0, TEXT_SHOWN).join('').trimEnd())}… (${chars.length} characters: --json has them all)`;
}

/** What the library keeps about a photo, and how it was taken as its file says (photoShot). */
type Shown = PhotoDetails & PhotoShot;

/** The photo as `show --json` prints it: `list --json`'s names where they share a field. */
function photoJson(p: Shown) {
  return {
    path: p.path,
    folder: p.folder,
    kind: p.kind ?? 'photo',
    // As it shows: after EXIF orientation and the user's rotation (clockwise degrees, 0 when none).
    width: p.width,
    height: p.height,
    rotation: p.rotation ?? 0,
    duration: p.duration ?? null,
    size: p.size,
    takenAt: p.takenAt === null ? null : takenAtIso(p.takenAt, p.takenOffset),
    // Set by hand (`shoebox date`): the file's own date, null when it has none.
    takenEdited: p.takenEdited ? { fileTakenAt: p.takenEdited.fileTakenAt === null ? null : takenAtIso(p.takenEdited.fileTakenAt, p.takenEdited.fileTakenOffset) } : null,
    cameraMake: p.cameraMake,
    cameraModel: p.cameraModel,
    // Read from the file when shown (null where it records none, or is not reachable here): time in seconds, focal lengths in mm.
    exposure: p.exposure ? { time: p.exposure.time ?? null, fNumber: p.exposure.fNumber ?? null, iso: p.exposure.iso ?? null, focalLength: p.exposure.focalLength ?? null, focalLength35mm: p.exposure.focalLength35mm ?? null } : null,
    lens: p.lens ?? null,
    gps: p.gpsLat === null || p.gpsLon === null ? null : { lat: p.gpsLat, lon: p.gpsLon },
    place: p.place ? placeLabel(p.place) : null,
    // Set or removed by hand (`shoebox place`): the file's own position, null when it has none.
    placeEdited: p.placeEdited ? { fileGps: p.placeEdited.fileGpsLat === null || p.placeEdited.fileGpsLon === null ? null : { lat: p.placeEdited.fileGpsLat, lon: p.placeEdited.fileGpsLon } } : null,
    favourite: p.favourite === true,
    archived: p.archived === true,
    description: p.description ?? null,
    // The text read in it (Text in photos), whole, lines apart; null when none was read.
    photoText: p.photoText ?? null,
    // Every label set's, the user's decisions included (rejected ones too), best score first.
    tags: p.tags.map((t) => ({ label: t.label, set: t.set, score: round(t.score), state: t.state })),
    modifiedAt: iso(p.mtimeMs),
    indexedAt: iso(p.indexedAt),
    model: p.modelId,
    unreachable: p.unreachable === true,
  };
}

/** The photo as text: one "key: value" line per field that has a value, control characters escaped. */
function photoLines(p: Shown): string[] {
  const lines: [string, string | null][] = [];
  const add = (key: string, value: string | null | undefined) => lines.push([key, value ?? null]);
  add('path', printable(p.path));
  add('folder', printable(p.folder));
  add('kind', p.kind ?? 'photo');
  add('dimensions', `${p.width}x${p.height}`);
  add('rotation', p.rotation ? `${p.rotation}° clockwise` : null);
  add('length', p.kind === 'video' && p.duration !== undefined ? formatDuration(p.duration) : null);
  add('size', formatBytes(p.size));
  if (p.takenAt !== null) {
    const file = p.takenEdited ? (p.takenEdited.fileTakenAt === null ? 'the file has none' : `the file's: ${takenAtIso(p.takenEdited.fileTakenAt, p.takenEdited.fileTakenOffset)}`) : null;
    add('taken', `${takenAtIso(p.takenAt, p.takenOffset)}${file ? ` (set by hand; ${file})` : ''}`);
  }
  // As the viewer words them (shared/camera-text.ts, shared/exposure-text.ts).
  add('camera', printable(cameraName(p.cameraMake, p.cameraModel)) || null);
  add('lens', p.lens !== undefined ? printable(p.lens) : null);
  add('exposure', exposureText(p.exposure) || null);
  add('place', p.place ? printable(placeLabel(p.place)) : null);
  const edited = p.placeEdited;
  const fileGps = edited ? (edited.fileGpsLat === null || edited.fileGpsLon === null ? 'the file has none' : `the file's: ${position(edited.fileGpsLat, edited.fileGpsLon)}`) : null;
  if (p.gpsLat !== null && p.gpsLon !== null) add('gps', `${position(p.gpsLat, p.gpsLon)}${fileGps ? ` (set by hand; ${fileGps})` : ''}`);
  else if (fileGps) add('gps', `removed by hand (${fileGps})`);
  add('favourite', p.favourite ? 'yes' : null);
  add('archived', p.archived ? 'yes' : null);
  add('description', p.description !== undefined ? printable(p.description) : null);
  // As `tags list` prints them: an accepted tag is the user's word, not a confidence.
  const shown = p.tags.filter((t) => t.state !== 'rejected');
  const rejected = p.tags.filter((t) => t.state === 'rejected');
  // Tags of more than one set are named "set/label" (tag.ts's tagNamer), rejected ones alike.
  const name = tagNamer(p.tags);
  add('tags', shown.length ? tagsText(shown, name) : null);
  add('rejected tags', rejected.length ? rejected.map(name).join(', ') : null);
  // The viewer's "Text in photo".
  add('text', p.photoText !== undefined ? photoTextLine(p.photoText) : null);
  add('modified', iso(p.mtimeMs));
  add('indexed', `${iso(p.indexedAt)} with ${printable(p.modelId)}`);
  add('unreachable', p.unreachable ? 'yes: its folder is not reachable from this device' : null);
  return lines.flatMap(([key, value]) => (value === null ? [] : [`${key}: ${value}`]));
}

export function registerShow(program: Command): void {
  withLibraryOptions(program.command('show'))
    .description("what the app's viewer shows about photos: dimensions, size, date taken, camera, lens, exposure, place, favourite, archived, description, tags, text in the photo")
    .argument('<photo...>', 'photos in the library (relative to the current folder, or absolute)')
    .addHelpText('after', '\nWith --json: [{"path", "folder", "kind", "width", "height", "rotation", "duration", "size", "takenAt", "takenEdited", "cameraMake", "cameraModel", "exposure": {"time", "fNumber", "iso", "focalLength", "focalLength35mm"}, "lens", "gps", "place", "placeEdited", "favourite", "archived", "description", "photoText", "tags": [{"label", "set", "score", "state"}], "modifiedAt", "indexedAt", "model", "unreachable"}], one per photo found.')
    .action(async (photos: string[], opts: LibraryCommandOptions, cmd: Command) => {
      const { photoId } = await import('../../core/index');
      // Each photo once, in the order given.
      const wanted = [...new Set(photos.map((p) => path.resolve(p)))];
      const library = await openCommandLibrary(cmd, opts, 'shoebox show', false, 'read');
      try {
        const found: Shown[] = [];
        for (const file of wanted) {
          const id = photoId(file);
          const details = await library.api.getPhoto(id);
          if (details) {
            // Read from the file now (not kept): {} for a video or a file not reachable here.
            found.push({ ...details, ...(await library.api.photoShot(id)) });
            continue;
          }
          // A path the library does not hold is said, and the others still shown (exit 1): a
          // mistyped one as the shell says it, rather than as a photo left out of the library.
          if (!fs.existsSync(file)) {
            process.stderr.write(`shoebox: no such file: ${printable(file)}\n`);
            process.exitCode = EXIT_FAILURE;
            continue;
          }
          await reportMissingPhotos(library.api, [file]);
        }
        if (opts.json) return printJson(found.map(photoJson));
        found.forEach((p, i) => {
          if (i > 0) printLine('');
          for (const line of photoLines(p)) printLine(line);
        });
      } finally {
        await library.close();
      }
    });
}
