// What reading a photo's text costs, for the front ends to show before and while "Text in
// photos" is on: measured on this device once it has read a few photos (the wall time of
// each OCR call, the worker being the only one), an estimate from the bench until then.

/** Seconds per photo on the 2-core reference machine (bench/ocr.ts: 230-330 ms of CPU). */
export const ESTIMATED_OCR_SECONDS = 0.3;
/** Photos read before the measured mean replaces the estimate. */
const MIN_MEASURED = 8;

let totalMs = 0;
let photos = 0;

/** One photo read in `ms` (the reading pass calls it). */
export function noteOcrTime(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) return;
  totalMs += ms;
  photos++;
}

export interface OcrCost {
  secondsPerPhoto: number;
  /** true: measured on this device in this process; false: the bench's estimate. */
  measured: boolean;
}

export function ocrCost(): OcrCost {
  return photos >= MIN_MEASURED ? { secondsPerPhoto: totalMs / photos / 1000, measured: true } : { secondsPerPhoto: ESTIMATED_OCR_SECONDS, measured: false };
}
