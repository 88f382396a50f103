// What reading a photo's text costs, for the front ends to show before and while "Text in
// photos" is on: measured on this device once it has read a few photos (the wall time of
// each OCR call, the worker being the only one), an estimate from the bench until then. The
// measure is kept in the device's data folder (keepOcrCostIn): each CLI command is a process
// of its own, and `shoebox settings` after an index run that read the photos said "estimated".
import fs from 'node:fs';

/** Seconds per photo on the 2-core reference machine (bench/ocr.ts: 230-330 ms of CPU). */
export const ESTIMATED_OCR_SECONDS = 0.3;
/** Photos read before the measured mean replaces the estimate. */
const MIN_MEASURED = 8;
/** The mean follows the last few hundred photos (a new OCR model, a busier machine). */
const KEPT_PHOTOS = 200;

interface Measure {
  ms: number;
  photos: number;
}

let measure: Measure = { ms: 0, photos: 0 };
let file: string | null = null;

/** Keeps the measure in `path` (the device's data folder): read now, written as photos are read. */
export function keepOcrCostIn(path: string): void {
  if (path === file) return;
  file = path;
  measure = readMeasure(path);
}

/** One photo read in `ms` (the reading pass calls it). */
export function noteOcrTime(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) return;
  measure = { ms: measure.ms + ms, photos: measure.photos + 1 };
  if (measure.photos > KEPT_PHOTOS) measure = { ms: (measure.ms * KEPT_PHOTOS) / measure.photos, photos: KEPT_PHOTOS };
  if (file) {
    try {
      // Whole or not at all: the app and a `shoebox index` on this device read it meanwhile.
      const part = `${file}.${process.pid}.part`;
      fs.writeFileSync(part, JSON.stringify(measure));
      fs.renameSync(part, file);
    } catch {
      // Only a figure to show: the data folder unwritable (or gone) keeps it in memory alone.
    }
  }
}

export interface OcrCost {
  secondsPerPhoto: number;
  /** true: measured on this device; false: the bench's estimate. */
  measured: boolean;
}

export function ocrCost(): OcrCost {
  return measure.photos >= MIN_MEASURED ? { secondsPerPhoto: measure.ms / measure.photos / 1000, measured: true } : { secondsPerPhoto: ESTIMATED_OCR_SECONDS, measured: false };
}

function readMeasure(path: string): Measure {
  try {
    const m = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<Measure>;
    const ms = Number(m.ms);
    const photos = Number(m.photos);
    return Number.isFinite(ms) && ms >= 0 && Number.isInteger(photos) && photos >= 0 ? { ms, photos } : { ms: 0, photos: 0 };
  } catch {
    return { ms: 0, photos: 0 }; // none yet, or unreadable: measured again
  }
}
