// What an export writes for a photo and its sidecar: a copy is the photo as Shoebox shows it, so
// a JPEG's copy is written turned (jpeg-orientation.ts) and with the date and place the user set
// or removed by hand (jpeg-shown-edits.ts), nothing re-encoded. A link, or a copy of another
// format, shows as its file does; that is said, except where the place was removed by hand and
// the copy would still state or name it: that copy is refused (privacy), never shipped with it.
import fs from 'node:fs';
import { turnedJpeg, withXmpOrientation } from '../media';
import { jpegWithEdits } from '../media/jpeg-shown-edits';
import { saysWhereTaken } from '../media/place-traces';
import { hasShownEdits } from '../media/shown-edits';
import { withXmpEdits, xmpNamesPlace, xmpStatesPosition } from '../media/xmp-shown-edits';
import type { ExportEdits } from './export-edits';

export interface CopyPlan {
  /** The bytes to write instead of the file's (null: the file as it is, or a link). */
  bytes: Buffer | null;
  /** Written turned / with the edits. */
  turned: boolean;
  edited: boolean;
  /** Turned / edited in Shoebox, but exported as the file shows it. */
  unturned: boolean;
  unedited: boolean;
}

/** How `source` is exported; throws (the line the report gives) when it must not be. */
export function copyPlan(source: string, mode: 'symlink' | 'copy', turns: number, edits: ExportEdits | undefined): CopyPlan {
  const edited = hasShownEdits(edits) ? edits : undefined;
  if (mode === 'symlink') return { bytes: null, turned: false, edited: false, unturned: turns !== 0, unedited: edited !== undefined };
  if (turns === 0 && !edited) return { bytes: null, turned: false, edited: false, unturned: false, unedited: false };
  const file = fs.readFileSync(source);
  const withEdits = edited ? jpegWithEdits(file, edited) : null;
  // The index knows the file's EXIF GPS only (fileHasPlace); a place is also stated in XMP, and
  // named in XMP or an IPTC record (what a copy that could not be edited ships as it is, and
  // what an edited one must not keep either): any of them, and the copy is refused.
  if (edited?.place === null && (withEdits ? saysWhereTaken(withEdits) : edited.fileHasPlace || saysWhereTaken(file))) {
    throw new Error('not copied: its place was removed in Shoebox, but a copy of this file would still say where it was taken (a position or a place name Shoebox cannot take out of it; export a link, or a JPEG of it)');
  }
  const turned = turns !== 0 ? turnedJpeg(withEdits ?? file, turns) : null;
  // A removed place with no position in the file is carried already: the copy as it is shows it.
  const notCarried = edited !== undefined && !withEdits && !(edited.date === undefined && edited.place === null);
  return { bytes: turned ?? withEdits, turned: turned !== null, edited: withEdits !== null, unturned: turns !== 0 && !turned, unedited: notCarried };
}

/**
 * The bytes of a copy's sidecar: stating the turned copy's EXIF orientation (`turnedTo`) where it states one, and
 * the edits where it states a date or a position; null: copied as it is. Throws when the place
 * was removed by hand and the sidecar would still state a position or name a place (not UTF-8,
 * as XMP must be, so not edited; or in a form or under a namespace the edit does not take out).
 */
export function sidecarBytes(sidecar: string, turnedTo: number | null, edits: ExportEdits | undefined): Buffer | null {
  const bytes = fs.readFileSync(sidecar);
  const text = bytes.toString('utf8');
  const removed = edits?.place === null;
  // Any byte read as one character: the check sees a latin-1 "Bâle" as what it is, a name.
  const saysWhere = (xmp: string) => removed && (xmpStatesPosition(xmp) || xmpNamesPlace(xmp));
  const refused = 'not copied: its place was removed in Shoebox, but its sidecar still says where it was taken (a position or a place name that cannot be taken out)';
  if (!Buffer.from(text, 'utf8').equals(bytes)) {
    if (saysWhere(bytes.toString('latin1'))) throw new Error(refused);
    return null;
  }
  let out = text;
  if (turnedTo !== null) out = withXmpOrientation(out, turnedTo) ?? out;
  if (hasShownEdits(edits)) out = withXmpEdits(out, edits) ?? out;
  if (saysWhere(out)) throw new Error(refused);
  return out === text ? null : Buffer.from(out, 'utf8');
}
