// The few EXIF facts the library keeps per photo, read with exifr from a buffer already in
// memory. Only the tags below are parsed (no maker notes, thumbnails, XMP, ICC or IPTC), so a
// photo costs well under a millisecond. Photos carry every kind of broken EXIF; nothing here
// throws: what cannot be read is null.
import exifr from 'exifr';
import { isNoFixPosition } from '../../shared/no-fix-position';

export interface PhotoMetadata {
  /**
   * When the photo was taken, as the camera's clock showed it: DateTimeOriginal, else
   * CreateDate (DateTimeDigitized), read as if it were UTC (epoch ms). Formatting it in UTC
   * gives back exactly what the camera showed, whatever time zone this machine or the
   * viewer is in; its day is the day the photo's owner lived (a photo taken at 23:30 in
   * Santiago stays on the 29th, though it was already the 1st in UTC).
   */
  takenAt: number | null;
  /**
   * The clock's offset from UTC in minutes east (+120 for +02:00), from OffsetTimeOriginal /
   * OffsetTimeDigitized; null when EXIF has none (most cameras). The instant is
   * `takenAt - takenOffset * 60_000`.
   */
  takenOffset: number | null;
  cameraMake: string | null;
  cameraModel: string | null;
  /** Signed decimal degrees (south and west negative); null for 0/0 and out-of-range values. */
  gpsLat: number | null;
  gpsLon: number | null;
  /**
   * The EXIF Orientation tag, 1-8. Informational: decode applies orientation itself, and for
   * HEIC the pixels are already upright (heic.ts) — never rotate them again by this value.
   */
  orientation: number | null;
}

const EMPTY: PhotoMetadata = { takenAt: null, takenOffset: null, cameraMake: null, cameraModel: null, gpsLat: null, gpsLon: null, orientation: null };

/** The blocks a narrow read leaves alone, and raw values (exifr would turn dates into Dates in
 *  this machine's time zone): what every read of a few tags here shares. */
export const NARROW_READ = {
  ifd1: false,
  interop: false,
  makerNote: false,
  userComment: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  translateValues: false,
  reviveValues: false,
  mergeOutput: true,
} as const;

const OPTIONS = {
  ...NARROW_READ,
  ifd0: { pick: ['Make', 'Model', 'Orientation'] },
  exif: { pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal', 'OffsetTimeDigitized'] },
  gps: { pick: ['GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'] },
};

type Tags = Record<string, unknown>;

export async function readPhotoMetadata(buffer: Uint8Array): Promise<PhotoMetadata> {
  let tags: Tags | undefined;
  try {
    tags = (await exifr.parse(buffer, OPTIONS)) as Tags | undefined;
  } catch {
    return { ...EMPTY }; // unknown container, truncated or garbage EXIF
  }
  if (!tags || typeof tags !== 'object') return { ...EMPTY };
  const lat = gpsCoordinate(tags.GPSLatitude, tags.GPSLatitudeRef, 'S', 90);
  const lon = gpsCoordinate(tags.GPSLongitude, tags.GPSLongitudeRef, 'W', 180);
  const validGps = lat !== null && lon !== null && !isNoFixPosition(lat, lon);
  const original = exifDate(tags.DateTimeOriginal);
  const taken = original !== null ? { at: original, offset: tags.OffsetTimeOriginal } : { at: exifDate(tags.CreateDate), offset: tags.OffsetTimeDigitized };
  return {
    takenAt: taken.at,
    takenOffset: taken.at === null ? null : exifOffset(taken.offset),
    cameraMake: text(tags.Make),
    cameraModel: text(tags.Model),
    gpsLat: validGps ? lat : null,
    gpsLon: validGps ? lon : null,
    orientation: typeof tags.Orientation === 'number' && Number.isInteger(tags.Orientation) && tags.Orientation >= 1 && tags.Orientation <= 8 ? tags.Orientation : null,
  };
}

/** EXIF strings are NUL-padded fixed fields, sometimes with junk after the NUL. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const s = value.split('\0')[0]!.replace(/\s+/g, ' ').trim();
  return s || null;
}

const DATE = /^\s*(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/;
const OFFSET = /^\s*([+-])(\d{2}):?(\d{2})\s*$/;

/** "YYYY:MM:DD HH:MM:SS" → the wall-clock time read as UTC, epoch ms; null for blanks like 0000:00:00. */
export function exifDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const m = DATE.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  if (year < 1800 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wallClock).getUTCDate() !== day) return null; // 31 February and friends
  return wallClock;
}

/** EXIF's "+HH:MM" offset → minutes east of UTC; null when absent, blank or beyond ±14 h. */
export function exifOffset(value: unknown): number | null {
  const o = typeof value === 'string' ? OFFSET.exec(value) : null;
  if (!o) return null;
  const minutes = Number(o[2]) * 60 + Number(o[3]);
  if (minutes > 14 * 60 || Number(o[3]) > 59) return null;
  return o[1] === '-' && minutes > 0 ? -minutes : minutes;
}

/** Degrees/minutes/seconds (or an already-decimal number) and a hemisphere ref → signed decimal. */
function gpsCoordinate(value: unknown, ref: unknown, negativeRef: 'S' | 'W', limit: number): number | null {
  const parts = Array.isArray(value) ? value : typeof value === 'number' ? [value] : null;
  if (!parts || parts.length === 0 || parts.length > 3 || !parts.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0)) return null;
  const [d = 0, m = 0, s = 0] = parts as number[];
  const abs = d + m / 60 + s / 3600;
  if (!(abs <= limit)) return null;
  const sign = typeof ref === 'string' && ref.trim().toUpperCase().startsWith(negativeRef) ? -1 : 1;
  return sign * abs;
}
