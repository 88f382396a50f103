// The date and place the user set (or the place removed) by hand in Shoebox, as an export's copy
// must carry them: a copy is the photo as Shoebox shows it (jpeg-shown-edits.ts writes them into
// a JPEG's EXIF and XMP, xmp-shown-edits.ts into an XMP sidecar).

export interface ShownEdits {
  /** The date set by hand: the camera's clock read as UTC (epoch ms, as PhotoRecord.takenAt),
   *  and that clock's offset from UTC in minutes east (null: none stated). Absent: not edited. */
  date?: { takenAt: number; takenOffset: number | null };
  /** The position set by hand (WGS84 degrees), or null: the place was removed by hand, so the
   *  copy must carry none (privacy). Absent: not edited. */
  place?: { lat: number; lon: number } | null;
}

/** Whether there is anything to write. */
export function hasShownEdits(edits: ShownEdits | undefined): edits is ShownEdits {
  return edits !== undefined && (edits.date !== undefined || edits.place !== undefined);
}

/** "2021-06-15T10:30:00" of a camera clock read as UTC; null outside the years 0-9999 (EXIF cannot say it). */
export function clockText(takenAt: number): string | null {
  if (!Number.isFinite(takenAt)) return null;
  const iso = new Date(takenAt).toISOString();
  return /^\d{4}-/.test(iso) ? iso.slice(0, 19) : null;
}

/** "+02:00" of an offset in minutes east. */
export function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
